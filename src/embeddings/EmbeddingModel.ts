import type { Embeddings } from '@langchain/core/embeddings';

/**
 * An embedder plus the identity an index records, so an index built with one model is never
 * searched with vectors from another.
 */
export interface EmbeddingModel {
  /** Stable id, e.g. `local:wink-sg-100d:sif:v1` or `openai:text-embedding-3-small@api.openai.com`. */
  id: string;
  /** Length of every vector `embeddings` returns. */
  dimension: number;
  embeddings: Embeddings;
}
