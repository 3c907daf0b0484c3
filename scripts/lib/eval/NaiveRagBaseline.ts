import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { VectorStore } from '@langchain/core/vectorstores';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import type { Answer, Citation } from '../../../src/answer/Answer.js';
import type { Passage } from '../../../src/ingest/Passage.js';

/** A file as the tutorial pipeline sees it: the raw text, no cleaning, no metadata. */
export interface BaselineFile {
  /** Project-relative path, as Dossier cites sources. */
  source: string;
  raw: string;
}

/** Makes an empty vector store over `embeddings`; the eval passes Dossier's own store so only the pipeline differs. */
export type VectorStoreFactory = (embeddings: EmbeddingsInterface) => VectorStore | Promise<VectorStore>;

export interface NaiveRagOptions {
  embeddings: EmbeddingsInterface;
  createStore: VectorStoreFactory;
  chunkSize?: number;
  chunkOverlap?: number;
  /** Passages retrieved per question (the tutorial's top-4). */
  k?: number;
  /** Documents per `addDocuments` call, so a large corpus does not build one giant embedding batch. */
  batchSize?: number;
}

interface ChunkMeta {
  source: string;
  start: number;
}

function isChunkMeta(value: unknown): value is ChunkMeta {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['source'] === 'string' && typeof v['start'] === 'number';
}

/**
 * The baseline Dossier is measured against: the LangChain "RAG from files" tutorial pipeline.
 * `RecursiveCharacterTextSplitter` (1000 chars, 200 overlap) over the raw files, dense-only top-k with
 * the same embedding model and vector store as Dossier, and the top passage returned as the answer.
 * It never abstains. Nothing here is tuned; the point is an honest reference, not a straw man.
 */
export class NaiveRagBaseline {
  readonly chunks: number;
  readonly #store: VectorStore;
  readonly #k: number;

  private constructor(store: VectorStore, chunks: number, k: number) {
    this.#store = store;
    this.chunks = chunks;
    this.#k = k;
  }

  /** Splits, embeds and stores every file. */
  static async build(files: readonly BaselineFile[], options: NaiveRagOptions): Promise<NaiveRagBaseline> {
    const splitter = new RecursiveCharacterTextSplitter({ chunkSize: options.chunkSize ?? 1000, chunkOverlap: options.chunkOverlap ?? 200 });
    const docs: Document[] = [];
    for (const file of files) {
      const pieces = await splitter.splitText(file.raw);
      let from = 0;
      for (const [index, piece] of pieces.entries()) {
        // The splitter does not report offsets; find each chunk after the previous one so citations can point into the file.
        const at = file.raw.indexOf(piece, from);
        const start = at >= 0 ? at : file.raw.indexOf(piece);
        if (at >= 0) from = at + 1;
        // Chunks carry Passage-shaped metadata because Dossier's vector store stores Passages; nothing is cleaned or split by sentence.
        const passage: Passage = {
          id: `${file.source}#chunk${index}`,
          source: file.source,
          index,
          start,
          end: start + piece.length,
          text: piece,
          sentences: [{ start, end: start + piece.length, text: piece }],
          meta: { title: null, publisher: null, date: null, url: null, author: null },
        };
        docs.push(new Document({ pageContent: piece, metadata: passage, id: passage.id }));
      }
    }
    const store = await options.createStore(options.embeddings);
    const batch = options.batchSize ?? 512;
    for (let i = 0; i < docs.length; i += batch) await store.addDocuments(docs.slice(i, i + batch));
    return new NaiveRagBaseline(store, docs.length, options.k ?? 4);
  }

  /** Dense-only nearest chunks, best first. */
  async retrieve(question: string, k: number = this.#k): Promise<Array<[Document, number]>> {
    return this.#store.similaritySearchWithScore(question, k);
  }

  /** Retrieves top-k and answers with the top chunk, cited as [1]. */
  async ask(question: string): Promise<Answer> {
    const hits = await this.retrieve(question);
    const top = hits[0]?.[0];
    if (!top) return { kind: 'answered', question, text: '', citations: [], mode: 'extractive' };
    const meta: unknown = top.metadata;
    const source = isChunkMeta(meta) ? meta.source : 'unknown';
    const start = isChunkMeta(meta) ? meta.start : -1;
    const citation: Citation = {
      n: 1,
      source,
      title: null,
      publisher: null,
      date: null,
      quote: top.pageContent,
      start,
      end: start >= 0 ? start + top.pageContent.length : -1,
      passageId: `${source}@${start}`,
    };
    return { kind: 'answered', question, text: `${top.pageContent} [1]`, citations: [citation], mode: 'extractive' };
  }
}
