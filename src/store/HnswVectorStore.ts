import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Document } from '@langchain/core/documents';
import type { DocumentInterface } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { SaveableVectorStore } from '@langchain/core/vectorstores';
import { DossierError } from '../errors.js';
import writeFileAtomic from 'write-file-atomic';
import type { Passage } from '../ingest/Passage.js';
import { encodePassages } from './passageCodec.js';
import { EF_SEARCH, emptyGraph, newGraph } from './hnswGraph.js';
import { STORE_FILES, corrupt, isPassage, readStoreFiles, sha256, type StoreFiles, type StoreInfo } from './storeFiles.js';
import type { HnswGraph } from './hnswGraph.js';

type Hnsw = HnswGraph;

export { STORE_FILES } from './storeFiles.js';

/**
 * LangChain `VectorStore` over hnswlib (cosine space). Each document is one {@link Passage}:
 * `pageContent` is the passage text and `metadata` the whole Passage, so searches hand Passages back.
 * Scores are cosine SIMILARITY (1 − cosine distance), higher is closer.
 *
 * The raw vectors are kept (and saved as plain Float32) beside the graph so an incremental build can
 * reuse them without depending on hnswlib's file format.
 *
 * Incremental updates ({@link HnswVectorStore.fork}, {@link HnswVectorStore.remove}) keep every
 * label a passage ever had: a removed passage's label is marked deleted in the graph (hnswlib never
 * returns it) and left as a hole (`null` in passages.json), so labels stay stable across save/load.
 * {@link HnswVectorStore.deletedShare} tells a builder when compacting (a fresh graph) is worth it.
 */
export class HnswVectorStore extends SaveableVectorStore {
  declare FilterType: (doc: Document<Passage>) => boolean;

  readonly dimension: number;
  /** By label; undefined for a deleted label. */
  private readonly docs: Array<Document<Passage> | undefined> = [];
  /** By label; undefined for a deleted label. Never mutated after insertion, so forks may share them. */
  private readonly vectors: Array<Float32Array | undefined> = [];
  private readonly labels = new Map<string, number>();
  private index: Hnsw | null = null;
  /** sha256 of the graph file this store was last saved to or loaded from (lets {@link fork} trust it). */
  private graphSha256: string | null = null;

  constructor(embeddings: EmbeddingsInterface, options: { dimension: number }) {
    super(embeddings, {});
    this.dimension = options.dimension;
  }

  _vectorstoreType(): string {
    return 'hnswlib-dossier';
  }

  /** Number of stored (live) passages. */
  get size(): number {
    return this.labels.size;
  }

  /** Labels in the graph, deleted ones included. */
  get labelCount(): number {
    return this.docs.length;
  }

  /** Share of graph labels that are deleted holes, in [0, 1). */
  get deletedShare(): number {
    return this.docs.length === 0 ? 0 : 1 - this.labels.size / this.docs.length;
  }

  /** Stored passages in label order (deleted ones left out). */
  passages(): Passage[] {
    const out: Passage[] = [];
    for (const d of this.docs) if (d) out.push(d.metadata);
    return out;
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
      this.index = newGraph(this.dimension, needed);
    } else if (needed > this.index.getMaxElements()) {
      // Room for a few more incremental updates before the next resize (resizing copies the graph).
      this.index.resizeIndex(Math.max(needed + 1024, Math.ceil(this.index.getMaxElements() * 1.25)));
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
    const batch = new Set<string>();
    const passages = documents.map((d) => {
      if (!isPassage(d.metadata)) throw new Error('addVectors: document metadata must be a Passage');
      if (this.labels.has(d.metadata.id) || batch.has(d.metadata.id)) throw new Error(`addVectors: duplicate passage id ${d.metadata.id}`);
      batch.add(d.metadata.id);
      return d.metadata;
    });
    vectors.forEach((v, i) => this.checkVector(v, `The vector for ${passages[i]?.id ?? i}`));
    const index = this.ensureCapacity(vectors.length);
    this.graphSha256 = null;
    vectors.forEach((v, i) => {
      const passage = passages[i] as Passage;
      const label = this.docs.length;
      const vec = v instanceof Float32Array ? v.slice() : Float32Array.from(v);
      index.addPoint(Array.isArray(v) ? v : Array.from(vec), label);
      this.docs.push(new Document<Passage>({ pageContent: passage.text, metadata: passage, id: passage.id }));
      this.vectors.push(vec);
      this.labels.set(passage.id, label);
    });
    return passages.map((p) => p.id);
  }

  /**
   * A store of `passages` with their `vectors` whose graph was built elsewhere (labels 0..n-1 in
   * passage order, e.g. by a worker thread); with `graph` null the graph is built here.
   */
  static async fromGraph(
    embeddings: EmbeddingsInterface,
    options: { dimension: number },
    passages: Passage[],
    vectors: Array<number[] | Float32Array>,
    graph: HnswGraph | null,
  ): Promise<HnswVectorStore> {
    const store = new HnswVectorStore(embeddings, options);
    if (!graph || graph.getCurrentCount() !== passages.length) {
      await store.addPassages(passages, vectors);
      return store;
    }
    // The same checks as addVectors, before the graph is adopted.
    const seen = new Set<string>();
    for (const p of passages) {
      if (!isPassage(p)) throw new Error('fromGraph: passages must be Passages');
      if (seen.has(p.id)) throw new Error(`addVectors: duplicate passage id ${p.id}`);
      seen.add(p.id);
    }
    if (vectors.length !== passages.length) throw new Error(`addVectors: ${vectors.length} vectors for ${passages.length} documents`);
    vectors.forEach((v, i) => store.checkVector(v, `The vector for ${passages[i]?.id ?? i}`));
    store.index = graph;
    passages.forEach((p, label) => {
      const v = vectors[label] ?? [];
      store.docs.push(new Document<Passage>({ pageContent: p.text, metadata: p, id: p.id }));
      store.vectors.push(v instanceof Float32Array ? v : Float32Array.from(v));
      store.labels.set(p.id, label);
    });
    return store;
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
   * Removes passages by id (unknown ids are ignored): their labels are marked deleted in the graph,
   * so no search returns them, and become holes. Returns how many were removed.
   */
  remove(ids: Iterable<string>): number {
    let removed = 0;
    for (const id of ids) {
      const label = this.labels.get(id);
      if (label === undefined) continue;
      this.index?.markDelete(label);
      this.graphSha256 = null;
      this.docs[label] = undefined;
      this.vectors[label] = undefined;
      this.labels.delete(id);
      removed++;
    }
    return removed;
  }

  /**
   * Replaces stored passages by new versions with the same id and text (new metadata); the vectors
   * and graph stay. Passages not in the store, or with other text, are ignored.
   */
  restamp(passages: Iterable<Passage>): void {
    for (const p of passages) {
      const label = this.labels.get(p.id);
      if (label === undefined || this.docs[label]?.pageContent !== p.text) continue;
      this.docs[label] = new Document<Passage>({ pageContent: p.text, metadata: p, id: p.id });
    }
  }

  /**
   * An independent copy to update without disturbing this store (which may be serving queries):
   * the passage list is copied (Passages and vectors are immutable and shared) and the graph is read
   * afresh from `dir`, where this store was saved or loaded from. Returns null when the graph file
   * there is not this store's (changed or missing); the caller then builds a fresh graph.
   */
  async fork(dir: string): Promise<HnswVectorStore | null> {
    if (!this.graphSha256) return null;
    const file = path.join(dir, STORE_FILES.hnsw);
    const bytes = await readFile(file).catch(() => null);
    if (!bytes || sha256(bytes) !== this.graphSha256) return null;
    const index = emptyGraph(this.dimension);
    try {
      await index.readIndex(file);
    } catch {
      return null;
    }
    if (index.getCurrentCount() !== this.docs.length) return null;
    const copy = new HnswVectorStore(this.embeddings, { dimension: this.dimension });
    copy.docs.push(...this.docs);
    copy.vectors.push(...this.vectors);
    for (const [id, label] of this.labels) copy.labels.set(id, label);
    copy.index = index;
    copy.graphSha256 = this.graphSha256;
    return copy;
  }

  /**
   * The `k` passages closest to `query`, best first, as `[document, cosine similarity]`.
   * `filter` sees each candidate document; fewer than `k` come back when fewer pass it.
   */
  override similaritySearchVectorWithScore(query: number[], k: number, filter?: this['FilterType']): Promise<Array<[Document<Passage>, number]>> {
    if (!this.index || this.labels.size === 0 || k <= 0) return Promise.resolve([]);
    this.checkVector(query, 'The query vector');
    let count = this.labels.size;
    if (filter) {
      count = 0;
      for (const d of this.docs) if (d && filter(d)) count++;
    }
    const kk = Math.min(k, count);
    if (kk === 0) return Promise.resolve([]);
    this.index.setEf(Math.max(EF_SEARCH, kk));
    const labelFilter = filter ? (label: number) => { const d = this.docs[label]; return d !== undefined && filter(d); } : undefined;
    const { neighbors, distances } = this.index.searchKnn(query, kk, labelFilter);
    const results: Array<[Document<Passage>, number]> = [];
    neighbors.forEach((label, i) => {
      // Deleted labels are excluded by hnswlib; the check guards the bookkeeping all the same.
      const doc = this.docs[label];
      if (doc) results.push([doc, 1 - (distances[i] ?? 1)]);
    });
    return Promise.resolve(results);
  }

  /** Writes passages.json, vectors.f32, hnsw.bin and store.json (with checksums) into `dir`, fsynced. */
  override async save(dir: string): Promise<void> {
    const labels = this.docs.length;
    const flat = new Float32Array(labels * this.dimension);
    this.vectors.forEach((v, i) => {
      if (v) flat.set(v, i * this.dimension);
    });
    const vectorBytes = Buffer.from(flat.buffer, flat.byteOffset, flat.byteLength);
    const passageBytes = Buffer.from(encodePassages(this.docs.map((d) => d?.metadata ?? null)), 'utf8');
    await writeFileAtomic(path.join(dir, STORE_FILES.passages), passageBytes);
    await writeFileAtomic(path.join(dir, STORE_FILES.vectors), vectorBytes);
    const hnswFile = path.join(dir, STORE_FILES.hnsw);
    // hnswlib refuses to write an empty, uninitialised index; an empty graph still needs a file.
    const index = this.ensureCapacity(0);
    await index.writeIndex(hnswFile);
    const hnswBytes = await readFile(hnswFile);
    // hnswlib does not fsync; syncing the file it wrote is enough (no need to write it again).
    const fh = await open(hnswFile, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    const hnswSha256 = sha256(hnswBytes);
    const info: StoreInfo = {
      count: this.labels.size,
      labels,
      dimension: this.dimension,
      hnswBytes: hnswBytes.length,
      hnswSha256,
      vectorsSha256: sha256(vectorBytes),
      passagesSha256: sha256(passageBytes),
    };
    await writeFileAtomic(path.join(dir, STORE_FILES.info), JSON.stringify(info));
    this.graphSha256 = hnswSha256;
  }

  /**
   * Loads a store written by {@link HnswVectorStore.save}. Every file is checked (sizes, checksums,
   * shapes) BEFORE hnswlib reads the graph, because hnswlib can crash the process on a damaged file.
   * @throws DossierError `INDEX_CORRUPT` naming what is wrong.
   */
  static override async load(dir: string, embeddings: EmbeddingsInterface): Promise<HnswVectorStore> {
    return HnswVectorStore.fromStoreFiles(await readStoreFiles(dir), embeddings);
  }

  /**
   * A store of files already read and checked by {@link readStoreFiles} (what {@link HnswVectorStore.load}
   * does in one step; opening an index reads the files while this module is still being imported).
   * @throws DossierError `INDEX_CORRUPT` on a duplicate passage id.
   */
  static fromStoreFiles(files: StoreFiles, embeddings: EmbeddingsInterface): HnswVectorStore {
    const { dir, info, passages, flat, graph: index } = files;
    const store = new HnswVectorStore(embeddings, { dimension: info.dimension });
    store.index = index;
    store.graphSha256 = info.hnswSha256;
    passages.forEach((p, label) => {
      if (p === null) {
        // Already marked in the saved graph; marking again makes sure a hole is never returned.
        try {
          index.markDelete(label);
        } catch {
          // hnswlib throws for a label that is already deleted: the expected case.
        }
        store.docs.push(undefined);
        store.vectors.push(undefined);
        return;
      }
      if (store.labels.has(p.id)) throw corrupt(dir, `duplicate passage id ${p.id}`);
      store.docs.push(new Document<Passage>({ pageContent: p.text, metadata: p, id: p.id }));
      store.vectors.push(flat.subarray(label * info.dimension, (label + 1) * info.dimension));
      store.labels.set(p.id, label);
    });
    return store;
  }
}
