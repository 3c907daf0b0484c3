import { mkdir, mkdtemp, open, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { WORD_VECTOR_CACHE_FILE, packageWordVectorJson, parseWordVectorCache } from '../../src/embeddings/WordVectorCache.js';
import { WordVectorEmbeddings } from '../../src/embeddings/WordVectorEmbeddings.js';

const cacheDir = loadConfig({}, process.cwd()).paths.cache;
const cosine = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
};
const norm = (a: ArrayLike<number>) => Math.sqrt(cosine(a, a));

describe('WordVectorEmbeddings', () => {
  let model: WordVectorEmbeddings;
  beforeAll(async () => {
    model = await WordVectorEmbeddings.load({ cacheDir });
  });

  it('produces 100-dimensional unit vectors and says which model it is', async () => {
    expect(model.dimension).toBe(100);
    expect(model.id).toBe('local:wink-sg-100d:sif:v2');
    const [a, b] = await model.embedDocuments(['The foreign minister met the diplomat.', 'Peace talks in Washington']);
    expect(a).toHaveLength(100);
    expect(norm(a ?? [])).toBeCloseTo(1, 5);
    expect(norm(b ?? [])).toBeCloseTo(1, 5);
  });

  it('is deterministic across calls and between sync and async APIs', async () => {
    const text = 'Azerbaijan and Armenia initialled a peace agreement at the White House.';
    const q = await model.embedQuery(text);
    expect(Array.from(model.embedSync(text))).toEqual(q);
    expect(await model.embedQuery(text)).toEqual(q);
  });

  it('ignores case and punctuation the vocabulary does not have', () => {
    expect(Array.from(model.embedSync('PEACE, Treaty!'))).toEqual(Array.from(model.embedSync('peace treaty')));
  });

  it('places related sentences closer than unrelated ones', () => {
    const a = model.embedSync('foreign minister met diplomat');
    const b = model.embedSync('talks between ministers');
    const c = model.embedSync('recipe for chocolate cake');
    expect(cosine(a, b)).toBeGreaterThan(cosine(a, c) + 0.3);
    expect(cosine(a, b)).toBeGreaterThan(cosine(b, c) + 0.3);
  });

  it('down-weights frequent words (SIF): function words barely move the vector', () => {
    const plain = model.embedSync('armenia azerbaijan border corridor');
    const padded = model.embedSync('the armenia and the azerbaijan of the border to the corridor');
    expect(cosine(plain, padded)).toBeGreaterThan(0.95);
  });

  it('splits hyphenated compounds the vocabulary lacks into known parts', () => {
    expect(model.knownWords('nagorno-karabakh')).toBe(1);
    expect(model.knownWords('trump-brokered')).toBe(2);
  });

  it.each([[''], ['   '], ['12345 !!! ???'], ['Zzqxwv Qqzxyv']])('embeds text with no known word (%j) to the fixed OOV unit vector', (text) => {
    expect(model.knownWords(text)).toBe(0);
    const v = model.embedSync(text);
    expect(Array.from(v)).toEqual(Array.from(model.OOV_VECTOR));
    expect(norm(v)).toBeCloseTo(1, 6);
    expect(v.every(Number.isFinite)).toBe(true);
  });

  it('is the npm package\'s vocabulary: as many words and dimensions as its JSON declares', async () => {
    // The header is the file\'s first bytes; the 300 MB conversion itself is tested on a small file in the same format below.
    const handle = await open(packageWordVectorJson());
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(256), 0, 256, 0);
      const header = buffer.toString('utf8', 0, bytesRead);
      expect(Number(/"size":(\d+)/.exec(header)?.[1])).toBe(model.table.size);
      expect(Number(/"dimensions":(\d+)/.exec(header)?.[1])).toBe(model.dimension);
    } finally {
      await handle.close();
    }
  });
});

/** Words of a small vocabulary, in "frequency" order (the row is the rank). */
const WORDS = ['the', ',', '.', 'of', 'secretary', 'state', 'blinken', 'hosted', 'foreign', 'ministers', 'peace', 'treaty'];

/**
 * A file in the npm package's exact format (its header keys, the words array, then each word's
 * 100 values, l2 norm and row in `vectors`, then `unkVector`), with deterministic values.
 */
function packageFormatJson(words: readonly string[]): string {
  const dims = 100;
  const vectors = words.map((word, row) => {
    const v = Array.from({ length: dims }, (_, d) => Math.round(Math.sin((row + 1) * (d + 1)) * 1e5) / 1e5);
    return `${JSON.stringify(word)}:[${[...v, Math.round(norm(v) * 1e8) / 1e8, row].join(',')}]`;
  });
  const unk = [...new Array<number>(dims + 1).fill(0), -1];
  return `{"precision":8,"l2NormIndex":${dims},"wordIndex":${dims + 1},"size":${words.length},"dimensions":${dims},"words":${JSON.stringify(words)},"vectors":{${vectors.join(',')}},"unkVector":[${unk.join(',')}]}`;
}

describe('word-vector cache', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'dossier-wv-'));
    await mkdir(path.join(tmp, 'cache'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('is built once in the cache dir from the package-format JSON, atomically, and reloads to identical vectors', async () => {
    const source = path.join(tmp, 'vectors.json');
    await writeFile(source, packageFormatJson(WORDS));
    const text = 'Secretary of State Blinken hosted the foreign ministers.';
    await writeFile(path.join(tmp, 'cache', 'wink-sg-100d.v0.bin'), 'an outdated cache format');
    const first = await WordVectorEmbeddings.load({ cacheDir: path.join(tmp, 'cache'), source });
    // No temp files left behind, and the outdated cache is gone.
    expect(await readdir(path.join(tmp, 'cache'))).toEqual([WORD_VECTOR_CACHE_FILE]);
    expect(first.table.size).toBe(WORDS.length);
    expect(first.knownWords(text)).toBe(8);
    const before = (await stat(path.join(tmp, 'cache', WORD_VECTOR_CACHE_FILE))).mtimeMs;
    // The source is gone: the second load can only read the cache.
    await rm(source);
    const second = await WordVectorEmbeddings.load({ cacheDir: path.join(tmp, 'cache'), source });
    expect((await stat(path.join(tmp, 'cache', WORD_VECTOR_CACHE_FILE))).mtimeMs).toBe(before);
    expect(Array.from(second.embedSync(text))).toEqual(Array.from(first.embedSync(text)));
    expect(second.knownWords(text)).toBe(first.knownWords(text));
  });

  it('rejects a truncated cache file instead of misreading it', () => {
    expect(parseWordVectorCache(Buffer.from('DSWV\u0002\u0000\u0000\u0000garbage'))).toBeNull();
    expect(parseWordVectorCache(Buffer.alloc(0))).toBeNull();
  });
});
