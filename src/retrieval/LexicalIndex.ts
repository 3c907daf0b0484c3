import MiniSearch from 'minisearch';
import type { AsPlainObject, Options, SearchOptions } from 'minisearch';
import { DossierError } from '../errors.js';
import type { Passage } from '../ingest/Passage.js';
import { processTerm, tokenize } from './searchTerms.js';

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

type SearchableField = 'title' | 'text';

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
    fields: ['title', 'text'] satisfies SearchableField[],
    storeFields: [],
    extractField: (doc, field) => (field === 'title' ? (doc.meta.title ?? '') : field === 'id' ? doc.id : doc.text),
    tokenize,
    processTerm,
    searchOptions,
  };
}

/** Searches already-processed terms one at a time (for document frequencies). */
const RAW_TERM: SearchOptions = { tokenize: (s) => s.split(' ').filter(Boolean), processTerm: (t) => t };

const FORMAT_VERSION = 1;

/**
 * IDF of each query term from the matches of the query itself: a result whose `queryTerms` has the
 * term contains it exactly, by prefix or fuzzily, so a misspelt term is weighted like the word it
 * finds, and no second search is needed. A term found nowhere gets the maximum IDF (an unmatched
 * rare word should lower coverage a lot).
 */
function inverseDocumentFrequencies(terms: string[], results: ReadonlyArray<{ queryTerms: string[] }>, documentCount: number): Map<string, number> {
  const df = new Map<string, number>(terms.map((t) => [t, 0]));
  for (const r of results) for (const t of r.queryTerms) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [term, count] of df) idf.set(term, Math.log(1 + (documentCount - count + 0.5) / (count + 0.5)));
  return idf;
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

  private constructor(
    private readonly miniSearch: MiniSearch<Passage>,
    passages: readonly Passage[],
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
    return new LexicalIndex(miniSearch, passages);
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
    try {
      miniSearch = MiniSearch.loadJS(parsed.miniSearch, miniSearchOptions());
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
    return new LexicalIndex(miniSearch, passages);
  }

  /** A plain object for `JSON.stringify`, restorable with {@link LexicalIndex.fromJSON}. */
  toJSON(): LexicalIndexJSON {
    return { version: FORMAT_VERSION, miniSearch: this.miniSearch.toJSON() };
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

  /** Best-first lexical hits; empty when no query term matches anything. */
  search(query: string, options: LexicalSearchOptions = {}): LexicalHit[] {
    const limit = options.limit ?? 50;
    const terms = this.queryTerms(query);
    if (terms.length === 0 || limit <= 0) return [];
    const { filter } = options;
    // Unfiltered search: document frequencies must describe the whole corpus, not the filtered part.
    const results = this.miniSearch.search(terms.join(' '), RAW_TERM);
    const idf = inverseDocumentFrequencies(terms, results, this.miniSearch.documentCount);
    const totalIdf = terms.reduce((sum, t) => sum + (idf.get(t) ?? 0), 0);
    const hits: LexicalHit[] = [];
    let top = 0;
    for (const r of results) {
      if (hits.length >= limit) break;
      const passage = this.byId.get(String(r.id));
      if (!passage || (filter && !filter(passage))) continue;
      top ||= r.score;
      const matchedIdf = r.queryTerms.reduce((sum, t) => sum + (idf.get(t) ?? 0), 0);
      const coverage = totalIdf > 0 ? Math.min(1, matchedIdf / totalIdf) : 0;
      hits.push({ passage, score: r.score, normalized: top > 0 ? (r.score / top) * coverage : 0, coverage });
    }
    return hits;
  }
}
