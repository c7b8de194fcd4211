import { Lru } from '../lru.js';

/**
 * The review rules' caches by content (a block's reading, a sentence's words and matches, a clause's numbers,
 * a diagram's flowchart): what did not change since the last version is not read again. Each is bounded, and
 * all can be cleared at once (the benchmark measures a first reading that way).
 */
const all: Array<Lru<unknown, unknown>> = [];

export function reviewCache<K, V>(limit: number): Lru<K, V> {
  const c = new Lru<K, V>(limit);
  all.push(c as Lru<unknown, unknown>);
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
