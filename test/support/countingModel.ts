import { Embeddings } from '@langchain/core/embeddings';
import type { EmbeddingModel } from '../../src/embeddings/EmbeddingModel.js';

/** Wraps real embeddings, counting texts embedded and optionally pausing before each batch. */
export class CountingEmbeddings extends Embeddings {
  texts = 0;
  calls = 0;
  constructor(
    private readonly inner: Embeddings,
    private readonly beforeBatch?: (batch: string[]) => Promise<void>,
  ) {
    super({});
  }
  override async embedDocuments(documents: string[]): Promise<number[][]> {
    await this.beforeBatch?.(documents);
    this.calls++;
    this.texts += documents.length;
    return this.inner.embedDocuments(documents);
  }
  override embedQuery(document: string): Promise<number[]> {
    return this.inner.embedQuery(document);
  }
}

/** The same model identity with counting embeddings (optionally under another id/dimension). */
export function countingModel(model: EmbeddingModel, options: { id?: string; beforeBatch?: (batch: string[]) => Promise<void> } = {}) {
  const embeddings = new CountingEmbeddings(model.embeddings, options.beforeBatch);
  return { id: options.id ?? model.id, dimension: model.dimension, embeddings } satisfies EmbeddingModel & { embeddings: CountingEmbeddings };
}
