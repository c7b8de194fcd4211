/**
 * The review rules' caches by content (a block's reading, a sentence's words and matches, a clause's numbers,
 * a diagram's flowchart): what did not change since the last version is not read again. Each is bounded (emptied
 * when full: cheaper to consult than a least-recently-used order, which matters when every sentence is looked
 * up on every keystroke), and all can be cleared at once (the benchmark measures a first reading that way).
 */
export class BoundedMap<K, V> {
  readonly #map = new Map<K, V>();
  readonly limit: number;

  constructor(limit: number) {
    this.limit = Math.max(1, limit);
  }

  get(key: K): V | undefined {
    return this.#map.get(key);
  }

  set(key: K, value: V): void {
    if (this.#map.size >= this.limit && !this.#map.has(key)) this.#map.clear();
    this.#map.set(key, value);
  }

  clear(): void {
    this.#map.clear();
  }

  get size(): number {
    return this.#map.size;
  }
}

const all: Array<BoundedMap<unknown, unknown>> = [];

export function reviewCache<K, V>(limit: number): BoundedMap<K, V> {
  const c = new BoundedMap<K, V>(limit);
  all.push(c as BoundedMap<unknown, unknown>);
  return c;
}

let generation = 0;

/** Bumped by every clear: caches owned by objects that come and go (a concept of a custom schema) check it. */
export function cacheGeneration(): number {
  return generation;
}

/** Forgets everything the review rules cached. */
export function clearReviewCaches(): void {
  for (const c of all) c.clear();
  generation++;
}
