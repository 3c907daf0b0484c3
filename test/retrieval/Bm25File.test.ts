import { describe, expect, it } from 'vitest';
import { readBm25File, writeBm25File, type Bm25FileContents } from '../../src/retrieval/Bm25File.js';

const CONTENTS: Bm25FileContents = {
  fields: ['title', 'text'],
  documents: ['a#0', 'a#1', 'b#0'],
  lengths: [2, 7, 0, 5, 3, 300],
  terms: ['ferri', 'harbour', 'pelican'],
  postings: (t) =>
    [
      [undefined, { ids: [2], freqs: [1] }],
      [{ ids: [0, 2], freqs: [1, 1] }, { ids: [0, 1, 2], freqs: [2, 1, 200] }],
      [undefined, { ids: [1], freqs: [3] }],
    ][t] ?? [],
};

const code = (code: string) => expect.objectContaining({ code }) as Error;

describe('Bm25File', () => {
  it('reads back what it wrote, decoding postings per term', () => {
    const file = readBm25File(writeBm25File(CONTENTS));
    expect(file.fields).toEqual(CONTENTS.fields);
    expect(file.documents).toEqual(CONTENTS.documents);
    expect([...file.lengths]).toEqual(CONTENTS.lengths);
    expect(file.terms).toEqual(CONTENTS.terms);
    expect([...file.counts]).toEqual([0, 1, 2, 3, 0, 1]);
    const harbour = file.decodeTerm(1);
    expect(Array.from(harbour[0]?.ids ?? [])).toEqual([0, 2]);
    expect(Array.from(harbour[1]?.freqs ?? [])).toEqual([2, 1, 200]);
    expect(file.decodeTerm(2)[0]).toBeUndefined();
  });

  it('reads a file that does not start on a 4-byte boundary', () => {
    const bytes = writeBm25File(CONTENTS);
    const shifted = new Uint8Array(bytes.length + 1).subarray(1);
    shifted.set(bytes);
    expect(Array.from(readBm25File(shifted).decodeTerm(1)[1]?.ids ?? [])).toEqual([0, 1, 2]);
  });

  it.each([
    ['one byte changed', (b: Buffer) => (b[b.length - 2] = (b[b.length - 2] ?? 0) ^ 1)],
    ['truncated', (b: Buffer) => b.subarray(0, b.length - 3)],
    ['cut inside its header', (b: Buffer) => b.subarray(0, 20)],
    ['not a BM25 file', (b: Buffer) => b.write('JSON', 0, 'latin1')],
    ['empty', () => Buffer.alloc(0)],
  ])('refuses a file %s as damaged', (_why, damage) => {
    const bytes = Buffer.from(writeBm25File(CONTENTS));
    const out = damage(bytes);
    expect(() => readBm25File(Buffer.isBuffer(out) ? out : bytes)).toThrowError(code('INDEX_CORRUPT'));
  });

  it('refuses another format version as incompatible', () => {
    const bytes = Buffer.from(writeBm25File(CONTENTS));
    bytes.writeUInt32LE(2, 4);
    expect(() => readBm25File(bytes)).toThrowError(code('INDEX_INCOMPATIBLE'));
  });

  it('refuses postings that do not fit the documents when the term is decoded', () => {
    // Checksummed correctly but inconsistent: ids out of order, or past the last document.
    const bad = writeBm25File({ ...CONTENTS, postings: (t) => (t === 0 ? [undefined, { ids: [2, 1], freqs: [1, 1] }] : t === 2 ? [undefined, { ids: [7], freqs: [1] }] : CONTENTS.postings(t)) });
    const file = readBm25File(bad);
    expect(() => file.decodeTerm(0)).toThrowError(code('INDEX_CORRUPT'));
    expect(() => file.decodeTerm(2)).toThrowError(code('INDEX_CORRUPT'));
    expect(file.decodeTerm(1)[1]?.ids.length).toBe(3);
  });
});
