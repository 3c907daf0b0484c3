import { createHash } from 'node:crypto';
import { z } from 'zod';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DossierError } from '../errors.js';
import type { Passage } from '../ingest/Passage.js';
import { decodePassages } from './passageCodec.js';
import { emptyGraph, type HnswGraph } from './hnswGraph.js';

/**
 * Reading a saved vector store from disk, apart from the store class: it needs no LangChain module,
 * so opening an index can read and check the files while LangChain is still being imported.
 */

/** Files one saved store consists of, inside its directory. */
export const STORE_FILES = { passages: 'passages.json', vectors: 'vectors.f32', hnsw: 'hnsw.bin', info: 'store.json' } as const;

/** `store.json`: what the other files of a saved store must be, checked before any is read. */
export const StoreInfoSchema = z.object({
  /** Live (searchable) passages. */
  count: z.number().int().nonnegative(),
  /**
   * Labels in the graph, deleted ones included (absent in stores written before incremental
   * updates: then equal to `count`).
   */
  labels: z.number().int().nonnegative().optional(),
  dimension: z.number().int().positive(),
  hnswBytes: z.number().int().nonnegative(),
  hnswSha256: z.string(),
  vectorsSha256: z.string(),
  /**
   * sha256 of passages.json: quotes are shown as the article's exact words, so their text is
   * checked like the vectors (absent in stores written before it was recorded).
   */
  passagesSha256: z.string().optional(),
});

export type StoreInfo = z.infer<typeof StoreInfoSchema>;

function isSentence(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o['start'] === 'number' && typeof o['end'] === 'number' && typeof o['text'] === 'string';
}

/** True when `v` has the shape of a {@link Passage}. */
export function isPassage(v: unknown): v is Passage {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o['id'] === 'string' &&
    typeof o['source'] === 'string' &&
    typeof o['index'] === 'number' &&
    typeof o['text'] === 'string' &&
    Array.isArray(o['sentences']) &&
    o['sentences'].every(isSentence) &&
    typeof o['meta'] === 'object' &&
    o['meta'] !== null
  );
}

/** Hex sha256 of `data`. */
export const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The error for a damaged store in `dir`. */
export function corrupt(dir: string, reason: string, cause?: unknown): DossierError {
  return new DossierError('INDEX_CORRUPT', `Index at ${dir} is damaged: ${reason}`, { cause });
}

/** A saved store's contents, checked and read (the graph by hnswlib). */
export interface StoreFiles {
  dir: string;
  info: StoreInfo;
  /** Labels in the graph, deleted ones included. */
  labels: number;
  /** By label; null for a deleted label. */
  passages: Array<Passage | null>;
  /** All vectors, row-major, `info.dimension` per label (zeros for deleted labels). */
  flat: Float32Array;
  graph: HnswGraph;
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };
const settle = <T>(p: Promise<T>): Promise<Settled<T>> => p.then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }));

/**
 * Reads and checks the files written by `HnswVectorStore.save`. Every file is checked (sizes,
 * checksums, shapes) before hnswlib reads the graph, because hnswlib can crash the process on a
 * damaged file. The files are read concurrently and the graph is read (on libuv's thread pool) while
 * the passages are parsed; a damaged store is reported in a fixed order whatever finishes first.
 * @throws DossierError `INDEX_CORRUPT` naming what is wrong.
 */
export async function readStoreFiles(dir: string): Promise<StoreFiles> {
  const reads = new Map<string, Promise<Settled<Buffer>>>(Object.values(STORE_FILES).map((name) => [name, settle(readFile(path.join(dir, name)))] as const));
  const read = async (name: string): Promise<Buffer> => {
    const r = (await reads.get(name)) ?? { ok: false as const, error: new Error(`unknown store file ${name}`) };
    if (!r.ok) throw corrupt(dir, `${name} cannot be read`, r.error);
    return r.value;
  };
  // Start hnswlib on the graph as soon as the graph file is known to be intact (it was written with store.json).
  const graph = (async (): Promise<Settled<HnswGraph> | null> => {
    const [info, bytes] = await Promise.all([reads.get(STORE_FILES.info), reads.get(STORE_FILES.hnsw)]);
    if (!info?.ok || !bytes?.ok) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(info.value.toString('utf8'));
    } catch {
      return null;
    }
    const checked = StoreInfoSchema.safeParse(parsed);
    if (!checked.success || bytes.value.length !== checked.data.hnswBytes || sha256(bytes.value) !== checked.data.hnswSha256) return null;
    const index = emptyGraph(checked.data.dimension);
    return settle(index.readIndex(path.join(dir, STORE_FILES.hnsw)).then(() => index));
  })();

  let rawInfo: unknown;
  let passages: unknown;
  let passageBytes: Buffer;
  try {
    rawInfo = JSON.parse((await read(STORE_FILES.info)).toString('utf8'));
    passageBytes = await read(STORE_FILES.passages);
    passages = decodePassages(JSON.parse(passageBytes.toString('utf8')));
  } catch (error) {
    throw error instanceof DossierError ? error : corrupt(dir, 'store.json or passages.json is not valid JSON', error);
  }
  const checked = StoreInfoSchema.safeParse(rawInfo);
  if (!checked.success) throw corrupt(dir, `${STORE_FILES.info} has an unexpected shape (${checked.error.issues.map((i) => `${i.path.join('.') || 'top'}: ${i.message}`).join('; ')})`);
  const info = checked.data;
  if (info.passagesSha256 !== undefined && sha256(passageBytes) !== info.passagesSha256) throw corrupt(dir, `${STORE_FILES.passages} was altered since it was written`);
  const labels = info.labels ?? info.count;
  if (!Array.isArray(passages) || !passages.every((p) => p === null || isPassage(p))) throw corrupt(dir, `${STORE_FILES.passages} is not a list of passages`);
  const live = passages.reduce((n: number, p) => (p === null ? n : n + 1), 0);
  if (passages.length !== labels || live !== info.count) throw corrupt(dir, `${STORE_FILES.passages} has ${live} of ${passages.length} passages, expected ${info.count} of ${labels}`);
  const vectorBytes = await read(STORE_FILES.vectors);
  if (vectorBytes.length !== labels * info.dimension * 4 || sha256(vectorBytes) !== info.vectorsSha256)
    throw corrupt(dir, `${STORE_FILES.vectors} is truncated or altered`);
  const hnswBytes = await read(STORE_FILES.hnsw);
  // Its checksum was checked once already, before hnswlib was given the file (`graph` above): a
  // mismatch there leaves `graphRead` null, reported below in the same words.
  if (hnswBytes.length !== info.hnswBytes) throw corrupt(dir, `${STORE_FILES.hnsw} is truncated or altered`);

  // The file's bytes are the vectors: view them in place when aligned (a large read always is) rather than copy 6 MB.
  let flat: Float32Array;
  if (vectorBytes.byteOffset % 4 === 0) flat = new Float32Array(vectorBytes.buffer, vectorBytes.byteOffset, labels * info.dimension);
  else {
    flat = new Float32Array(labels * info.dimension);
    new Uint8Array(flat.buffer).set(vectorBytes);
  }
  const graphRead = await graph;
  if (!graphRead) throw corrupt(dir, `${STORE_FILES.hnsw} is truncated or altered`);
  if (!graphRead.ok) throw corrupt(dir, `${STORE_FILES.hnsw} could not be read by hnswlib`, graphRead.error);
  const index = graphRead.value;
  if (index.getCurrentCount() !== labels) throw corrupt(dir, `${STORE_FILES.hnsw} holds ${index.getCurrentCount()} vectors, expected ${labels}`);
  return { dir, info, labels, passages: passages as Array<Passage | null>, flat, graph: index };
}
