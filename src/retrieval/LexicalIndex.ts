import { DossierError } from '../errors.js';
import type { Passage } from '../ingest/Passage.js';
import { Bm25Index, type Bm25Indexing, type Bm25Params, type TermQuery } from './Bm25Index.js';
import { processTerm, termSet, tokenize } from '../text/searchTerms.js';
import { hitScore, TermHitCache, type TermHits } from './TermHitCache.js';
import { LruMap } from '../util/LruMap.js';

/** A passage that matched a lexical query. */
export interface LexicalHit {
  passage: Passage;
  /**
   * BM25+ summed over the query terms the passage matches (per term the score MiniSearch would give,
   * with its exact > prefix > fuzzy weights and the title boost; see `Bm25Index`); unbounded,
   * comparable only within one query. Unlike MiniSearch's own score it is not multiplied by the
   * number of terms matched: `coverage`
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
  /** Passages to remove, by id (their text is not read: the index drops what it holds under that id). */
  remove: readonly Passage[];
  /** Passages to add; their ids must not be in the index after `remove`. */
  add: readonly Passage[];
}

/**
 * What happened since a saved index was written, applied when it is loaded (see {@link LexicalIndex.load}):
 * passages taken out by id (their text is not needed) and passages to index.
 */
export interface SavedIndexChanges {
  /** Ids of passages the saved index holds that are to be left out (removed, or changed since). */
  discard: readonly string[];
  /** Passages to index on top (their ids must not be live in the saved index after `discard`). */
  add: readonly Passage[];
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
 * or the title words "state", "union", "address" (99.9 %) make a search build and score a result
 * for thousands of passages per query, which was most of the retrieval time; so does a long
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
/** A field's number in the BM25 index. */
const FIELD_NUMBER: Record<SearchableField, number> = { title: 0, text: 1 };

/** How passages are turned into index terms (the same at build and load time). */
const INDEXING: Bm25Indexing<Passage> = {
  fields: FIELDS,
  text: (passage, field) => (field === FIELD_NUMBER.title ? (passage.meta.title ?? '') : passage.text),
  tokenize,
  processTerm,
};

/**
 * MiniSearch's default BM25+ parameters and prefix/fuzzy weights (the library's documented defaults,
 * which the index used when it was MiniSearch's), and the title boost.
 */
const PARAMS: Bm25Params = { k: 1.2, b: 0.7, d: 0.5, prefixWeight: 0.375, fuzzyWeight: 0.45, fieldBoosts: [TITLE_BOOST, 1] };

/** Largest edit distance of a fuzzy match, whatever the term's length (MiniSearch's default `maxFuzzy`). */
const MAX_FUZZY_DISTANCE = 6;

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

/** Most terms whose reach is remembered (see `LexicalIndex.reachOf`). */
const REACH_CACHE_LIMIT = 50_000;

/**
 * Most per-term hits remembered (see `LexicalIndex.termHits`): 16 bytes each, so at most 16 MB; the
 * 240 benchmark questions' terms hold about 193,000 (3 MB).
 */
const TERM_HITS_LIMIT = 1_000_000;

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

/**
 * BM25+ search over passages (our own {@link Bm25Index}, scored as MiniSearch scores), tolerant of
 * name variants and typos through length-relative fuzzy and prefix matching, with exact matches
 * weighted above both.
 */
export class LexicalIndex {
  /** See {@link LexicalIndex.reachOf}; emptied when the index changes. */
  private readonly reachCache = new LruMap<string, number>(REACH_CACHE_LIMIT);
  /** See {@link LexicalIndex.unreached}; emptied when the index changes. */
  private readonly unreachedCache = new Map<string, ReadonlySet<string>>();
  /** See {@link LexicalIndex.termHits}; emptied when the index changes. */
  private readonly hitCache = new TermHitCache<Passage>(TERM_HITS_LIMIT);

  private constructor(private readonly bm25: Bm25Index<Passage>) {}

  /**
   * Indexes the passages (ids must be unique). The index holds every posting as built; to serve a
   * large corpus, save it and {@link LexicalIndex.load} the saved form, which decodes only what
   * queries read.
   * @throws DossierError `USAGE` when two passages share an id.
   */
  static build(passages: readonly Passage[]): LexicalIndex {
    return new LexicalIndex(Bm25Index.build(passages, INDEXING, PARAMS));
  }

  /**
   * Restores an index saved with {@link LexicalIndex.save}, with the changes since applied.
   * `passages` must be the generation's passages: the saved ones (less `changes.discard`) in the
   * versions that were indexed, plus `changes.add`; a mismatch means the stored index is stale or
   * damaged.
   * @throws DossierError `INDEX_INCOMPATIBLE` for another format version, `INDEX_CORRUPT` otherwise.
   */
  static load(bytes: Uint8Array, passages: readonly Passage[], changes: SavedIndexChanges = { discard: [], add: [] }): LexicalIndex {
    const adding = new Set(changes.add.map((p) => p.id));
    const saved = new Map<string, Passage>();
    for (const p of passages) if (!adding.has(p.id)) saved.set(p.id, p);
    const bm25 = Bm25Index.load(bytes, saved, new Set(changes.discard), INDEXING, PARAMS);
    try {
      bm25.add(changes.add);
    } catch (error) {
      throw new DossierError('INDEX_CORRUPT', 'The stored lexical index changes add a passage it already holds.', { cause: error });
    }
    const missing = passages.find((p) => !bm25.has(p.id));
    if (bm25.size !== passages.length || missing) {
      throw new DossierError(
        'INDEX_CORRUPT',
        `The stored lexical index (${bm25.size} passages) does not match the stored passages (${passages.length})${missing ? `; ${missing.id} is missing` : ''}.`,
      );
    }
    return new LexicalIndex(bm25);
  }

  /** The saved form (see `Bm25File`), restorable with {@link LexicalIndex.load}. */
  save(): Uint8Array {
    return this.bm25.save();
  }

  /**
   * Turns this index into the index of the next generation without re-indexing the unchanged
   * passages: takes `change.remove` out by id (their text is not read), then indexes `change.add`.
   * Afterwards it scores exactly like `LexicalIndex.build(newPassages)`, and its `save()` restores
   * with `LexicalIndex.load(bytes, newPassages)`.
   *
   * Precondition: call it on a private copy (e.g. one just made with {@link LexicalIndex.load}),
   * or on the serving index only in the same synchronous step that swaps in the generation it
   * describes (as `settleLexical` does): it mutates in place.
   * @throws DossierError `USAGE` when a removed id is not indexed or an added id is indexed (checked
   *   before anything changes).
   */
  update(change: LexicalIndexChange): void {
    const removed = new Set<string>();
    for (const p of change.remove) {
      if (!this.bm25.has(p.id) || removed.has(p.id)) throw new DossierError('USAGE', `Cannot remove passage ${p.id} from the lexical index: it is not indexed.`);
      removed.add(p.id);
    }
    const added = new Set<string>();
    for (const p of change.add) {
      if ((this.bm25.has(p.id) && !removed.has(p.id)) || added.has(p.id)) {
        throw new DossierError('USAGE', `Cannot add passage ${p.id} to the lexical index: the id is already indexed.`);
      }
      added.add(p.id);
    }
    this.reachCache.clear();
    this.unreachedCache.clear();
    this.hitCache.clear();
    this.bm25.remove([...removed]);
    this.bm25.add(change.add);
  }

  /** Number of indexed passages. */
  get size(): number {
    return this.bm25.size;
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
   * Passages (kept by `filter`) that the driving terms match, with the BM25+ of those terms,
   * assembled from each term's own hits: a passage's per-term scores are added in query order (as
   * MiniSearch's `OR` adds them, which this search was first built on). The order of the passages
   * is the order they were found in, which nothing downstream depends on (hits are sorted by score,
   * then document order).
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
      // The MiniSearch-based search multiplied the summed BM25+ by the number of query terms matched
      // and divided it back (see `LexicalHit.score`); both steps are kept, so scores round as before.
      const matched = c.matched.length;
      c.score = (c.score * matched) / matched;
    }
    return found;
  }

  /**
   * One processed term's hits in `fields` (exactly, by prefix or fuzzily, see {@link termQuery}):
   * the BM25+ of the term alone, remembered until the index changes, which is what the term adds
   * to a passage in a search for several terms.
   */
  private termHits(term: string, fields: readonly SearchableField[]): TermHits<Passage> {
    return this.hitCache.get(`${fields.join(',')}:${term}`, () => {
      const { documents, scores } = this.bm25.score(term, this.termQuery(term, fields));
      return { items: documents.map((n) => this.bm25.document(n) as Passage), scores };
    });
  }

  /** Adds the common terms to the candidates, then keeps the `limit` best with coverage and normalised scores. */
  private rank(terms: string[], found: Map<Passage, Candidate>, common: string[], limit: number): LexicalHit[] {
    const documentCount = this.bm25.size;
    for (const term of common) {
      const skipped = FIELDS.filter((f) => this.bm25.documentFrequency(term, FIELD_NUMBER[f]) > BOILERPLATE_SHARE * documentCount);
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
    const documentCount = this.bm25.size;
    if (documentCount === 0) return 0;
    return Math.max(...FIELDS.map((f) => this.bm25.documentFrequency(term, FIELD_NUMBER[f]))) / documentCount;
  }

  /**
   * How a processed term is matched in `fields`: by prefix from `MIN_PREFIX_LENGTH` letters, and
   * fuzzily (up to `FUZZY` × its length edits) from `MIN_FUZZY_LENGTH` letters when it is a rare
   * word (see `FUZZY_MAX_SHARE`).
   */
  private termQuery(term: string, fields: readonly SearchableField[]): TermQuery {
    const documentCount = this.bm25.size;
    const ordinary = Math.max(FUZZY_MAX_SHARE * documentCount, FUZZY_MIN_PASSAGES);
    const fuzzy = term.length >= MIN_FUZZY_LENGTH && this.share(term) * documentCount <= ordinary;
    return {
      fields: fields.map((f) => FIELD_NUMBER[f]),
      prefix: term.length >= MIN_PREFIX_LENGTH,
      maxDistance: fuzzy ? Math.min(MAX_FUZZY_DISTANCE, Math.round(term.length * FUZZY)) : 0,
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
      const reached = this.bm25.reach(term, this.termQuery(term, fields));
      const missed = new Set<string>();
      for (const n of this.bm25.liveNumbers()) if (reached[n] === 0) missed.add((this.bm25.document(n) as Passage).id);
      this.unreachedCache.set(key, (ids = missed));
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
      reach = 0;
      for (const r of this.bm25.reach(term, this.termQuery(term, FIELDS))) reach += r;
      // Bounded (LruMap): a long-running process sees an open-ended vocabulary of queries.
      this.reachCache.set(term, reach);
    }
    return reach;
  }
}
