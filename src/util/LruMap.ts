/**
 * A Map that forgets its least recently used entries beyond `capacity`. Conversation state, answer
 * records and timeline pages live in memory; this keeps a long-running bot's memory bounded.
 */
export class LruMap<K, V> {
  readonly #capacity: number;
  readonly #map = new Map<K, V>();

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    this.#capacity = capacity;
  }

  get size(): number {
    return this.#map.size;
  }

  /** Returns the value and marks it as recently used. */
  get(key: K): V | undefined {
    if (!this.#map.has(key)) return undefined;
    const value = this.#map.get(key) as V;
    this.#map.delete(key);
    this.#map.set(key, value);
    return value;
  }

  has(key: K): boolean {
    return this.#map.has(key);
  }

  set(key: K, value: V): this {
    this.#map.delete(key);
    this.#map.set(key, value);
    // Map iterates in insertion order, so the first key is the least recently used.
    while (this.#map.size > this.#capacity) {
      const oldest = this.#map.keys().next();
      if (oldest.done) break;
      this.#map.delete(oldest.value);
    }
    return this;
  }

  /** Entries from the least to the most recently used, without marking any as used. */
  entries(): MapIterator<[K, V]> {
    return this.#map.entries();
  }

  delete(key: K): boolean {
    return this.#map.delete(key);
  }
}
