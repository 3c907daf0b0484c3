import { crc32 } from 'node:zlib';
import { DossierError } from '../errors.js';

/**
 * The saved form of a {@link Bm25Index}, one binary file of our own (nothing in it is another
 * library's format), laid out so that loading reads almost nothing:
 *
 * - 16 bytes: `BM25`, the format version, the header's length and a CRC-32 of everything after
 *   these 16 bytes (a damaged or truncated file is refused when it is read, not at a later search);
 * - a JSON header: the field names, the document ids in document order and the terms, sorted;
 * - 32-bit unsigned integers (little-endian): each document's field lengths, each term's number of
 *   documents per field, and each term's byte offset in the postings;
 * - the postings: per term and field, the document numbers (ascending, each as the difference from
 *   the one before) and then their term frequencies, as LEB128 varints.
 *
 * Postings are decoded one term at a time, when a query first needs the term (see `decodeTerm`): on
 * the 15.6k-passage bench corpus there are 1.1M postings, and a question reads a few thousand.
 */
export const BM25_FILE_VERSION = 1;

const MAGIC = 'BM25';
const PREAMBLE_BYTES = 16;
/** LEB128 needs at most this many bytes for a 32-bit number. */
const MAX_VARINT_BYTES = 5;

/** One term's postings in one field: ascending document numbers and, for each, the term's frequency. */
export interface FieldPostings {
  ids: ArrayLike<number>;
  freqs: ArrayLike<number>;
}

/** One term's postings, by field number (`undefined` where the term does not occur). */
export type TermPostings = ReadonlyArray<FieldPostings | undefined>;

/** What {@link writeBm25File} saves. */
export interface Bm25FileContents {
  fields: readonly string[];
  /** Document ids, by document number. */
  documents: readonly string[];
  /** Each document's field lengths: `lengths[document * fields.length + field]`. */
  lengths: ArrayLike<number>;
  /** The terms, sorted (JavaScript string order) and distinct. */
  terms: readonly string[];
  /** The postings of `terms[term]`; document numbers index `documents`. */
  postings(term: number): TermPostings;
}

/** A file read by {@link readBm25File}: everything but the postings is decoded. */
export interface Bm25File {
  fields: string[];
  documents: string[];
  lengths: Uint32Array;
  terms: string[];
  /** Documents per term and field: `counts[term * fields.length + field]`. */
  counts: Uint32Array;
  /** Decodes one term's postings (checked: a damaged file throws `INDEX_CORRUPT`, never returns wrong numbers). */
  decodeTerm(term: number): TermPostings;
}

/** A growable byte buffer for the varints. */
class ByteWriter {
  bytes = new Uint8Array(1 << 16);
  length = 0;

  varint(value: number): void {
    if (this.length + MAX_VARINT_BYTES > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    let v = value >>> 0;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }
}

/** Serialises an index; see the layout above. */
export function writeBm25File(contents: Bm25FileContents): Uint8Array {
  const { fields, documents, lengths, terms } = contents;
  const fieldCount = fields.length;
  const counts = new Uint32Array(terms.length * fieldCount);
  const offsets = new Uint32Array(terms.length + 1);
  const blob = new ByteWriter();
  for (let t = 0; t < terms.length; t++) {
    offsets[t] = blob.length;
    const postings = contents.postings(t);
    for (let f = 0; f < fieldCount; f++) {
      const p = postings[f];
      if (!p || p.ids.length === 0) continue;
      counts[t * fieldCount + f] = p.ids.length;
      let previous = 0;
      for (let i = 0; i < p.ids.length; i++) {
        const id = p.ids[i] as number;
        blob.varint(id - previous);
        previous = id;
      }
      for (let i = 0; i < p.freqs.length; i++) blob.varint(p.freqs[i] as number);
    }
  }
  offsets[terms.length] = blob.length;

  let header = Buffer.from(JSON.stringify({ fields, documents, terms }), 'utf8');
  // Padded with spaces (valid JSON) so the integer arrays after it start on a 4-byte boundary.
  const padding = (4 - ((PREAMBLE_BYTES + header.length) % 4)) % 4;
  if (padding > 0) header = Buffer.concat([header, Buffer.alloc(padding, ' ')]);
  const integers = [Uint32Array.from(lengths), counts, offsets];
  const integerBytes = integers.reduce((n, a) => n + a.byteLength, 0);
  const out = Buffer.alloc(PREAMBLE_BYTES + header.length + integerBytes + blob.length);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(BM25_FILE_VERSION, 4);
  out.writeUInt32LE(header.length, 8);
  header.copy(out, PREAMBLE_BYTES);
  let at = PREAMBLE_BYTES + header.length;
  for (const array of integers) {
    for (let i = 0; i < array.length; i++, at += 4) out.writeUInt32LE(array[i] as number, at);
  }
  out.set(blob.bytes.subarray(0, blob.length), at);
  out.writeUInt32LE(crc32(out.subarray(PREAMBLE_BYTES)), 12);
  return out;
}

const corrupt = (why: string, cause?: unknown) =>
  new DossierError('INDEX_CORRUPT', `The stored lexical index is damaged (${why}).`, cause === undefined ? undefined : { cause });

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** The file's header, checked. */
function readHeader(bytes: Uint8Array, length: number): { fields: string[]; documents: string[]; terms: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + PREAMBLE_BYTES, length).toString('utf8'));
  } catch (error) {
    throw corrupt('unreadable header', error);
  }
  const h = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const { fields, documents, terms } = h;
  if (!isStringList(fields) || fields.length === 0 || !isStringList(documents) || !isStringList(terms)) throw corrupt('unexpected header');
  for (let i = 1; i < terms.length; i++) if (!((terms[i - 1] as string) < (terms[i] as string))) throw corrupt('terms out of order');
  return { fields, documents, terms };
}

/** `count` little-endian 32-bit integers at `offset`: a view when the platform and alignment allow, else a copy. */
function uint32s(bytes: Uint8Array, offset: number, count: number): Uint32Array {
  const at = bytes.byteOffset + offset;
  if (LITTLE_ENDIAN && at % 4 === 0) return new Uint32Array(bytes.buffer, at, count);
  const view = new DataView(bytes.buffer, at, count * 4);
  return Uint32Array.from({ length: count }, (_, i) => view.getUint32(i * 4, true));
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/**
 * Reads a file written by {@link writeBm25File}. Checks the checksum, the sizes and the order of
 * the terms here; each term's postings are checked as they are decoded.
 * @throws DossierError `INDEX_INCOMPATIBLE` for another format version, `INDEX_CORRUPT` for anything else wrong.
 */
export function readBm25File(bytes: Uint8Array): Bm25File {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.length < PREAMBLE_BYTES || view.toString('latin1', 0, 4) !== MAGIC) throw corrupt('not a BM25 index file');
  const version = view.readUInt32LE(4);
  if (version !== BM25_FILE_VERSION) {
    throw new DossierError('INDEX_INCOMPATIBLE', `The stored lexical index has format ${version}; this version reads format ${BM25_FILE_VERSION}.`);
  }
  const headerLength = view.readUInt32LE(8);
  if (PREAMBLE_BYTES + headerLength > view.length || (PREAMBLE_BYTES + headerLength) % 4 !== 0) throw corrupt('truncated');
  if (crc32(view.subarray(PREAMBLE_BYTES)) !== view.readUInt32LE(12)) throw corrupt('checksum mismatch');
  const { fields, documents, terms } = readHeader(bytes, headerLength);
  const fieldCount = fields.length;
  let at = PREAMBLE_BYTES + headerLength;
  const integerCount = documents.length * fieldCount + terms.length * fieldCount + terms.length + 1;
  if (at + integerCount * 4 > view.length) throw corrupt('truncated');
  const lengths = uint32s(bytes, at, documents.length * fieldCount);
  at += lengths.byteLength;
  const counts = uint32s(bytes, at, terms.length * fieldCount);
  at += counts.byteLength;
  const offsets = uint32s(bytes, at, terms.length + 1);
  at += offsets.byteLength;
  const blob = bytes.subarray(at);
  if (offsets[0] !== 0 || offsets[terms.length] !== blob.length) throw corrupt('truncated');
  for (let t = 0; t < terms.length; t++) if ((offsets[t] as number) > (offsets[t + 1] as number)) throw corrupt('postings out of order');
  return { fields, documents, lengths, terms, counts, decodeTerm: (term) => decodeTerm(blob, offsets, counts, fieldCount, documents.length, term) };
}

/** One term's postings from the blob, checked against its offsets, its counts and the number of documents. */
function decodeTerm(blob: Uint8Array, offsets: Uint32Array, counts: Uint32Array, fieldCount: number, documentCount: number, term: number): TermPostings {
  let at = offsets[term] as number;
  const end = offsets[term + 1] as number;
  const varint = (): number => {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (at >= end) throw corrupt(`postings of term ${term} overrun`);
      const byte = blob[at++] as number;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
    throw corrupt(`postings of term ${term} malformed`);
  };
  const out: Array<FieldPostings | undefined> = [];
  for (let f = 0; f < fieldCount; f++) {
    const n = counts[term * fieldCount + f] as number;
    if (n === 0) continue;
    const ids = new Uint32Array(n);
    const freqs = new Uint32Array(n);
    let id = -1;
    for (let i = 0; i < n; i++) {
      const next: number = (i === 0 ? 0 : id) + varint();
      if (next <= id || next >= documentCount) throw corrupt(`postings of term ${term} out of range`);
      ids[i] = id = next;
    }
    for (let i = 0; i < n; i++) if ((freqs[i] = varint()) === 0) throw corrupt(`postings of term ${term} malformed`);
    out[f] = { ids, freqs };
  }
  if (at !== end) throw corrupt(`postings of term ${term} malformed`);
  return out;
}
