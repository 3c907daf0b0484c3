import type { DocumentInterface } from '@langchain/core/documents';
import type { Embeddings } from '@langchain/core/embeddings';
import { isDossierError, type DossierError } from '../errors.js';
import type { Passage } from '../ingest/Passage.js';
import { FUSION_PARAMS } from './FusionParams.js';
import type { FusionParams } from './FusionParams.js';
import { LexicalIndex } from './LexicalIndex.js';
import { passageFilter } from './passageFilter.js';
import type { RetrievalFilter, RetrievedPassage } from './RetrievedPassage.js';
import { termSet } from '../text/searchTerms.js';
import { selectDiverse } from './selectDiverse.js';
import { TermIds } from './TermIds.js';
import { LruMap } from '../util/LruMap.js';

/** Passages whose term sets are kept; bounded so a long-running bot over a large corpus does not grow without limit. */
const TERM_CACHE_SIZE = 4096;

/**
 * The part of a LangChain vector store the retriever needs: nearest neighbours of a vector with
 * their cosine similarity, optionally restricted by a predicate on the stored document (whose
 * metadata is the {@link Passage}).
 */
export interface PassageVectorSearch {
  similaritySearchVectorWithScore(query: number[], k: number, filter?: (doc: DocumentInterface) => boolean): Promise<Array<[DocumentInterface, number]>>;
  /** A stored vector by passage id; when present, candidates are scored without a graph search. */
  getVector?(id: string): Float32Array | undefined;
}

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

export interface HybridRetrieverInit {
  passages: readonly Passage[];
  lexical: Pick<LexicalIndex, 'search'>;
  store: PassageVectorSearch;
  embeddings: Embeddings;
  /** Overrides of {@link FUSION_PARAMS} (benchmarks and tuning). */
  params?: Partial<FusionParams>;
}

export interface RetrieveOptions {
  /** How many passages to return (default 4). */
  k?: number;
  filter?: RetrievalFilter;
  /**
   * Told when the embedder failed (a model server down, a revoked key): the passages are then
   * ranked by the lexical index alone, over the same index, rather than the question failing.
   */
  onDenseFailure?: (error: DossierError) => void;
}

/**
 * False when the embedder can tell that it knows none of the query's words (the offline word
 * vectors then return a fixed placeholder vector whose cosines mean nothing).
 */
function embedsMeaningfully(embeddings: Embeddings, text: string): boolean {
  const knownWords: unknown = (embeddings as unknown as { knownWords?: unknown }).knownWords;
  return typeof knownWords !== 'function' || (knownWords as (t: string) => number).call(embeddings, text) > 0;
}

function idOf(doc: DocumentInterface): string | undefined {
  const id: unknown = (doc.metadata as Record<string, unknown>)['id'];
  return typeof id === 'string' ? id : undefined;
}

interface Candidate {
  passage: Passage;
  lexical: number;
  dense: number;
  score: number;
}

/**
 * Finds the passages that answer a question: BM25 candidates reranked by embedding similarity
 * (`lexical + w·dense`), plus passages only the embeddings found when they are very similar,
 * then diversified with MMR so overlapping passages of one article do not fill the top.
 *
 * Why not rank-fusion: averaged word vectors are a weak ranker on their own (see
 * docs/retrieval.md), and RRF gives them an equal vote; as a reranker they only move passages the
 * words already found.
 */
export class HybridRetriever {
  readonly params: Readonly<FusionParams>;
  private readonly byId: Map<string, Passage>;
  private readonly lexical: Pick<LexicalIndex, 'search'>;
  private readonly store: PassageVectorSearch;
  private readonly embeddings: Embeddings;
  /** Term sets for overlap, computed on first use per passage (most passages are never candidates). */
  private readonly termCache = new LruMap<string, Int32Array>(TERM_CACHE_SIZE);
  /** Numbers the terms of {@link termCache}'s sets, for comparing them by merging. */
  private readonly termIds = new TermIds();

  constructor(init: HybridRetrieverInit) {
    this.params = Object.freeze({ ...FUSION_PARAMS, ...init.params });
    this.byId = new Map(init.passages.map((p) => [p.id, p]));
    this.lexical = init.lexical;
    this.store = init.store;
    this.embeddings = init.embeddings;
  }

  /**
   * Best passages first (sorted by `score`), at most `k`, never two near-duplicates.
   * @throws DossierError `USAGE` for a malformed filter; `EMBEDDINGS_FAILED` from the embedder
   *   unless `onDenseFailure` takes it.
   */
  async retrieve(query: string, options: RetrieveOptions = {}): Promise<RetrievedPassage[]> {
    const k = Math.max(1, Math.floor(options.k ?? 4));
    const keep = passageFilter(options.filter);
    const text = query.trim();
    if (text === '') return [];
    const p = this.params;

    const lexicalHits = this.lexical.search(text, { limit: p.lexicalCandidates, ...(keep ? { filter: keep } : {}) });
    const candidates = new Map<string, Candidate>();
    for (const hit of lexicalHits) {
      candidates.set(hit.passage.id, { passage: hit.passage, lexical: hit.normalized, dense: 0, score: hit.normalized });
    }
    if (embedsMeaningfully(this.embeddings, text)) {
      try {
        await this.addDenseEvidence(text, candidates, keep);
      } catch (error) {
        if (!(isDossierError(error) && error.code === 'EMBEDDINGS_FAILED') || !options.onDenseFailure) throw error;
        options.onDenseFailure(error);
        for (const c of candidates.values()) c.dense = 0;
      }
    }
    return this.fuseAndDiversify([...candidates.values()], k);
  }

  /** Sets `dense` on the lexical candidates and adds the dense-only ones that clear the bar. */
  private async addDenseEvidence(text: string, candidates: Map<string, Candidate>, keep: ((p: Passage) => boolean) | undefined): Promise<void> {
    const p = this.params;
    const vector = await this.embeddings.embedQuery(text);

    // Exact cosine for every lexical candidate: from the stored vectors, or else a search
    // restricted to exactly those passages.
    const missing = [...candidates.values()].filter((c) => {
      const stored = this.store.getVector?.(c.passage.id);
      if (stored) c.dense = cosine(vector, stored);
      return !stored;
    });
    if (missing.length > 0) {
      const wanted = new Set(missing.map((c) => c.passage.id));
      const scored = await this.store.similaritySearchVectorWithScore(vector, wanted.size, (doc) => wanted.has(idOf(doc) ?? ''));
      for (const [doc, similarity] of scored) {
        const candidate = candidates.get(idOf(doc) ?? '');
        if (candidate) candidate.dense = similarity;
      }
    }

    // Dense-only candidates, admitted only when very similar.
    const neighbours = await this.store.similaritySearchVectorWithScore(
      vector,
      p.denseCandidates,
      keep
        ? (doc) => {
            const passage = this.byId.get(idOf(doc) ?? '');
            return passage !== undefined && keep(passage);
          }
        : undefined,
    );
    for (const [doc, similarity] of neighbours) {
      const passage = this.byId.get(idOf(doc) ?? '');
      if (!passage || candidates.has(passage.id) || similarity < p.denseOnlyMinSimilarity) continue;
      candidates.set(passage.id, { passage, lexical: 0, dense: similarity, score: 0 });
    }
  }

  private fuseAndDiversify(pool: Candidate[], k: number): RetrievedPassage[] {
    const p = this.params;
    // Min-max over the lexical candidates (the passages being reranked); with fewer than two of
    // them there is no spread to measure, so raw cosines are used.
    const lexicalPool = pool.filter((c) => c.lexical > 0);
    const low = Math.min(...lexicalPool.map((c) => c.dense));
    const high = Math.max(...lexicalPool.map((c) => c.dense));
    const minmax = p.denseScale === 'minmax' && lexicalPool.length >= 2 && high > low;
    const scaled = (dense: number) => (minmax ? Math.min(1, Math.max(0, (dense - low) / (high - low))) : dense);
    for (const c of pool) c.score = c.lexical + p.denseWeight * scaled(c.dense);
    // Deterministic order before MMR: score, then document order.
    pool.sort((a, b) => b.score - a.score || a.passage.source.localeCompare(b.passage.source) || a.passage.index - b.passage.index);
    const picked = selectDiverse(
      pool.map((c) => ({ score: c.score, terms: this.termsOf(c.passage) })),
      k,
      { lambda: p.mmrLambda, maxOverlap: p.maxOverlap },
    );
    return picked
      .map((i) => pool[i])
      .filter((c): c is Candidate => c !== undefined)
      .sort((a, b) => b.score - a.score || a.passage.source.localeCompare(b.passage.source) || a.passage.index - b.passage.index)
      .map((c) => ({ passage: c.passage, score: c.score, lexical: c.lexical, dense: c.dense }));
  }

  /**
   * Scores arbitrary texts (timeline events) against a topic with the same recipe as
   * {@link HybridRetriever.retrieve}: normalised BM25 over these texts plus `denseWeight ×` cosine
   * (raw cosine whatever `denseScale` says: a min-max over a handful of events would exaggerate noise).
   * @returns one score per text, in order; higher is more relevant.
   */
  async scoreTexts(topic: string, texts: string[]): Promise<number[]> {
    const text = topic.trim();
    if (text === '' || texts.length === 0) return texts.map(() => 0);
    const pseudo: Passage[] = texts.map((t, i) => ({
      id: String(i),
      source: '',
      index: i,
      start: 0,
      end: t.length,
      text: t,
      sentences: [],
      meta: { title: null, publisher: null, date: null, url: null, author: null },
    }));
    const lexical = new Array<number>(texts.length).fill(0);
    for (const hit of LexicalIndex.build(pseudo).search(text, { limit: texts.length })) lexical[hit.passage.index] = hit.normalized;
    if (!embedsMeaningfully(this.embeddings, text)) return lexical;
    const [query, vectors] = await Promise.all([this.embeddings.embedQuery(text), this.embeddings.embedDocuments(texts)]);
    return texts.map((_, i) => (lexical[i] ?? 0) + this.params.denseWeight * cosine(query, vectors[i] ?? []));
  }

  private termsOf(passage: Passage): Int32Array {
    let terms = this.termCache.get(passage.id);
    if (!terms) {
      terms = this.termIds.of(termSet(passage.text));
      this.termCache.set(passage.id, terms);
    }
    return terms;
  }
}
