import type { Passage } from '../ingest/Passage.js';

/** A passage with the scores that ranked it. `score` is the fused score used for ordering. */
export interface RetrievedPassage {
  passage: Passage;
  score: number;
  /** Normalised lexical (BM25) score in [0, 1], 0 when the passage was not a lexical hit. */
  lexical: number;
  /** Cosine similarity between query and passage embeddings, in [-1, 1]. */
  dense: number;
}

/** Filters shared by users and the timeline. Dates are ISO prefixes (`2024`, `2024-06`, `2024-06-17`). */
export interface RetrievalFilter {
  /** Keep only these sources (project-relative paths or bare file names). */
  sources?: string[];
  /** Keep articles published on or after this date (articles with unknown dates are excluded when set). */
  from?: string;
  /** Keep articles published on or before this date. */
  to?: string;
}
