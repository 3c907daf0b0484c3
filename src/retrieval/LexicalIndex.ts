import MiniSearch from 'minisearch';
import type { AsPlainObject, Options, SearchOptions } from 'minisearch';
import { DossierError } from '../errors.js';
import type { Passage } from '../ingest/Passage.js';
import { processTerm, termSet, tokenize } from './searchTerms.js';
import { hitScore, TermHitCache, type TermHits } from './TermHitCache.js';
import { buildCompactMiniSearch, compactMiniSearch, loadCompactMiniSearch, type CompactTerm, type IndexingOptions } from './miniSearchCodec.js';
import { LruMap } from '../util/LruMap.js';

/** A passage that matched a lexical query. */
export interface LexicalHit {
  passage: Passage;
  /**
   * BM25+ summed over the query terms the passage matches (MiniSearch's per-term scores, with its
   * exact > prefix > fuzzy weights and the title boost); unbounded, comparable only within one query.
   * Unlike MiniSearch's own score it is not multiplied by the number of terms matched: `coverage`
   * rewards matching more of the query, weighted by how informative each term is.
   */
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
  /** MiniSearch's plain object; from format 2 on its `index` is empty and the postings are in `terms`. */
  miniSearch: AsPlainObject;
  /** The postings in the form that loads quickly (format 2 on); see {@link CompactTerm}. */
  terms?: CompactTerm[];
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
 * The rarest query terms choose the candidates while, together, they are found (exactly) in at most
 * this share of the passages; the other, common terms only add their score and coverage to those
 * candidates. Searched like the rest, "us" (39 % of the 15.6k benchmark passages), "congress" (31 %)
 * or the title words "state", "union", "address" (99.9 %) make MiniSearch build, score and sort a
 * result for thousands of passages per query, which was most of the retrieval time; so does a long
 * question whose many middling words (each in 2-5 %) add up. A term at 5 % has a BM25 IDF below 3 (a
 * name's is about 8). 3 % was faster still but lost a seed passage on the benchmark (docs/retrieval.md).
 */
const DRIVING_SHARE = 0.05;

/**
 * A common term found in more than this share of the passages of one field is boilerplate there (the
 * "State of the Union Address" title that all but 22 of the 15.6k benchmark passages carry). Even
 * restricted to the candidates, searching it there would build a result for nearly every candidate;
 * its BM25 IDF in that field is about 0.001 (a rare word's is about 8), so that field is not searched
 * for it: a candidate counts the term as matched (for `coverage`) unless it is one of the few passages
 * the field does not reach, and only the term's negligible BM25 share there is left out. In that
 * corpus the most common text term is in 48 % of the passages.
 */
const BOILERPLATE_SHARE = 0.95;

const FIELDS = ['title', 'text'] as const;
type SearchableField = (typeof FIELDS)[number];

/** How passages are turned into index terms: shared by MiniSearch and `buildCompactMiniSearch`. */
function indexingOptions(): IndexingOptions<Passage> {
  return {
    idField: 'id',
    fields: [...FIELDS],
    extractField: (doc, field) => (field === 'title' ? (doc.meta.title ?? '') : field === 'id' ? doc.id : doc.text),
    tokenize,
    processTerm,
  };
}

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
    ...indexingOptions(),
    storeFields: [],
    searchOptions,
    logger: (_level, message, code) => {
      // Raised when a removed passage no longer matches what was indexed: going on would corrupt the index.
      if (code === 'version_conflict') throw new DossierError('INDEX_CORRUPT', message);
    },
  };
}

/** Searches already-processed terms (joined by spaces), without re-tokenising or re-stemming them. */
const RAW_TERM: SearchOptions = { tokenize: (s) => s.split(' ').filter(Boolean), processTerm: (t) => t };

/**
 * A term found exactly in more than this share of the passages, and in more than
 * `FUZZY_MIN_PASSAGES` of them, is an ordinary word of the corpus, not a typo or a rare name
 * variant: it is matched exactly and by prefix only. Its fuzzy neighbours are other ordinary words
 * ("later" → "late", "water", "layer": 1.1 % of the benchmark passages, 8.9 % with them) that add
 * noise, and finding them is a fifth of a query's time. The floor keeps fuzzy matching for every word
 * of a small corpus, where one passage is already several percent ("Hikmat" / "Hikmet" in the seeds).
 */
const FUZZY_MAX_SHARE = 0.01;
const FUZZY_MIN_PASSAGES = 20;

/** 2: postings in `terms` (see miniSearchCodec.ts). Format 1 files (postings in `miniSearch.index`) are still read. */
const FORMAT_VERSION = 2;
const LEGACY_FORMAT_VERSION = 1;

/** Most terms whose reach is remembered (see `LexicalIndex.reachOf`). */
const REACH_CACHE_LIMIT = 50_000;

/**
 * Most per-term hits remembered (see `LexicalIndex.termHits`): 16 bytes each, so at most 16 MB; the
 * 240 benchmark questions' terms hold about 193,000 (3 MB).
 */
const TERM_HITS_LIMIT = 1_000_000;

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

/** A passage the driving terms found, while the common terms are added. */
interface Candidate {
  passage: Passage;
  score: number;
  /** Query terms it matches (exactly, by prefix or fuzzily). */
  matched: string[];
}

/** Ties in score keep document order, so an updated index ranks exactly like a fresh build. */
function byScoreThenDocumentOrder(a: Scored, b: Scored): number {
  return (
    b.score - a.score ||
    (a.passage.source < b.passage.source ? -1 : a.passage.source > b.passage.source ? 1 : 0) ||
    a.passage.index - b.passage.index
  );
}

/** What hits are ranked by: a score, then the passage's place. */
interface Scored {
  passage: Passage;
  score: number;
}

/**
 * The `limit` best hits, best first, ties in document order. Selects before sorting: most of a large
 * corpus matches some query term, and numbers sort far faster than objects.
 */
function topHits<H extends Scored>(hits: H[], limit: number): H[] {
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
  /** See {@link LexicalIndex.reachOf}; emptied when the index changes. */
  private readonly reachCache = new LruMap<string, number>(REACH_CACHE_LIMIT);
  /** See {@link LexicalIndex.unreached}; emptied when the index changes. */
  private readonly unreachedCache = new Map<string, ReadonlySet<string>>();
  /** See {@link LexicalIndex.termHits}; emptied when the index changes. */
  private readonly hitCache = new TermHitCache<Passage>(TERM_HITS_LIMIT);

  private constructor(
    private readonly miniSearch: MiniSearch<Passage>,
    passages: readonly Passage[],
    /** Tells a search which query terms are common without asking MiniSearch; kept up to date by `update`. */
    private readonly fieldFrequencies: FieldFrequencies,
  ) {
    this.byId = new Map(passages.map((p) => [p.id, p]));
  }

  /** Indexes the passages (ids must be unique). */
  static build(passages: readonly Passage[]): LexicalIndex {
    return LexicalIndex.fromJSON(LexicalIndex.buildJSON(passages), passages);
  }

  /**
   * What `LexicalIndex.build(passages).toJSON()` returns, computed without building the index: a cold
   * build saves the index and then serves from it, and indexing straight into the saved form (see
   * `buildCompactMiniSearch`) then loading that is several times faster than MiniSearch's own
   * indexing followed by its serialisation.
   * @throws DossierError `INTERNAL` when two passages share an id.
   */
  static buildJSON(passages: readonly Passage[]): LexicalIndexJSON {
    try {
      const { plain, terms } = buildCompactMiniSearch(passages, indexingOptions());
      return { version: FORMAT_VERSION, miniSearch: plain, terms };
    } catch (error) {
      throw new DossierError('INTERNAL', `Could not build the lexical index: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
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
    if (parsed.version !== FORMAT_VERSION && parsed.version !== LEGACY_FORMAT_VERSION) {
      throw new DossierError('INDEX_INCOMPATIBLE', `The stored lexical index has format ${parsed.version}; this version reads format ${FORMAT_VERSION}.`);
    }
    let miniSearch: MiniSearch<Passage>;
    let frequencies: FieldFrequencies;
    try {
      if (parsed.version === LEGACY_FORMAT_VERSION) {
        miniSearch = MiniSearch.loadJS(parsed.miniSearch, miniSearchOptions());
        frequencies = fieldFrequenciesOf(parsed.miniSearch);
      } else {
        if (!Array.isArray(parsed.terms)) throw new Error('no postings');
        const loaded = loadCompactMiniSearch({ plain: parsed.miniSearch, terms: parsed.terms }, miniSearchOptions());
        miniSearch = loaded.miniSearch;
        const fieldIds = parsed.miniSearch.fieldIds;
        frequencies = { title: loaded.counts.get(fieldIds['title'] ?? -1) ?? new Map(), text: loaded.counts.get(fieldIds['text'] ?? -1) ?? new Map() };
      }
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
    const { plain, terms } = compactMiniSearch(this.miniSearch.toJSON());
    return { version: FORMAT_VERSION, miniSearch: plain, terms };
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
    this.reachCache.clear();
    this.unreachedCache.clear();
    this.hitCache.clear();
    for (const p of removed.values()) {
      this.miniSearch.remove(p);
      this.byId.delete(p.id);
      countTerms(this.fieldFrequencies, p, -1);
    }
    try {
      this.miniSearch.addAll(change.add);
    } catch (error) {
      throw new DossierError('INTERNAL', `Could not update the lexical index: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    for (const p of change.add) {
      this.byId.set(p.id, p);
      countTerms(this.fieldFrequencies, p, 1);
    }
  }

  /** Number of indexed passages. */
  get size(): number {
    return this.miniSearch.documentCount;
  }

  /** The query's index terms (after tokenising, stop words and stemming). */
  queryTerms(query: string): string[] {
    return [...termSet(query)];
  }

  /**
   * Best-first lexical hits (equal scores in document order); empty when no query term matches anything.
   *
   * Only the informative query terms (see `DRIVING_SHARE`) choose the candidates; the common ones are
   * then scored on those candidates alone, so a hit's score and coverage are what searching every term
   * would give it. What changes is which passages can be hits: one that contains none of the
   * informative terms is not, unless they find fewer than `limit` passages (then common terms are
   * promoted to choosing ones, rarest first, so a query of common words alone still finds passages).
   */
  search(query: string, options: LexicalSearchOptions = {}): LexicalHit[] {
    const limit = options.limit ?? 50;
    const terms = this.queryTerms(query);
    if (terms.length === 0 || limit <= 0) return [];
    const shares = new Map(terms.map((t) => [t, this.share(t)]));
    // Stable: equally common terms keep query order, so results do not depend on the sort algorithm.
    const byShare = [...terms].sort((a, b) => (shares.get(a) ?? 0) - (shares.get(b) ?? 0));
    // The rarest terms drive while together they are in at most `DRIVING_SHARE` of the passages.
    let driving = 0;
    for (let total = 0; driving < byShare.length; driving++) {
      total += shares.get(byShare[driving] ?? '') ?? 0;
      if (total > DRIVING_SHARE) break;
    }
    driving = Math.max(1, driving);
    for (;;) {
      const found = this.candidates(byShare.slice(0, driving), options.filter);
      if (found.size >= limit || driving >= byShare.length) return this.rank(terms, found, byShare.slice(driving), limit);
      driving++;
    }
  }

  /**
   * Passages (kept by `filter`) that the driving terms match, with the BM25+ of those terms: what
   * MiniSearch's search for all of them (`combineWith: 'OR'`) gives, assembled from each term's own
   * hits. Its OR adds a passage's per-term scores in query order, as here, so the sums are bit for
   * bit its own; the order of the passages differs, which nothing downstream depends on (hits are
   * sorted by score, then document order).
   */
  private candidates(driving: string[], filter: LexicalSearchOptions['filter']): Map<Passage, Candidate> {
    // Keyed by the passage object: identity hashing, where an id string would be hashed anew.
    const found = new Map<Passage, Candidate>();
    for (const term of driving) {
      const { items, scores } = this.termHits(term, FIELDS);
      for (let i = 0; i < items.length; i++) {
        const passage = items[i] as Passage;
        const score = scores[i] as number;
        const known = found.get(passage);
        if (known) {
          known.score = known.score + score;
          known.matched.push(term);
        } else found.set(passage, { passage, score, matched: [term] });
      }
    }
    // Values, not entries: an entry is an array allocated per passage, and there are thousands.
    for (const c of found.values()) {
      // Unfiltered until now: document frequencies must describe the whole corpus, not the filtered part.
      if (filter && !filter(c.passage)) {
        found.delete(c.passage);
        continue;
      }
      // MiniSearch multiplies the summed BM25+ by the number of query terms matched and the old
      // search divided it back (see `LexicalHit.score`); both steps are kept, for the same rounding.
      const matched = c.matched.length;
      c.score = (c.score * matched) / matched;
    }
    return found;
  }

  /**
   * One processed term's hits in `fields` (exactly, by prefix or fuzzily, see {@link termOptions}):
   * MiniSearch's search for the term alone, remembered until the index changes. Each hit's score is
   * that search's, which is what the term adds to a passage in a search for several terms.
   */
  private termHits(term: string, fields: readonly SearchableField[]): TermHits<Passage> {
    return this.hitCache.get(`${fields.join(',')}:${term}`, () => {
      const items: Passage[] = [];
      const scores: number[] = [];
      for (const r of this.miniSearch.search(term, { ...this.termOptions(), fields: [...fields] })) {
        const passage = this.byId.get(String(r.id));
        if (!passage) continue;
        items.push(passage);
        scores.push(r.score);
      }
      return { items, scores: Float64Array.from(scores) };
    });
  }

  /** Adds the common terms to the candidates, then keeps the `limit` best with coverage and normalised scores. */
  private rank(terms: string[], found: Map<Passage, Candidate>, common: string[], limit: number): LexicalHit[] {
    for (const term of common) {
      const frequencies = this.fieldFrequencies;
      const skipped = FIELDS.filter((f) => (frequencies[f].get(term) ?? 0) > BOILERPLATE_SHARE * this.miniSearch.documentCount);
      const searched = FIELDS.filter((f) => !skipped.includes(f));
      if (searched.length > 0) {
        // The term's hits everywhere, remembered, of which the candidates take theirs: each
        // candidate looks its score up, as a common term has far more hits than there are candidates.
        const hits = this.termHits(term, searched);
        for (const candidate of found.values()) {
          const score = hitScore(hits, candidate.passage);
          if (score === undefined) continue;
          candidate.score += score;
          candidate.matched.push(term);
        }
      }
      if (skipped.length === 0) continue;
      const unreached = this.unreached(term, skipped);
      // Query terms are distinct, so a candidate the search above scored is one whose last matched term is this one.
      for (const candidate of found.values()) if (candidate.matched.at(-1) !== term && !unreached.has(candidate.passage.id)) candidate.matched.push(term);
    }

    // IDF of each query term from the passages it reaches exactly, by prefix or fuzzily, so a misspelt
    // term is weighted like the word it finds. A term found nowhere gets the maximum IDF (an unmatched
    // rare word should lower coverage a lot).
    const documentCount = this.miniSearch.documentCount;
    const idf = new Map<string, number>();
    let totalIdf = 0;
    for (const t of terms) {
      const reach = this.reachOf(t);
      const weight = Math.log(1 + (documentCount - reach + 0.5) / (reach + 0.5));
      idf.set(t, weight);
      totalIdf += weight;
    }

    // Selected by score first, so only the kept candidates become hits (there are thousands of candidates).
    const best = topHits([...found.values()], limit).map((c): LexicalHit => {
      let matchedIdf = 0;
      for (const t of c.matched) matchedIdf += idf.get(t) ?? 0;
      return { passage: c.passage, score: c.score, normalized: 0, coverage: totalIdf > 0 ? Math.min(1, matchedIdf / totalIdf) : 0 };
    });
    const top = best[0]?.score ?? 0;
    for (const h of best) h.normalized = top > 0 ? (h.score / top) * h.coverage : 0;
    return best;
  }

  /** Share of the passages containing the term exactly, in the field where it is most common. */
  private share(term: string): number {
    const frequencies = this.fieldFrequencies;
    const documentCount = this.miniSearch.documentCount;
    if (documentCount === 0) return 0;
    return Math.max(...FIELDS.map((f) => frequencies[f].get(term) ?? 0)) / documentCount;
  }

  /** Options for searching processed terms: {@link RAW_TERM}, with fuzzy matching only for rare words (see `FUZZY_MAX_SHARE`). */
  private termOptions(): SearchOptions {
    const ordinary = Math.max(FUZZY_MAX_SHARE * this.miniSearch.documentCount, FUZZY_MIN_PASSAGES);
    return {
      ...RAW_TERM,
      fuzzy: (term) => (term.length >= MIN_FUZZY_LENGTH && this.share(term) * this.miniSearch.documentCount <= ordinary ? FUZZY : false),
    };
  }

  /**
   * Ids of the passages that the term (exactly, by prefix or fuzzily) reaches in none of `fields`:
   * few, since it is boilerplate there, and the same for every query until the index changes.
   */
  private unreached(term: string, fields: SearchableField[]): ReadonlySet<string> {
    const key = `${fields.join(',')}:${term}`;
    let ids = this.unreachedCache.get(key);
    if (!ids) {
      const reached = new Set(this.miniSearch.search(term, { ...this.termOptions(), fields }).map((r) => String(r.id)));
      ids = new Set([...this.byId.keys()].filter((id) => !reached.has(id)));
      this.unreachedCache.set(key, ids);
    }
    return ids;
  }

  /**
   * How many passages the term reaches, exactly, by prefix or fuzzily, in any field: the same for
   * every query until the index changes, and a common term's candidates-only search cannot tell.
   */
  private reachOf(term: string): number {
    let reach = this.reachCache.get(term);
    if (reach === undefined) {
      const reached = new Set<string>();
      // Counts postings without building results (see `rank`).
      this.miniSearch.search(term, {
        ...this.termOptions(),
        boostDocument: (id) => {
          reached.add(String(id));
          return 0;
        },
      });
      reach = reached.size;
      // Bounded (LruMap): a long-running process sees an open-ended vocabulary of queries.
      this.reachCache.set(term, reach);
    }
    return reach;
  }
}
