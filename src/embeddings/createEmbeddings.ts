import type { Config } from '../config.js';
import type { EmbeddingModel } from './EmbeddingModel.js';
import type { OpenAIEmbeddingsOptions } from './openAIEmbeddings.js';
import type { ConversionProgress } from './WordVectorCache.js';
import { WordVectorEmbeddings } from './WordVectorEmbeddings.js';

/** Options of `createEmbeddings`: the OpenAI embedder's, and progress of the offline vectors' first-run conversion. */
export type CreateEmbeddingsOptions = OpenAIEmbeddingsOptions & { onConversion?: ConversionProgress };

/**
 * Builds the configured embedder. `local` loads the offline word vectors (cache in `config.paths.cache`);
 * `openai` talks to any OpenAI-compatible `/v1/embeddings` endpoint and probes its dimension with one call.
 * @throws DossierError `EMBEDDINGS_FAILED` when the provider cannot be reached or rejects the request.
 */
export async function createEmbeddings(config: Config, options: CreateEmbeddingsOptions = {}): Promise<EmbeddingModel> {
  if (config.embeddings.provider === 'local') {
    const embeddings = await WordVectorEmbeddings.load({ cacheDir: config.paths.cache, ...(options.onConversion ? { onConversion: options.onConversion } : {}) });
    return { id: embeddings.id, dimension: embeddings.dimension, embeddings };
  }
  // Loaded only when configured: the OpenAI client and its dependencies take about a second to import.
  const { openAIEmbeddings } = await import('./openAIEmbeddings.js');
  return openAIEmbeddings(config, options);
}
