import MiniSearch from 'minisearch';
import type { AsPlainObject, Options, SearchOptions } from 'minisearch';
import { DossierError } from '../errors.js';
import type { Passage } from '../ingest/Passage.js';
import { processTerm, termSet, tokenize } from './searchTerms.js';

/** A passage that matched a lexical query. */
export interface LexicalHit {
  passage: Passage;
  /** MiniSearch's BM25+ score (unbounded; comparable only within one query). */
  score: number;
  /**
   * `score` relative to the best hit of this query, times `coverage`, in [0, 1]: the best hit
   * scores 1 only when it contains every query term, so an off-topic question whose only match is
   * a common word stays low and an answerer can abstain on it.
   */
  normalized: number;
  /** IDF-weighted share of the query's terms found in the passage (exactly, by prefix or fuzzily). */
  coverage: number;
}

export interface LexicalSearchOptions {
  /** Most hits to return (default 50). */
  limit?: number;
  /** Keep only passages for which this returns true (applied before `limit`). */
  filter?: (passage: Passage) => boolean;
}

/** Passages to take out of and put into an index, see {@link LexicalIndex.update}. */
export interface LexicalIndexChange {
  /** Passages to remove, by id (the index removes the version it was built with). */
  remove: readonly Passage[];
  /** Passages to add; their ids must not be in the index after `remove`. */
  add: readonly Passage[];
}

/** The serialised form, stored beside the vectors. */
export interface LexicalIndexJSON {
  version: number;
  miniSearch: AsPlainObject;
}

/**
 * Lexical weights. Titles repeat on every passage of an article, so a small boost is enough to
 * favour the article a question names without drowning the passage text.
 */
const TITLE_BOOST = 1.3;
/** Relative edit distance for typos and transliterations ("Hikmat"/"Hikmet", "Nakhichevan"/"Nakhchivan"). */
const FUZZY = 0.2;
/** Shorter terms get no fuzzy matching: one edit in four letters turns "bass" into "base". */
const MIN_FUZZY_LENGTH = 5;
/** Shorter terms get no prefix matching: "us" would otherwise match "use", "usual", ... */
const MIN_PREFIX_LENGTH = 4;

/**
 * A term found in more than this share of the passages in one field is boilerplate there (the
 * "State of the Union Address" title that all but 22 of the 15.6k benchmark passages carry): its BM25
 * IDF in that field is about 0.001 (a rare word's is about 8), but scoring it makes MiniSearch visit
 * every passage. So that field is not searched for it, and its one real effect, MiniSearch's
 * coordination factor (a score is multiplied by the number of query terms the passage matched), is
 * applied from the few passages the field does not reach. In that corpus the most common text term
 * is in 48% of passages; no term of the seeds alone is in more than 82%.
 */
const BOILERPLATE_SHARE = 0.95;

const FIELDS = ['title', 'text'] as const;
type SearchableField = (typeof FIELDS)[number];

/** Identical at build and load time (MiniSearch requires it), so it is a function of nothing. */
function miniSearchOptions(): Options<Passage> {
  const searchOptions: SearchOptions = {
    boost: { title: TITLE_BOOST },
    fuzzy: (term) => (term.length >= MIN_FUZZY_LENGTH ? FUZZY : false),
    prefix: (term) => term.length >= MIN_PREFIX_LENGTH,
    // Exact matches count fully; the library's defaults already keep fuzzy below prefix below exact.
    weights: { fuzzy: 0.45, prefix: 0.375 },
    combineWith: 'OR',
  };
  return {
    idField: 'id',
    fields: [...FIELDS],
    storeFields: [],
    extractField: (doc, field) => (field === 'title' ? (doc.meta.title ?? '') : field === 'id' ? doc.id : doc.text),
    tokenize,
    processTerm,
    searchOptions,
    logger: (_level, message, code) => {
      // Raised when a removed passage no longer matches what was indexed: going on would corrupt the index.
      if (code === 'version_conflict') throw new DossierError('INDEX_CORRUPT', message);
    },
  };
}

/** Searches already-processed terms (joined by spaces), without re-tokenising or re-stemming them. */
const RAW_TERM: SearchOptions = { tokenize: (s) => s.split(' ').filter(Boolean), processTerm: (t) => t };

const FORMAT_VERSION = 1;

function fieldValue(passage: Passage, field: SearchableField): string {
  return field === 'title' ? (passage.meta.title ?? '') : passage.text;
}

/** Per field, how many passages contain each index term (exactly). */
type FieldFrequencies = Record<SearchableField, Map<string, number>>;

function countTerms(frequencies: FieldFrequencies, passage: Passage, delta: 1 | -1): void {
  for (const field of FIELDS) {
    const counts = frequencies[field];
    for (const t of termSet(fieldValue(passage, field))) {
      const n = (counts.get(t) ?? 0) + delta;
      if (n > 0) counts.set(t, n);
      else counts.delete(t);
    }
  }
}

/** Field frequencies from the serialised postings (term -> field id -> doc id -> freq), without re-tokenising. */
function fieldFrequenciesOf(plain: AsPlainObject): FieldFrequencies {
  const frequencies: FieldFrequencies = { title: new Map(), text: new Map() };
  const byId = new Map<string, Map<string, number>>(FIELDS.map((f) => [String(plain.fieldIds[f]), frequencies[f]]));
  for (const [term, fields] of plain.index) {
    for (const [fieldId, postings] of Object.entries(fields)) {
      byId.get(fieldId)?.set(term, Object.keys(postings).length);
    }
  }
  return frequencies;
}

/** A query term with the fields it is searched in, and the passages its skipped (boilerplate) fields do not reach. */
interface PlannedTerm {
  term: string;
  searched: SearchableField[];
  /** Undefined when no field is skipped; else ids of the passages no skipped field reaches. */
  unreached: ReadonlySet<string> | undefined;
}

/** Ties in score keep document order, so an updated index ranks exactly like a fresh build. */
function byScoreThenDocumentOrder(a: LexicalHit, b: LexicalHit): number {
  return (
    b.score - a.score ||
    (a.passage.source < b.passage.source ? -1 : a.passage.source > b.passage.source ? 1 : 0) ||
    a.passage.index - b.passage.index
  );
}

/**
 * The `limit` best hits, best first, ties in document order. Selects before sorting: most of a large
 * corpus matches some query term, and numbers sort far faster than objects.
 */
function topHits(hits: LexicalHit[], limit: number): LexicalHit[] {
  if (hits.length > 4 * limit) {
    const scores = Float64Array.from(hits, (h) => h.score).sort();
    const cutoff = scores[scores.length - limit] ?? -Infinity;
    hits = hits.filter((h) => h.score >= cutoff);
  }
  hits.sort(byScoreThenDocumentOrder);
  if (hits.length > limit) hits.length = limit;
  return hits;
}

function isLexicalIndexJSON(value: unknown): value is LexicalIndexJSON {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['version'] === 'number' && typeof v['miniSearch'] === 'object' && v['miniSearch'] !== null;
}

/**
 * BM25+ search over passages (MiniSearch), tolerant of name variants and typos through
 * length-relative fuzzy and prefix matching, with exact matches weighted above both.
 */
export class LexicalIndex {
  private readonly byId: Map<string, Passage>;
  /** See {@link LexicalIndex.unreached}; emptied when the index changes. */
  private readonly unreachedCache = new Map<string, ReadonlySet<string>>();

  private constructor(
    private readonly miniSearch: MiniSearch<Passage>,
    passages: readonly Passage[],
    /**
     * Lets a search skip boilerplate fields of a term without asking MiniSearch. Undefined until the
     * first search after a build: an index built to be saved never needs them.
     */
    private fieldFrequencies: FieldFrequencies | undefined,
  ) {
    this.byId = new Map(passages.map((p) => [p.id, p]));
  }

  /** Indexes the passages (ids must be unique). */
  static build(passages: readonly Passage[]): LexicalIndex {
    const miniSearch = new MiniSearch<Passage>(miniSearchOptions());
    try {
      miniSearch.addAll(passages);
    } catch (error) {
      throw new DossierError('INTERNAL', `Could not build the lexical index: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    return new LexicalIndex(miniSearch, passages, undefined);
  }

  /**
   * Restores an index saved with {@link LexicalIndex.toJSON} (the object, or its JSON text). `passages` must be the passages it was
   * built from; a mismatch means the stored index is stale or damaged.
   * @throws DossierError `INDEX_INCOMPATIBLE` for another format version, `INDEX_CORRUPT` otherwise.
   */
  static fromJSON(json: unknown, passages: readonly Passage[]): LexicalIndex {
    let parsed: unknown;
    try {
      parsed = typeof json === 'string' ? JSON.parse(json) : json;
    } catch (error) {
      throw new DossierError('INDEX_CORRUPT', 'The stored lexical index is not valid JSON.', { cause: error });
    }
    if (!isLexicalIndexJSON(parsed)) throw new DossierError('INDEX_CORRUPT', 'The stored lexical index has an unexpected shape.');
    if (parsed.version !== FORMAT_VERSION) {
      throw new DossierError('INDEX_INCOMPATIBLE', `The stored lexical index has format ${parsed.version}; this version reads format ${FORMAT_VERSION}.`);
    }
    let miniSearch: MiniSearch<Passage>;
    let frequencies: FieldFrequencies;
    try {
      miniSearch = MiniSearch.loadJS(parsed.miniSearch, miniSearchOptions());
      frequencies = fieldFrequenciesOf(parsed.miniSearch);
    } catch (error) {
      throw new DossierError('INDEX_CORRUPT', 'The stored lexical index could not be loaded.', { cause: error });
    }
    const missing = passages.find((p) => !miniSearch.has(p.id));
    if (miniSearch.documentCount !== passages.length || missing) {
      throw new DossierError(
        'INDEX_CORRUPT',
        `The stored lexical index (${miniSearch.documentCount} passages) does not match the stored passages (${passages.length})${missing ? `; ${missing.id} is missing` : ''}.`,
      );
    }
    return new LexicalIndex(miniSearch, passages, frequencies);
  }

  /** A plain object for `JSON.stringify`, restorable with {@link LexicalIndex.fromJSON}. */
  toJSON(): LexicalIndexJSON {
    return { version: FORMAT_VERSION, miniSearch: this.miniSearch.toJSON() };
  }

  /**
   * Turns this index into the index of the next generation without re-indexing the unchanged
   * passages: removes `change.remove` (by id: the index un-indexes the version it holds, deleting its
   * postings at once, so a serialised index stays as compact as a fresh build), then indexes
   * `change.add`. Afterwards it ranks exactly like `LexicalIndex.build(newPassages)`, and its
   * `toJSON()` restores with `LexicalIndex.fromJSON(json, newPassages)`.
   *
   * Precondition: call it on a private copy (e.g. one just made with {@link LexicalIndex.fromJSON}),
   * or on the serving index only in the same synchronous step that swaps in the generation it
   * describes (as `settleLexical` does): it mutates in place, and a failure part-way leaves it
   * half-updated, to be thrown away.
   * @throws DossierError `USAGE` when a removed id is not indexed or an added id is indexed (checked
   *   before anything changes); `INDEX_CORRUPT` when a passage differs from what the index holds.
   */
  update(change: LexicalIndexChange): void {
    const removed = new Map<string, Passage>();
    for (const p of change.remove) {
      const held = this.byId.get(p.id);
      if (!held) throw new DossierError('USAGE', `Cannot remove passage ${p.id} from the lexical index: it is not indexed.`);
      removed.set(p.id, held);
    }
    const added = new Set<string>();
    for (const p of change.add) {
      if ((this.byId.has(p.id) && !removed.has(p.id)) || added.has(p.id)) {
        throw new DossierError('USAGE', `Cannot add passage ${p.id} to the lexical index: the id is already indexed.`);
      }
      added.add(p.id);
    }
    this.unreachedCache.clear();
    for (const p of removed.values()) {
      this.miniSearch.remove(p);
      this.byId.delete(p.id);
      if (this.fieldFrequencies) countTerms(this.fieldFrequencies, p, -1);
    }
    try {
      this.miniSearch.addAll(change.add);
    } catch (error) {
      throw new DossierError('INTERNAL', `Could not update the lexical index: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    for (const p of change.add) {
      this.byId.set(p.id, p);
      if (this.fieldFrequencies) countTerms(this.fieldFrequencies, p, 1);
    }
  }

  /** Number of indexed passages. */
  get size(): number {
    return this.miniSearch.documentCount;
  }

  /** The query's index terms (after tokenising, stop words and stemming). */
  queryTerms(query: string): string[] {
    const terms = new Set<string>();
    for (const token of tokenize(query)) {
      const term = processTerm(token);
      if (term) terms.add(term);
    }
    return [...terms];
  }

  /**
   * Best-first lexical hits (equal scores in document order); empty when no query term matches anything.
   *
   * A term is not searched in a field where it is boilerplate (see `BOILERPLATE_SHARE`); a hit the
   * skipped field reaches still counts the term for MiniSearch's coordination factor and for
   * `coverage`, as if it had been searched; only the term's BM25 share there is left out (about 0.1%
   * of a rare word's). When fewer than `limit` passages match otherwise, passages only boilerplate
   * reaches would be hits too (scoring about 0), so the whole query is searched after all.
   */
  search(query: string, options: LexicalSearchOptions = {}): LexicalHit[] {
    const limit = options.limit ?? 50;
    const terms = this.queryTerms(query);
    if (terms.length === 0 || limit <= 0) return [];
    const documentCount = this.miniSearch.documentCount;
    const plan = terms.map((term) => this.plan(term, documentCount));
    if (plan.some((t) => t.unreached)) {
      const hits = this.rank(terms, plan, limit, options.filter);
      if (hits.length === limit) return hits;
    }
    return this.rank(
      terms,
      terms.map((term) => ({ term, searched: [...FIELDS], unreached: undefined })),
      limit,
      options.filter,
    );
  }

  /** One MiniSearch query following `plan`, scored as if every term had been searched everywhere. */
  private rank(terms: string[], plan: PlannedTerm[], limit: number, filter: LexicalSearchOptions['filter']): LexicalHit[] {
    const documentCount = this.miniSearch.documentCount;
    const skipping = plan.filter((t) => t.unreached !== undefined);

    // Unfiltered search: document frequencies must describe the whole corpus, not the filtered part.
    const results = this.miniSearch.search(
      {
        combineWith: 'OR',
        queries: plan.filter((t) => t.searched.length > 0).map((t) => ({ queries: [t.term], fields: t.searched })),
      },
      RAW_TERM,
    );

    // IDF of each query term from the matches of the query itself: a result whose `queryTerms` has the
    // term contains it exactly, by prefix or fuzzily, so a misspelt term is weighted like the word it
    // finds. A term found nowhere gets the maximum IDF (an unmatched rare word should lower coverage a lot).
    const reached = plan.map((t) => (t.unreached ? documentCount - t.unreached.size : 0));
    for (const r of results) {
      for (const t of r.queryTerms) {
        const i = terms.indexOf(t);
        reached[i] = (reached[i] ?? 0) + 1;
        // Reached in a searched field and in a skipped one: counted twice.
        if (plan[i]?.unreached?.has(String(r.id)) === false) reached[i] = (reached[i] ?? 0) - 1;
      }
    }
    const idf = new Map<string, number>(terms.map((t, i) => [t, Math.log(1 + (documentCount - (reached[i] ?? 0) + 0.5) / ((reached[i] ?? 0) + 0.5))]));
    const totalIdf = terms.reduce((sum, t) => sum + (idf.get(t) ?? 0), 0);

    // Results come best first by MiniSearch's score; counting skipped terms can multiply a score by at
    // most 1 + their number, so the scan stops once no later result can reach the `limit`-th best hit.
    const maxFactor = 1 + skipping.length;
    const hits: LexicalHit[] = [];
    let bar = -Infinity;
    let barAt = limit;
    for (const r of results) {
      if (r.score * maxFactor < bar) break;
      const id = String(r.id);
      const passage = this.byId.get(id);
      if (!passage || (filter && !filter(passage))) continue;
      let matchedIdf = 0;
      for (const t of r.queryTerms) matchedIdf += idf.get(t) ?? 0;
      let score = r.score;
      let extra = 0;
      for (const t of skipping) {
        if (t.unreached?.has(id) !== false || r.queryTerms.includes(t.term)) continue;
        extra++;
        matchedIdf += idf.get(t.term) ?? 0;
      }
      // MiniSearch multiplied the score by the number of query terms matched; count the skipped ones too.
      if (extra > 0) score = (score / (r.queryTerms.length || 1)) * (r.queryTerms.length + extra);
      const coverage = totalIdf > 0 ? Math.min(1, matchedIdf / totalIdf) : 0;
      hits.push({ passage, score, normalized: 0, coverage });
      if (hits.length >= barAt) {
        // The limit-th best score so far: a lower bound of the final one, so stopping on it is safe.
        bar = Float64Array.from(hits, (h) => h.score).sort()[hits.length - limit] ?? -Infinity;
        barAt = hits.length + limit;
      }
    }
    const best = topHits(hits, limit);
    const top = best[0]?.score ?? 0;
    for (const h of best) h.normalized = top > 0 ? (h.score / top) * h.coverage : 0;
    return best;
  }

  /** The fields to search a term in, and the passages its skipped fields do not reach. */
  private plan(term: string, documentCount: number): PlannedTerm {
    this.fieldFrequencies ??= fieldFrequenciesOf(this.miniSearch.toJSON());
    const frequencies = this.fieldFrequencies;
    const skipped = FIELDS.filter((f) => (frequencies[f].get(term) ?? 0) > BOILERPLATE_SHARE * documentCount);
    if (skipped.length === 0) return { term, searched: [...FIELDS], unreached: undefined };
    return { term, searched: FIELDS.filter((f) => !skipped.includes(f)), unreached: this.unreached(term, skipped) };
  }

  /**
   * Ids of the passages that the term (exactly, by prefix or fuzzily) reaches in none of `fields`:
   * few, since it is boilerplate there, and the same for every query until the index changes.
   */
  private unreached(term: string, fields: SearchableField[]): ReadonlySet<string> {
    const key = `${fields.join(',')}:${term}`;
    let ids = this.unreachedCache.get(key);
    if (!ids) {
      const reached = new Set(this.miniSearch.search(term, { ...RAW_TERM, fields }).map((r) => String(r.id)));
      ids = new Set([...this.byId.keys()].filter((id) => !reached.has(id)));
      this.unreachedCache.set(key, ids);
    }
    return ids;
  }
}
