/**
 * A map that keeps at most `limit` entries, dropping the least recently used.
 * Every cache of the engine is one of these, so no input can grow memory
 * without bound.
 */
export class Lru<K, V> {
  readonly #map = new Map<K, V>();
  readonly limit: number;

  constructor(limit: number) {
    this.limit = Math.max(1, limit);
  }

  get size(): number {
    return this.#map.size;
  }

  get(key: K): V | undefined {
    const v = this.#map.get(key);
    if (v !== undefined) {
      // Re-insert: Map iteration order is insertion order, so the first key is the least recently used.
      this.#map.delete(key);
      this.#map.set(key, v);
    }
    return v;
  }

  has(key: K): boolean {
    return this.#map.has(key);
  }

  set(key: K, value: V): void {
    this.#map.delete(key);
    this.#map.set(key, value);
    while (this.#map.size > this.limit) this.#map.delete(this.#map.keys().next().value as K);
  }

  delete(key: K): void {
    this.#map.delete(key);
  }

  clear(): void {
    this.#map.clear();
  }

  values(): IterableIterator<V> {
    return this.#map.values();
  }
}
