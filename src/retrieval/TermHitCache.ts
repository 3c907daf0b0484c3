import { LruMap } from '../util/LruMap.js';

/** What one query term finds: items (passages) with a score each, in the order they were found. */
export interface TermHits<T> {
  items: readonly T[];
  scores: Float64Array;
}

/** Each item's position in its hits, built on the first lookup (see {@link hitScore}). */
const positions = new WeakMap<TermHits<unknown>, Map<unknown, number>>();

/**
 * The score `hits` gives `item`, or undefined when it is not among them. For picking a few items'
 * scores out of a common word's thousands of hits without walking them all.
 */
export function hitScore<T>(hits: TermHits<T>, item: T): number | undefined {
  let at = positions.get(hits);
  if (!at) {
    at = new Map(hits.items.map((x, i) => [x, i]));
    positions.set(hits, at);
  }
  const i = at.get(item);
  return i === undefined ? undefined : hits.scores[i];
}

/**
 * Per-term search results, remembered until the index changes: questions about one corpus keep
 * using the same words, and searching a word anew (expanding it by prefix and edit distance, then
 * scoring its postings) was most of a lexical query. An {@link LruMap} weighed by the number of
 * hits, not of terms, since a common word holds thousands; past the bound the least recently used
 * terms are forgotten, and a term with more hits than the bound is never kept.
 */
export class TermHitCache<T> {
  readonly #entries: LruMap<string, TermHits<T>>;

  /** @param limit - most hits held over all terms. */
  constructor(limit: number) {
    this.#entries = new LruMap(limit, (hits) => hits.items.length);
  }

  /** Hits held over all terms. */
  get held(): number {
    return this.#entries.weight;
  }

  /** The hits under `key`, computed by `search` when not held. */
  get(key: string, search: () => TermHits<T>): TermHits<T> {
    const known = this.#entries.get(key);
    if (known) return known;
    const hits = search();
    this.#entries.set(key, hits);
    return hits;
  }

  /** Forgets every term (the index changed). */
  clear(): void {
    this.#entries.clear();
  }
}
