/**
 * How {@link HybridRetriever} combines lexical (BM25) and dense (averaged word vector) evidence.
 * Chosen with `scripts/tuneRetrieval.ts`; the measurements and the reasoning are in docs/retrieval.md.
 *
 * The dense signal from averaged word vectors is weak on its own, so it never ranks the corpus by
 * itself: it reranks the lexical candidates and may only add passages it is very sure about.
 */
export interface FusionParams {
  /** How many BM25 hits are reranked. */
  lexicalCandidates: number;
  /** Weight of the (scaled, see `denseScale`) cosine added to the normalised BM25 score: `lexical + w·dense`. */
  denseWeight: number;
  /**
   * `minmax` rescales the candidates' cosines to [0, 1] before weighting: averaged word vectors put
   * nearly every passage of a topic within a few hundredths of each other, so raw cosines barely
   * move the order. `cosine` uses them as they are.
   */
  denseScale: 'cosine' | 'minmax';
  /** How many nearest neighbours are considered as dense-only candidates. */
  denseCandidates: number;
  /** A passage no lexical query term reached is admitted only at or above this cosine. */
  denseOnlyMinSimilarity: number;
  /** MMR trade-off: 1 ranks by relevance only, 0 by novelty only. */
  mmrLambda: number;
  /** Two passages sharing more than this Jaccard share of index terms are near-duplicates: at most one is returned. */
  maxOverlap: number;
}

/** The parameters in use (see docs/retrieval.md for the grid they were chosen from). */
export const FUSION_PARAMS: Readonly<FusionParams> = Object.freeze({
  lexicalCandidates: 40,
  denseWeight: 0.5,
  denseScale: 'minmax',
  denseCandidates: 20,
  denseOnlyMinSimilarity: 0.8,
  mmrLambda: 0.9,
  maxOverlap: 0.5,
});
