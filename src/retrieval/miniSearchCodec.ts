import MiniSearch from 'minisearch';
import type { AsPlainObject, Options } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';

/**
 * A MiniSearch index in a form that is quick to load. MiniSearch's own plain object keeps each
 * term's postings as `{ "<doc id>": freq }` objects: on the 15.6k-passage bench corpus parsing those
 * 11.6 MB of integer-keyed objects takes about 0.3 s, `MiniSearch.loadJS` turning them into Maps
 * another 0.4 s, and counting the passages per term (for the lexical index's field frequencies)
 * 0.1 s. Here each term is one flat array of numbers, `[term, fieldId, ids, freqs, fieldId, ids,
 * freqs, …]` (ids delta-coded, in MiniSearch's own order), which parses several times faster and is
 * put straight into MiniSearch's term index, each term decoded into Maps when first used (see
 * `LazyTermData`); the number of passages per term and field is the length of `ids`, so it need not
 * be stored.
 */
export type CompactTerm = [term: string, ...fieldPostings: Array<number | number[]>];

/** Passages per term, by MiniSearch field id. */
export type TermCounts = Map<number, Map<string, number>>;

/** The parts of `AsPlainObject` other than its postings, plus the postings in compact form. */
export interface CompactMiniSearch {
  /** MiniSearch's plain object with an empty `index`. */
  plain: AsPlainObject;
  terms: CompactTerm[];
}

/** Ids as stored: each the difference from the one before (the first from 0); see `fieldsOf` for the decoding. */
function deltaEncode(ids: readonly number[]): number[] {
  let previous = 0;
  return ids.map((id) => {
    const delta = id - previous;
    previous = id;
    return delta;
  });
}

/** Converts MiniSearch's plain object (from `toJSON()`) to the compact form. */
export function compactMiniSearch(plain: AsPlainObject): CompactMiniSearch {
  const terms: CompactTerm[] = plain.index.map(([term, fields]) => {
    const out: CompactTerm = [term];
    for (const [fieldId, postings] of Object.entries(fields)) {
      const entries = Object.entries(postings);
      out.push(Number(fieldId), deltaEncode(entries.map(([id]) => Number(id))), entries.map(([, freq]) => freq));
    }
    return out;
  });
  return { plain: { ...plain, index: [] }, terms };
}

/** What {@link buildCompactMiniSearch} needs of MiniSearch's options (the same ones it is loaded with). */
export type IndexingOptions<T> = Required<Pick<Options<T>, 'idField' | 'fields' | 'extractField' | 'tokenize' | 'processTerm'>>;

/** A raw token while building: where its processed terms' postings are, and the last document it was seen in. */
interface TokenRecord {
  seenIn: number;
  postings: Postings[];
}

/** One term's postings in one field while building: short ids ascending, and their term frequencies. */
interface Postings {
  ids: number[];
  freqs: number[];
}

/**
 * The compact form of the index `new MiniSearch(options).addAll(documents)` would build, equal to
 * `compactMiniSearch(thatIndex.toJSON())`, without building it. MiniSearch walks its radix tree for
 * every token it indexes (2.7 s of a cold build's CPU on the 15.6k-passage bench corpus, and its
 * `toJSON` plus compaction another second); here tokens go into a hash map and the tree is only
 * built once per distinct term, to list the terms in MiniSearch's order. That order depends on the
 * order terms were first inserted, which is why the terms are kept in first-seen order until then.
 * The documents' fields are tokenised and processed exactly as MiniSearch does (`add`).
 * @throws Error on a document without an id, or a duplicate id (as MiniSearch does).
 */
export function buildCompactMiniSearch<T>(documents: readonly T[], options: IndexingOptions<T>): CompactMiniSearch {
  const { idField, fields, extractField, tokenize, processTerm } = options;
  const fieldIds: Record<string, number> = Object.fromEntries(fields.map((f, i) => [f, i]));
  const documentIds: Record<string, string> = {};
  const fieldLength: Record<string, number[]> = {};
  const averageFieldLength: number[] = [];
  const seenIds = new Set<unknown>();
  /** Per term (in first-seen order), its postings by field id. */
  const postings = new Map<string, Array<Postings | undefined>>();
  const postingsOf = (term: string, fieldId: number): Postings => {
    let byField = postings.get(term);
    if (!byField) postings.set(term, (byField = []));
    return (byField[fieldId] ??= { ids: [], freqs: [] });
  };
  // One lookup per token: a raw token maps to the postings its processed terms go to, and remembers
  // the last document it was seen in, which counts the document's distinct tokens without a Set.
  const tokensByField = fields.map(() => new Map<string, TokenRecord>());
  documents.forEach((document, shortId) => {
    const id: unknown = extractField(document, idField);
    if (id == null) throw new Error(`MiniSearch: document does not have ID field "${idField}"`);
    if (seenIds.has(id)) throw new Error(`MiniSearch: duplicate ID ${String(id)}`);
    seenIds.add(id);
    documentIds[shortId] = id as string;
    const lengths: number[] = [];
    fields.forEach((field, fieldId) => {
      const value: unknown = extractField(document, field);
      if (value == null) return;
      const known = tokensByField[fieldId] as Map<string, TokenRecord>;
      let distinct = 0;
      for (const token of tokenize(String(value), field)) {
        let record = known.get(token);
        if (!record) {
          const processed = processTerm(token, field);
          const terms = Array.isArray(processed) ? processed.filter(Boolean) : processed ? [processed] : [];
          record = { seenIn: -1, postings: terms.map((t: string) => postingsOf(t, fieldId)) };
          known.set(token, record);
        }
        if (record.seenIn !== shortId) {
          record.seenIn = shortId;
          distinct++;
        }
        for (const p of record.postings) {
          const last = p.ids.length - 1;
          if (p.ids[last] === shortId) p.freqs[last] = (p.freqs[last] as number) + 1;
          else {
            p.ids.push(shortId);
            p.freqs.push(1);
          }
        }
      }
      lengths[fieldId] = distinct;
      // MiniSearch keeps a running mean; the same arithmetic gives the same floating-point value.
      averageFieldLength[fieldId] = ((averageFieldLength[fieldId] || 0) * shortId + distinct) / (shortId + 1);
    });
    fieldLength[shortId] = lengths;
  });

  const tree = new SearchableMap<true>();
  for (const term of postings.keys()) tree.set(term, true);
  const terms: CompactTerm[] = [];
  for (const term of tree.keys()) {
    const out: CompactTerm = [term];
    (postings.get(term) ?? []).forEach((p, fieldId) => {
      if (p) out.push(fieldId, deltaEncode(p.ids), p.freqs);
    });
    terms.push(out);
  }
  const plain: AsPlainObject = {
    documentCount: documents.length,
    nextId: documents.length,
    documentIds,
    fieldIds,
    fieldLength,
    averageFieldLength,
    storedFields: {},
    dirtCount: 0,
    index: [],
    serializationVersion: 2,
  };
  return { plain, terms };
}

/** Throws unless `entry` has the shape of a {@link CompactTerm} (the numbers themselves are checked as they are decoded). */
function checkEntry(entry: unknown): asserts entry is CompactTerm {
  if (!Array.isArray(entry) || typeof entry[0] !== 'string' || (entry.length - 1) % 3 !== 0) throw new Error('malformed term entry');
  for (let i = 1; i < entry.length; i += 3) {
    const ids: unknown = entry[i + 1];
    const freqs: unknown = entry[i + 2];
    if (typeof entry[i] !== 'number' || !Array.isArray(ids) || !Array.isArray(freqs) || ids.length !== freqs.length) throw new Error(`malformed postings of "${entry[0]}"`);
  }
}

/** The fields' postings of a checked entry, decoded. */
function* fieldsOf(entry: CompactTerm): Generator<{ fieldId: number; postings: Map<number, number> }> {
  for (let i = 1; i < entry.length; i += 3) {
    const ids = entry[i + 1] as number[];
    const freqs = entry[i + 2] as number[];
    const postings = new Map<number, number>();
    let id = 0;
    for (let k = 0; k < ids.length; k++) {
      id += ids[k] as number;
      postings.set(id, freqs[k] as number);
    }
    yield { fieldId: entry[i] as number, postings };
  }
}

/**
 * One term's postings by field id, decoded from its compact entry the first time anything reads or
 * changes it. Building the 1.2M postings of the bench corpus as Maps is most of loading the lexical
 * index (about 0.2 s), and a query only ever reads the few terms it matches. Every Map method
 * decodes first, so to MiniSearch this is an ordinary Map; the postings Maps inside are plain.
 */
class LazyTermData extends Map<number, Map<number, number>> {
  #entry: CompactTerm | null;

  constructor(entry: CompactTerm) {
    super();
    this.#entry = entry;
  }

  #decode(): void {
    const entry = this.#entry;
    if (entry === null) return;
    this.#entry = null;
    for (const { fieldId, postings } of fieldsOf(entry)) super.set(fieldId, postings);
  }

  override get size(): number {
    this.#decode();
    return super.size;
  }
  override get(key: number): Map<number, number> | undefined {
    this.#decode();
    return super.get(key);
  }
  override has(key: number): boolean {
    this.#decode();
    return super.has(key);
  }
  override set(key: number, value: Map<number, number>): this {
    this.#decode();
    return super.set(key, value);
  }
  override delete(key: number): boolean {
    this.#decode();
    return super.delete(key);
  }
  override clear(): void {
    this.#entry = null;
    super.clear();
  }
  override forEach(callback: (value: Map<number, number>, key: number, map: Map<number, Map<number, number>>) => void, thisArg?: unknown): void {
    this.#decode();
    super.forEach(callback, thisArg);
  }
  override keys(): MapIterator<number> {
    this.#decode();
    return super.keys();
  }
  override values(): MapIterator<Map<number, number>> {
    this.#decode();
    return super.values();
  }
  override entries(): MapIterator<[number, Map<number, number>]> {
    this.#decode();
    return super.entries();
  }
  override [Symbol.iterator](): MapIterator<[number, Map<number, number>]> {
    return this.entries();
  }
}

/** MiniSearch's private term index, as far as loading needs it (checked before use). */
interface TermIndex {
  set(term: string, data: Map<number, Map<number, number>>): unknown;
  get(term: string): unknown;
}

function termIndexOf(miniSearch: MiniSearch<never>): TermIndex | null {
  const index = (miniSearch as unknown as { _index?: unknown })._index;
  if (typeof index !== 'object' || index === null) return null;
  const i = index as Partial<TermIndex>;
  return typeof i.set === 'function' && typeof i.get === 'function' ? (index as TermIndex) : null;
}

/**
 * Restores a MiniSearch index from its compact form, with the number of passages per term and field.
 * The postings go straight into MiniSearch's term index when it has the shape this was written
 * against (MiniSearch 7); otherwise, or if a term put there cannot be found again, they are handed
 * to `MiniSearch.loadJS` as plain objects, which is slower but relies on nothing internal. The shape
 * of every entry is checked here, so a damaged file fails to load rather than a later search.
 * @throws Error on a malformed file (the caller reports it as a damaged index).
 */
export function loadCompactMiniSearch<T>(
  compact: CompactMiniSearch,
  options: Options<T>,
  /** `false` takes the public `loadJS` path whatever MiniSearch's internals look like (tests compare the two). */
  { direct: allowDirect = true }: { direct?: boolean } = {},
): { miniSearch: MiniSearch<T>; counts: TermCounts } {
  const counts: TermCounts = new Map();
  for (const entry of compact.terms) {
    checkEntry(entry);
    for (let i = 1; i < entry.length; i += 3) {
      const fieldId = entry[i] as number;
      let byTerm = counts.get(fieldId);
      if (!byTerm) counts.set(fieldId, (byTerm = new Map()));
      byTerm.set(entry[0], (entry[i + 1] as number[]).length);
    }
  }
  const direct = MiniSearch.loadJS<T>({ ...compact.plain, index: [] }, options);
  const termIndex = allowDirect ? termIndexOf(direct as MiniSearch<never>) : null;
  if (termIndex) {
    let last: { term: string; data: LazyTermData } | undefined;
    for (const entry of compact.terms) {
      last = { term: entry[0], data: new LazyTermData(entry) };
      termIndex.set(last.term, last.data);
    }
    // The term index is what MiniSearch searches: the last term must be found where it was put.
    if (!last || termIndex.get(last.term) === last.data) return { miniSearch: direct, counts };
  }
  const index: AsPlainObject['index'] = compact.terms.map((entry) => {
    const fields: Record<string, Record<string, number>> = {};
    for (const { fieldId, postings } of fieldsOf(entry)) fields[fieldId] = Object.fromEntries(postings);
    return [entry[0], fields];
  });
  return { miniSearch: MiniSearch.loadJS<T>({ ...compact.plain, index }, options), counts };
}
