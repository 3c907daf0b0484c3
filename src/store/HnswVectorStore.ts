import { createHash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Document } from '@langchain/core/documents';
import type { DocumentInterface } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { SaveableVectorStore } from '@langchain/core/vectorstores';
import hnswlib from 'hnswlib-node';
import { DossierError } from '../errors.js';
import type { Passage } from '../ingest/Passage.js';

const { HierarchicalNSW } = hnswlib;
type Hnsw = InstanceType<typeof HierarchicalNSW>;

/** Files one saved store consists of, inside its directory. */
export const STORE_FILES = { passages: 'passages.json', vectors: 'vectors.f32', hnsw: 'hnsw.bin', info: 'store.json' } as const;

/** Graph parameters: small corpora, so favour recall over memory. Fixed seed keeps builds reproducible. */
const M = 16;
const EF_CONSTRUCTION = 200;
const EF_SEARCH = 100;
const RANDOM_SEED = 100;

interface StoreInfo {
  count: number;
  dimension: number;
  hnswBytes: number;
  hnswSha256: string;
  vectorsSha256: string;
}

function isStoreInfo(v: unknown): v is StoreInfo {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o['count'] === 'number' &&
    typeof o['dimension'] === 'number' &&
    typeof o['hnswBytes'] === 'number' &&
    typeof o['hnswSha256'] === 'string' &&
    typeof o['vectorsSha256'] === 'string'
  );
}

function isPassage(v: unknown): v is Passage {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o['id'] === 'string' &&
    typeof o['source'] === 'string' &&
    typeof o['index'] === 'number' &&
    typeof o['text'] === 'string' &&
    Array.isArray(o['sentences']) &&
    typeof o['meta'] === 'object' &&
    o['meta'] !== null
  );
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Writes and fsyncs a file so a later rename/CURRENT switch never exposes half-written data. */
export async function writeFileDurable(file: string, data: string | Uint8Array): Promise<void> {
  const fh = await open(file, 'w');
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

function corrupt(dir: string, reason: string, cause?: unknown): DossierError {
  return new DossierError('INDEX_CORRUPT', `Index at ${dir} is damaged: ${reason}`, { cause });
}

/**
 * LangChain `VectorStore` over hnswlib (cosine space). Each document is one {@link Passage}:
 * `pageContent` is the passage text and `metadata` the whole Passage, so searches hand Passages back.
 * Scores are cosine SIMILARITY (1 − cosine distance), higher is closer.
 *
 * The raw vectors are kept (and saved as plain Float32) beside the graph so an incremental build can
 * reuse them without depending on hnswlib's file format.
 */
export class HnswVectorStore extends SaveableVectorStore {
  declare FilterType: (doc: Document<Passage>) => boolean;

  readonly dimension: number;
  private readonly docs: Array<Document<Passage>> = [];
  private readonly vectors: Float32Array[] = [];
  private readonly labels = new Map<string, number>();
  private index: Hnsw | null = null;

  constructor(embeddings: EmbeddingsInterface, options: { dimension: number }) {
    super(embeddings, {});
    this.dimension = options.dimension;
  }

  _vectorstoreType(): string {
    return 'hnswlib-dossier';
  }

  /** Number of stored passages. */
  get size(): number {
    return this.docs.length;
  }

  /** Stored passages in label order. */
  passages(): Passage[] {
    return this.docs.map((d) => d.metadata);
  }

  /** A stored passage by id, or undefined. */
  getPassage(id: string): Passage | undefined {
    const label = this.labels.get(id);
    return label === undefined ? undefined : this.docs[label]?.metadata;
  }

  /** The stored vector of a passage, by passage id, or undefined. The returned array is a copy. */
  getVector(id: string): Float32Array | undefined {
    const label = this.labels.get(id);
    return label === undefined ? undefined : this.vectors[label]?.slice();
  }

  private ensureCapacity(extra: number): Hnsw {
    const needed = this.docs.length + extra;
    if (!this.index) {
      this.index = new HierarchicalNSW('cosine', this.dimension);
      this.index.initIndex({ maxElements: Math.max(needed, 16), m: M, efConstruction: EF_CONSTRUCTION, randomSeed: RANDOM_SEED });
    } else if (needed > this.index.getMaxElements()) {
      this.index.resizeIndex(Math.max(needed, this.index.getMaxElements() * 2));
    }
    return this.index;
  }

  private checkVector(vector: ArrayLike<number>, what: string): void {
    if (vector.length !== this.dimension) throw new DossierError('EMBEDDINGS_FAILED', `${what} has ${vector.length} dimensions; the index uses ${this.dimension}.`);
    for (let i = 0; i < vector.length; i++) {
      if (!Number.isFinite(vector[i])) throw new DossierError('EMBEDDINGS_FAILED', `${what} contains a non-finite number.`);
    }
  }

  /** Adds precomputed vectors; `documents[i].metadata` must be a Passage with a unique id. */
  // async so validation errors surface as rejections, like every other VectorStore.
  override async addVectors(vectors: Array<number[] | Float32Array>, documents: DocumentInterface[]): Promise<string[]> {
    if (vectors.length !== documents.length) throw new Error(`addVectors: ${vectors.length} vectors for ${documents.length} documents`);
    const passages = documents.map((d) => {
      if (!isPassage(d.metadata)) throw new Error('addVectors: document metadata must be a Passage');
      if (this.labels.has(d.metadata.id)) throw new Error(`addVectors: duplicate passage id ${d.metadata.id}`);
      return d.metadata;
    });
    vectors.forEach((v, i) => this.checkVector(v, `The vector for ${passages[i]?.id ?? i}`));
    const index = this.ensureCapacity(vectors.length);
    vectors.forEach((v, i) => {
      const passage = passages[i] as Passage;
      const label = this.docs.length;
      const vec = Float32Array.from(v);
      index.addPoint(Array.from(vec), label);
      this.docs.push(new Document<Passage>({ pageContent: passage.text, metadata: passage, id: passage.id }));
      this.vectors.push(vec);
      this.labels.set(passage.id, label);
    });
    return passages.map((p) => p.id);
  }

  /** Embeds `documents` (their `pageContent`) and adds them. */
  override async addDocuments(documents: DocumentInterface[]): Promise<string[]> {
    const vectors = await this.embeddings.embedDocuments(documents.map((d) => d.pageContent));
    return this.addVectors(vectors, documents);
  }

  /** Adds passages with their vectors (the common path for index builds). */
  addPassages(passages: Passage[], vectors: Array<number[] | Float32Array>): Promise<string[]> {
    return this.addVectors(
      vectors,
      passages.map((p) => new Document<Passage>({ pageContent: p.text, metadata: p, id: p.id })),
    );
  }

  /**
   * The `k` passages closest to `query`, best first, as `[document, cosine similarity]`.
   * `filter` sees each candidate document; fewer than `k` come back when fewer pass it.
   */
  override similaritySearchVectorWithScore(query: number[], k: number, filter?: this['FilterType']): Promise<Array<[Document<Passage>, number]>> {
    if (!this.index || this.docs.length === 0 || k <= 0) return Promise.resolve([]);
    this.checkVector(query, 'The query vector');
    const count = filter ? this.docs.filter((d) => filter(d)).length : this.docs.length;
    const kk = Math.min(k, count);
    if (kk === 0) return Promise.resolve([]);
    this.index.setEf(Math.max(EF_SEARCH, kk));
    const labelFilter = filter ? (label: number) => { const d = this.docs[label]; return d !== undefined && filter(d); } : undefined;
    const { neighbors, distances } = this.index.searchKnn(query, kk, labelFilter);
    const results: Array<[Document<Passage>, number]> = [];
    neighbors.forEach((label, i) => {
      const doc = this.docs[label];
      if (doc) results.push([doc, 1 - (distances[i] ?? 1)]);
    });
    return Promise.resolve(results);
  }

  /** Writes passages.json, vectors.f32, hnsw.bin and store.json (with checksums) into `dir`, fsynced. */
  override async save(dir: string): Promise<void> {
    const count = this.docs.length;
    const flat = new Float32Array(count * this.dimension);
    this.vectors.forEach((v, i) => flat.set(v, i * this.dimension));
    const vectorBytes = new Uint8Array(flat.buffer);
    await writeFileDurable(path.join(dir, STORE_FILES.passages), JSON.stringify(this.passages()));
    await writeFileDurable(path.join(dir, STORE_FILES.vectors), vectorBytes);
    const hnswFile = path.join(dir, STORE_FILES.hnsw);
    // hnswlib refuses to write an empty, uninitialised index; an empty graph still needs a file.
    const index = this.ensureCapacity(0);
    await index.writeIndex(hnswFile);
    const hnswBytes = await readFile(hnswFile);
    await writeFileDurable(hnswFile, hnswBytes);
    const info: StoreInfo = { count, dimension: this.dimension, hnswBytes: hnswBytes.length, hnswSha256: sha256(hnswBytes), vectorsSha256: sha256(vectorBytes) };
    await writeFileDurable(path.join(dir, STORE_FILES.info), JSON.stringify(info));
  }

  /**
   * Loads a store written by {@link HnswVectorStore.save}. Every file is checked (sizes, checksums,
   * shapes) BEFORE hnswlib reads the graph, because hnswlib can crash the process on a damaged file.
   * @throws DossierError `INDEX_CORRUPT` naming what is wrong.
   */
  static override async load(dir: string, embeddings: EmbeddingsInterface): Promise<HnswVectorStore> {
    const read = async (name: string) => {
      try {
        return await readFile(path.join(dir, name));
      } catch (error) {
        throw corrupt(dir, `${name} cannot be read`, error);
      }
    };
    let info: unknown;
    let passages: unknown;
    try {
      info = JSON.parse((await read(STORE_FILES.info)).toString('utf8'));
      passages = JSON.parse((await read(STORE_FILES.passages)).toString('utf8'));
    } catch (error) {
      throw error instanceof DossierError ? error : corrupt(dir, 'store.json or passages.json is not valid JSON', error);
    }
    if (!isStoreInfo(info)) throw corrupt(dir, `${STORE_FILES.info} has an unexpected shape`);
    if (!Array.isArray(passages) || !passages.every(isPassage)) throw corrupt(dir, `${STORE_FILES.passages} is not a list of passages`);
    if (passages.length !== info.count) throw corrupt(dir, `${STORE_FILES.passages} has ${passages.length} passages, expected ${info.count}`);
    const vectorBytes = await read(STORE_FILES.vectors);
    if (vectorBytes.length !== info.count * info.dimension * 4 || sha256(vectorBytes) !== info.vectorsSha256)
      throw corrupt(dir, `${STORE_FILES.vectors} is truncated or altered`);
    const hnswBytes = await read(STORE_FILES.hnsw);
    if (hnswBytes.length !== info.hnswBytes || sha256(hnswBytes) !== info.hnswSha256) throw corrupt(dir, `${STORE_FILES.hnsw} is truncated or altered`);

    const store = new HnswVectorStore(embeddings, { dimension: info.dimension });
    const flat = new Float32Array(info.count * info.dimension);
    new Uint8Array(flat.buffer).set(vectorBytes);
    const index = new HierarchicalNSW('cosine', info.dimension);
    try {
      await index.readIndex(path.join(dir, STORE_FILES.hnsw));
    } catch (error) {
      throw corrupt(dir, `${STORE_FILES.hnsw} could not be read by hnswlib`, error);
    }
    if (index.getCurrentCount() !== info.count) throw corrupt(dir, `${STORE_FILES.hnsw} holds ${index.getCurrentCount()} vectors, expected ${info.count}`);
    store.index = index;
    passages.forEach((p, label) => {
      if (store.labels.has(p.id)) throw corrupt(dir, `duplicate passage id ${p.id}`);
      store.docs.push(new Document<Passage>({ pageContent: p.text, metadata: p, id: p.id }));
      store.vectors.push(flat.slice(label * info.dimension, (label + 1) * info.dimension));
      store.labels.set(p.id, label);
    });
    return store;
  }
}
