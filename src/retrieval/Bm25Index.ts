import SearchableMap from 'minisearch/SearchableMap';
import { DossierError } from '../errors.js';
import { readBm25File, writeBm25File, type Bm25File, type FieldPostings, type TermPostings } from './Bm25File.js';

/** How documents become terms: per field, the text, its raw tokens, and each token's index term. */
export interface Bm25Indexing<T extends { id: string }> {
  /** Field names; a field's number is its position here. */
  fields: readonly string[];
  text(document: T, field: number): string;
  tokenize(text: string): string[];
  /** The index term of a raw token, or null to leave it out (a stop word). */
  processTerm(token: string): string | null;
}

/**
 * How one query term is matched and scored. The scoring is MiniSearch's documented BM25+ and its
 * search options, so that scores are those MiniSearch would give the same documents (a test
 * compares them with MiniSearch itself): exact matches weigh 1; a prefix match `term + s`
 * weighs `prefix × |term + s| / (|term + s| + 0.3 |s|)`; a fuzzy match at edit distance `e`
 * weighs `fuzzy × |match| / (|match| + e)`; a term found both ways counts as a prefix match.
 */
export interface TermQuery {
  /** Field numbers to search, in order. */
  fields: readonly number[];
  /** Also match the indexed terms this term is a prefix of. */
  prefix: boolean;
  /** Largest edit distance of a fuzzy match (0: none). */
  maxDistance: number;
}

/** The BM25+ parameters and weights; the values are MiniSearch's defaults (`k` 1.2, `b` 0.7, `d` 0.5). */
export interface Bm25Params {
  k: number;
  b: number;
  d: number;
  /** Weight of a prefix match of the same length as the term (see {@link TermQuery}). */
  prefixWeight: number;
  /** Weight of a fuzzy match at distance 0 (see {@link TermQuery}). */
  fuzzyWeight: number;
  /** Per field number, a factor on that field's scores (1 where absent). */
  fieldBoosts: readonly number[];
}

/** Documents a query term reaches, with its score for each, in the order they were first reached. */
export interface TermScores {
  documents: number[];
  scores: Float64Array;
}

/** A term of the vocabulary and the weight its matches get for one query term. */
interface Expansion {
  term: number;
  weight: number;
}

/**
 * A BM25+ index of our own over documents with several text fields: the postings of a saved index
 * stay encoded in its file and are decoded one term at a time when a query first needs that term
 * (so loading reads the header and builds the term lookup, nothing more), and documents added or
 * removed since the file was written are kept beside it. Terms are looked up with MiniSearch's
 * public `SearchableMap` (a radix tree with prefix and fuzzy search).
 *
 * Scores depend only on the documents indexed, never on the order of additions and removals: the
 * average field length is the integer total over the document count, and a query term's
 * prefix and fuzzy matches are summed in term order. So an index updated in place scores exactly
 * like one built from scratch over the same documents.
 *
 * Documents are numbered in the order they were added; a removed document keeps its number (no
 * longer live) until the index is saved, which renumbers the live ones.
 */
export class Bm25Index<T extends { id: string }> {
  /** By document number; null once removed. */
  readonly #documents: Array<T | null> = [];
  readonly #numbers = new Map<string, number>();
  /** `lengths[document * fields + field]`: distinct raw tokens of the field (stop words included, as MiniSearch counts). */
  readonly #lengths: number[] = [];
  readonly #totals: number[];
  #live = 0;
  #removed = 0;
  /** Term -> term number. */
  readonly #vocabulary = new SearchableMap<number>();
  readonly #terms: string[] = [];
  /** The file the index was loaded from (its terms are term numbers 0..n-1, its documents document numbers 0..m-1), if any. */
  readonly #file: Bm25File | null;
  /** The file's bytes while nothing changed since, so saving costs nothing. */
  #bytes: Uint8Array | null;
  /** Postings of documents added since the file, by term number and field (document numbers ascending). */
  readonly #added = new Map<number, Array<{ ids: number[]; freqs: number[] } | undefined>>();
  /** Each term's live postings, decoded on first use; emptied when documents change. */
  readonly #decoded = new Map<number, TermPostings>();

  private constructor(
    private readonly indexing: Bm25Indexing<T>,
    private readonly params: Bm25Params,
    file: Bm25File | null,
    bytes: Uint8Array | null,
  ) {
    this.#file = file;
    this.#bytes = bytes;
    this.#totals = indexing.fields.map(() => 0);
  }

  /** Indexes `documents` (ids must be unique). */
  static build<T extends { id: string }>(documents: readonly T[], indexing: Bm25Indexing<T>, params: Bm25Params): Bm25Index<T> {
    const index = new Bm25Index(indexing, params, null, null);
    index.add(documents);
    return index;
  }

  /**
   * Restores an index saved with {@link Bm25Index.save}. `documents` must hold every document the
   * file holds whose id is not in `discard` (the versions that were indexed); the discarded ones are
   * left out without being read.
   * @throws DossierError `INDEX_INCOMPATIBLE` for another file format, `INDEX_CORRUPT` for a damaged
   *   file, other fields, or documents that do not match it.
   */
  static load<T extends { id: string }>(
    bytes: Uint8Array,
    documents: ReadonlyMap<string, T>,
    discard: ReadonlySet<string>,
    indexing: Bm25Indexing<T>,
    params: Bm25Params,
  ): Bm25Index<T> {
    const file = readBm25File(bytes);
    if (file.fields.join('\n') !== indexing.fields.join('\n')) throw new DossierError('INDEX_CORRUPT', `The stored lexical index has the fields ${file.fields.join(', ')}.`);
    const index = new Bm25Index(indexing, params, file, discard.size === 0 ? bytes : null);
    index.#restore(file, documents, discard);
    return index;
  }

  #restore(file: Bm25File, documents: ReadonlyMap<string, T>, discard: ReadonlySet<string>): void {
    const fieldCount = this.indexing.fields.length;
    file.documents.forEach((id, n) => {
      const document = discard.has(id) ? null : (documents.get(id) ?? null);
      if (document === null && !discard.has(id)) throw new DossierError('INDEX_CORRUPT', `The stored lexical index holds ${id}, which the index does not.`);
      if (this.#numbers.has(id)) throw new DossierError('INDEX_CORRUPT', `The stored lexical index holds ${id} twice.`);
      this.#documents.push(document);
      this.#numbers.set(id, n);
      for (let f = 0; f < fieldCount; f++) {
        const length = file.lengths[n * fieldCount + f] as number;
        this.#lengths.push(length);
        if (document) this.#totals[f] = (this.#totals[f] as number) + length;
      }
      if (document) this.#live++;
      else {
        this.#numbers.delete(id);
        this.#removed++;
      }
    });
    file.terms.forEach((term, t) => {
      this.#vocabulary.set(term, t);
      this.#terms.push(term);
    });
  }

  /** Number of live documents. */
  get size(): number {
    return this.#live;
  }

  /** Whether a live document has this id. */
  has(id: string): boolean {
    return this.#numbers.has(id);
  }

  /** The live document with this number, or null. */
  document(n: number): T | null {
    return this.#documents[n] ?? null;
  }

  /** Numbers of the live documents, ascending. */
  *liveNumbers(): Generator<number> {
    for (let n = 0; n < this.#documents.length; n++) if (this.#documents[n]) yield n;
  }

  /**
   * Indexes documents (none of whose ids may be live).
   * @throws DossierError `USAGE` on a duplicate id, before anything changes.
   */
  add(documents: readonly T[]): void {
    const ids = new Set<string>();
    for (const d of documents) {
      if (this.#numbers.has(d.id) || ids.has(d.id)) throw new DossierError('USAGE', `Cannot add ${d.id} to the lexical index: the id is already indexed.`);
      ids.add(d.id);
    }
    if (documents.length === 0) return;
    this.#changed();
    const fieldCount = this.indexing.fields.length;
    // A raw token maps to its term's postings once per field (stemming dominates indexing), and
    // remembers the last document it was seen in, which counts a field's distinct tokens without a Set.
    const known = this.indexing.fields.map(() => new Map<string, { seenIn: number; postings: { ids: number[]; freqs: number[] } | null }>());
    for (const document of documents) {
      const n = this.#documents.length;
      this.#documents.push(document);
      this.#numbers.set(document.id, n);
      this.#live++;
      for (let f = 0; f < fieldCount; f++) {
        const tokens = known[f] as Map<string, { seenIn: number; postings: { ids: number[]; freqs: number[] } | null }>;
        let distinct = 0;
        for (const token of this.indexing.tokenize(this.indexing.text(document, f))) {
          let record = tokens.get(token);
          if (!record) {
            const term = this.indexing.processTerm(token);
            record = { seenIn: -1, postings: term ? this.#addedPostings(term, f) : null };
            tokens.set(token, record);
          }
          if (record.seenIn !== n) {
            record.seenIn = n;
            distinct++;
          }
          const p = record.postings;
          if (!p) continue;
          const last = p.ids.length - 1;
          if (p.ids[last] === n) p.freqs[last] = (p.freqs[last] as number) + 1;
          else {
            p.ids.push(n);
            p.freqs.push(1);
          }
        }
        this.#lengths.push(distinct);
        this.#totals[f] = (this.#totals[f] as number) + distinct;
      }
    }
  }

  /** The postings list that documents added now extend, for a term and field (the term enters the vocabulary if new). */
  #addedPostings(term: string, field: number): { ids: number[]; freqs: number[] } {
    let t = this.#vocabulary.get(term);
    if (t === undefined) {
      t = this.#terms.length;
      this.#terms.push(term);
      this.#vocabulary.set(term, t);
    }
    let byField = this.#added.get(t);
    if (!byField) this.#added.set(t, (byField = []));
    return (byField[field] ??= { ids: [], freqs: [] });
  }

  /**
   * Takes documents out by id: they stop counting at once (document frequencies, average field
   * lengths), without their text being read. Their postings are dropped when the index is saved.
   * @throws DossierError `USAGE` when an id is not live, before anything changes.
   */
  remove(ids: readonly string[]): void {
    const numbers = ids.map((id) => {
      const n = this.#numbers.get(id);
      if (n === undefined) throw new DossierError('USAGE', `Cannot remove ${id} from the lexical index: it is not indexed.`);
      return n;
    });
    if (new Set(numbers).size !== numbers.length) throw new DossierError('USAGE', 'Cannot remove a passage from the lexical index twice.');
    if (numbers.length === 0) return;
    this.#changed();
    const fieldCount = this.indexing.fields.length;
    for (const n of numbers) {
      const document = this.#documents[n] as T;
      this.#numbers.delete(document.id);
      this.#documents[n] = null;
      this.#live--;
      this.#removed++;
      for (let f = 0; f < fieldCount; f++) this.#totals[f] = (this.#totals[f] as number) - (this.#lengths[n * fieldCount + f] as number);
    }
  }

  #changed(): void {
    this.#decoded.clear();
    this.#bytes = null;
  }

  /** Number of live documents whose `field` contains the term exactly. */
  documentFrequency(term: string, field: number): number {
    const t = this.#vocabulary.get(term);
    if (t === undefined) return 0;
    // Without removals and additions the file's counts are exact and nothing need be decoded.
    if (this.#removed === 0 && this.#file && t < this.#file.terms.length && !this.#added.has(t)) return this.#file.counts[t * this.indexing.fields.length + field] as number;
    return this.#postingsOf(t)[field]?.ids.length ?? 0;
  }

  #postingsOf(t: number): TermPostings {
    let postings = this.#decoded.get(t);
    if (postings) return postings;
    const file = this.#file;
    const stored = file && t < file.terms.length ? file.decodeTerm(t) : [];
    const added = this.#added.get(t);
    if (this.#removed === 0 && !added) postings = stored;
    else {
      const merged: Array<FieldPostings | undefined> = [];
      for (let f = 0; f < this.indexing.fields.length; f++) merged[f] = this.#livePostings(stored[f], added?.[f]);
      postings = merged;
    }
    this.#decoded.set(t, postings);
    return postings;
  }

  /** The postings of live documents, from the file's and the added ones (whose numbers are all higher). */
  #livePostings(stored: FieldPostings | undefined, added: FieldPostings | undefined): FieldPostings | undefined {
    // Postings are only read within one synchronous call and leave the cache when documents change, so
    // the lists `add` extends can be handed out without a copy.
    if (this.#removed === 0 && !stored) return added && added.ids.length > 0 ? added : undefined;
    const ids: number[] = [];
    const freqs: number[] = [];
    for (const p of [stored, added]) {
      if (!p) continue;
      for (let i = 0; i < p.ids.length; i++) {
        const n = p.ids[i] as number;
        if (this.#documents[n] === null) continue;
        ids.push(n);
        freqs.push(p.freqs[i] as number);
      }
    }
    return ids.length > 0 ? { ids: Uint32Array.from(ids), freqs: Uint32Array.from(freqs) } : undefined;
  }

  /**
   * The terms a query term matches, with their weights: itself, then its prefix matches, then its
   * fuzzy matches, each group in term order (so sums do not depend on the radix tree's layout).
   */
  #expansions(term: string, query: TermQuery): Expansion[] {
    const out: Expansion[] = [];
    const exact = this.#vocabulary.get(term);
    if (exact !== undefined) out.push({ term: exact, weight: 1 });
    const prefixed = new Set<string>();
    if (query.prefix) {
      const matches: Array<[string, number]> = [];
      for (const [match, t] of this.#vocabulary.atPrefix(term).entries()) if (match.length > term.length) matches.push([match, t]);
      matches.sort(([a], [b]) => (a < b ? -1 : 1));
      for (const [match, t] of matches) {
        prefixed.add(match);
        const distance = match.length - term.length;
        out.push({ term: t, weight: (this.params.prefixWeight * match.length) / (match.length + 0.3 * distance) });
      }
    }
    if (query.maxDistance > 0) {
      const matches = [...this.#vocabulary.fuzzyGet(term, query.maxDistance)].filter(([match, [, distance]]) => distance > 0 && !prefixed.has(match));
      matches.sort(([a], [b]) => (a < b ? -1 : 1));
      for (const [match, [t, distance]] of matches) out.push({ term: t, weight: (this.params.fuzzyWeight * match.length) / (match.length + distance) });
    }
    return out;
  }

  /**
   * BM25+ of one query term for every live document it reaches in `query.fields`: per document the
   * sum over the matched terms and fields of weight × field boost × BM25+, where a term's document
   * frequency is its number of live documents in that field and the document count is the live count.
   */
  score(term: string, query: TermQuery): TermScores {
    const { k, b, d, fieldBoosts } = this.params;
    const fieldCount = this.indexing.fields.length;
    const total = this.#live;
    const sums = new Float64Array(this.#documents.length);
    const reached = new Uint8Array(this.#documents.length);
    const documents: number[] = [];
    for (const { term: t, weight } of this.#expansions(term, query)) {
      const postings = this.#postingsOf(t);
      for (const f of query.fields) {
        const p = postings[f];
        if (!p) continue;
        const boost = fieldBoosts[f] ?? 1;
        const matching = p.ids.length;
        const average = (this.#totals[f] as number) / total;
        const idf = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
        for (let i = 0; i < matching; i++) {
          const n = p.ids[i] as number;
          const tf = p.freqs[i] as number;
          const length = this.#lengths[n * fieldCount + f] as number;
          // MiniSearch's BM25+, operation for operation, so the floating-point results are the same.
          const raw = idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / average)));
          sums[n] = (sums[n] as number) + weight * boost * raw;
          if (reached[n] === 0) {
            reached[n] = 1;
            documents.push(n);
          }
        }
      }
    }
    return { documents, scores: Float64Array.from(documents, (n) => sums[n] as number) };
  }

  /** Every live document the query term reaches (exactly, by prefix or fuzzily) in `query.fields`, as a mask by document number. */
  reach(term: string, query: TermQuery): Uint8Array {
    const reached = new Uint8Array(this.#documents.length);
    for (const { term: t } of this.#expansions(term, query)) {
      const postings = this.#postingsOf(t);
      for (const f of query.fields) {
        const ids = postings[f]?.ids;
        if (ids) for (let i = 0; i < ids.length; i++) reached[ids[i] as number] = 1;
      }
    }
    return reached;
  }

  /**
   * The saved form: live documents renumbered in order, terms without live postings dropped. An
   * index that has not changed since it was loaded returns the bytes it was loaded from.
   */
  save(): Uint8Array {
    if (this.#bytes) return this.#bytes;
    const fieldCount = this.indexing.fields.length;
    const renumber = new Int32Array(this.#documents.length).fill(-1);
    const documents: string[] = [];
    const lengths: number[] = [];
    this.#documents.forEach((document, n) => {
      if (!document) return;
      renumber[n] = documents.length;
      documents.push(document.id);
      for (let f = 0; f < fieldCount; f++) lengths.push(this.#lengths[n * fieldCount + f] as number);
    });
    const kept: Array<{ term: string; postings: TermPostings }> = [];
    const renumbered = this.#removed > 0;
    this.#terms.forEach((term, t) => {
      const live = this.#postingsOf(t);
      const postings = renumbered ? live.map((p) => p && { ids: Array.from(p.ids, (n) => renumber[n] as number), freqs: p.freqs }) : live;
      if (postings.some((p) => p !== undefined)) kept.push({ term, postings });
    });
    // Not left in the cache: decoding every term for the save would otherwise stay in memory.
    this.#decoded.clear();
    kept.sort((a, b) => (a.term < b.term ? -1 : 1));
    const bytes = writeBm25File({ fields: this.indexing.fields, documents, lengths, terms: kept.map((k) => k.term), postings: (t) => kept[t]?.postings ?? [] });
    return bytes;
  }
}
