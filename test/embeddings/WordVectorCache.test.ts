import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertWordVectorJson, parseWordVectorCache } from '../../src/embeddings/WordVectorCache.js';

/** A tiny file in the package's format: header, words, then `vectors` entries of [dims…, l2 norm, row]. */
function packageJson(entries: Array<[string, number[]]>, dims = 3, size = entries.length): string {
  const words = entries.map(([w]) => w);
  const vectors = entries.map(([w, v], row) => `${JSON.stringify(w)}:[${[...v, 1, row].join(',')}]`).join(',');
  return `{"precision":8,"size":${size},"dimensions":${dims},"words":${JSON.stringify(words)},"vectors":{${vectors}},"unkVector":[0,0,0,-1]}`;
}

const ENTRIES: Array<[string, number[]]> = [
  ['the', [0.5, -0.25, 1]],
  ['"', [1, 0, 0]],
  [']}', [0, 1, 0]],
  ['café', [0, 0, -2]],
  ['],"', [0.1, 0.2, 0.3]],
];

describe('convertWordVectorJson', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-wvjson-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const file = async (name: string, text: string) => {
    const p = path.join(dir, name);
    await writeFile(p, text);
    return p;
  };

  it.each([1, 7, 64, 1 << 20])('reads every word at its row, whatever the chunk size (%i bytes), with progress up to the whole file', async (chunkBytes) => {
    const p = await file(`ok-${chunkBytes}.json`, packageJson(ENTRIES));
    const progress: number[] = [];
    const table = parseWordVectorCache(await convertWordVectorJson(p, { chunkBytes, onProgress: (done) => progress.push(done) }));
    expect(table).not.toBeNull();
    expect(table?.size).toBe(ENTRIES.length);
    ENTRIES.forEach(([word, v], row) => {
      expect(table?.lookup(word)).toBe(row);
      // Quantised to int8 with a per-row scale: within half a step of the original.
      const scale = table?.scales[row] ?? 0;
      v.forEach((x, d) => expect(Math.abs((table?.matrix[row * 3 + d] ?? 0) * scale - x)).toBeLessThanOrEqual(scale / 2 + 1e-9));
    });
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(Buffer.byteLength(packageJson(ENTRIES)));
  });

  it.each<[string, string, RegExp]>([
    ['cut short', packageJson(ENTRIES).slice(0, -40), /cut short/],
    ['no vectors', '{"size":1,"dimensions":3,"words":["a"]}', /no "vectors" object/],
    ['a missing row', packageJson(ENTRIES, 3, ENTRIES.length + 1), /1 of 6 words have no vector/],
    ['a short vector', packageJson([['a', [1, 2]]]), /vector for "a" is malformed/],
    ['no header', packageJson(ENTRIES).replace('"size"', '"sighs"'), /no "size" or "dimensions"/],
  ])('refuses a file with %s, as EMBEDDINGS_FAILED', async (name, text, message) => {
    const p = await file(`${name.replace(/\W/g, '-')}.json`, text);
    await expect(convertWordVectorJson(p, { chunkBytes: 16 })).rejects.toMatchObject({ code: 'EMBEDDINGS_FAILED', message });
  });
});
