/**
 * A Map that forgets its least recently used entries beyond `capacity`. Conversation state, answer
 * records, timeline pages and per-term search hits live in memory; this keeps a long-running
 * bot's memory bounded. By default each entry counts 1 towards the capacity; with `weigh`, an entry
 * counts its weight (a search term's hits count how many there are), and one heavier than the
 * whole capacity is never kept.
 */
export class LruMap<K, V> {
  readonly #capacity: number;
  readonly #weigh: (value: V) => number;
  readonly #map = new Map<K, V>();
  #weight = 0;

  constructor(capacity: number, weigh: (value: V) => number = () => 1) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    this.#capacity = capacity;
    this.#weigh = weigh;
  }

  get size(): number {
    return this.#map.size;
  }

  /** The entries' weight together (their number, without `weigh`). */
  get weight(): number {
    return this.#weight;
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
    this.delete(key);
    const weight = this.#weigh(value);
    if (weight > this.#capacity) return this;
    this.#map.set(key, value);
    this.#weight += weight;
    // Map iterates in insertion order, so the first key is the least recently used.
    while (this.#weight > this.#capacity) {
      const oldest = this.#map.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
    return this;
  }

  /** Entries from the least to the most recently used, without marking any as used. */
  entries(): MapIterator<[K, V]> {
    return this.#map.entries();
  }

  delete(key: K): boolean {
    if (!this.#map.has(key)) return false;
    this.#weight -= this.#weigh(this.#map.get(key) as V);
    return this.#map.delete(key);
  }

  /** Forgets every entry. */
  clear(): void {
    this.#map.clear();
    this.#weight = 0;
  }
}
