import { mkdir, mkdtemp, readFile, readdir, rm, truncate, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { EmbeddingModel } from '../../src/embeddings/EmbeddingModel.js';
import { WordVectorEmbeddings } from '../../src/embeddings/WordVectorEmbeddings.js';
import { isDossierError } from '../../src/errors.js';
import { buildIndex, updateIndex } from '../../src/store/buildIndex.js';
import type { CorpusFile, IndexChange } from '../../src/store/buildIndex.js';
import type { Chunking } from '../../src/store/IndexManifest.js';
import { openIndex } from '../../src/store/openIndex.js';
import { LOCK_FILE, LOCK_STALE_MS } from '../../src/store/IndexLock.js';
import { holdIndexLock } from '../support/lockHolder.js';
import type { LoadedIndex } from '../../src/store/openIndex.js';
import { countingModel } from '../support/countingModel.js';
import { syntheticFile } from '../support/syntheticPassages.js';

const chunking: Chunking = { maxChars: 1000, overlapSentences: 1, cleanerVersion: 'test-1' };
const A = syntheticFile('seeds/a.txt', [
  'The foreign ministers of Armenia and Azerbaijan initialled a peace agreement at the White House.',
  'The president said the treaty would open a transit corridor through southern Armenia.',
]);
const B = syntheticFile('seeds/b.txt', [
  'Whisk the eggs with sugar, fold in melted chocolate and bake the cake for forty minutes.',
  'Let the chocolate cake cool before spreading the frosting.',
  'A pinch of salt brings out the flavour of the cocoa.',
]);
const C = syntheticFile('seeds/c.txt', ['The football team won the championship final after extra time and a penalty shootout.']);
const D = syntheticFile('seeds/d.txt', ['Heavy rain and floods closed mountain roads across the region.', 'Farmers lost crops to the storm.']);
const B2 = syntheticFile('seeds/b.txt', ['Preheat the oven, grease the tin and bake the sponge until golden.']);

let model: EmbeddingModel;
const dirs: string[] = [];
async function tmpDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-index-'));
  dirs.push(dir);
  return dir;
}
async function open(dir: string, m: EmbeddingModel = model): Promise<LoadedIndex> {
  const result = await openIndex(dir, m);
  if (result.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.index;
}
const build = (dir: string, files: CorpusFile[], m: EmbeddingModel = model, extra: Partial<Parameters<typeof buildIndex>[0]> = {}) =>
  buildIndex({ dir, files, model: m, chunking, ...extra });

beforeAll(async () => {
  const embeddings = await WordVectorEmbeddings.load({ cacheDir: loadConfig({}, process.cwd()).paths.cache });
  model = { id: embeddings.id, dimension: embeddings.dimension, embeddings };
});
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('buildIndex: incremental reuse', () => {
  it.each<[string, CorpusFile[], { id?: string; chunking?: Chunking }, { reused: string[]; added: string[]; changed: string[]; removed: string[]; embedded: number; passages: number; full: RegExp | undefined }]>([
    ['unchanged', [A, B, C], {}, { reused: [A.source, B.source, C.source], added: [], changed: [], removed: [], embedded: 0, passages: 6, full: undefined }],
    ['one changed', [A, B2, C], {}, { reused: [A.source, C.source], added: [], changed: [B.source], removed: [], embedded: 1, passages: 4, full: undefined }],
    ['one added', [A, B, C, D], {}, { reused: [A.source, B.source, C.source], added: [D.source], changed: [], removed: [], embedded: 2, passages: 8, full: undefined }],
    ['one removed', [A, B], {}, { reused: [A.source, B.source], added: [], changed: [], removed: [C.source], embedded: 0, passages: 5, full: undefined }],
    ['chunking changed', [A, B, C], { chunking: { ...chunking, maxChars: 500 } }, { reused: [], added: [], changed: [A.source, B.source, C.source], removed: [], embedded: 6, passages: 6, full: /chunking changed/ }],
    ['embedder changed', [A, B, C], { id: 'local:other-model:v9' }, { reused: [], added: [], changed: [A.source, B.source, C.source], removed: [], embedded: 6, passages: 6, full: /embedder changed/ }],
  ])('%s', async (_name, files, change, expected) => {
    const dir = await tmpDir();
    const first = await build(dir, [A, B, C]);
    expect(first).toMatchObject({ added: [A.source, B.source, C.source], embedded: 6, passages: 6 });
    const before = await open(dir);

    const counting = countingModel(model, change.id ? { id: change.id } : {});
    const report = await build(dir, files, counting, { chunking: change.chunking ?? chunking });
    expect(report).toMatchObject({ reused: expected.reused, added: expected.added, changed: expected.changed, removed: expected.removed });
    expect(report.embedded).toBe(expected.embedded);
    expect(counting.embeddings.texts).toBe(expected.embedded);
    expect(report.passages).toBe(expected.passages);
    if (expected.full) expect(report.fullRebuildReason).toMatch(expected.full);
    else expect(report.fullRebuildReason).toBeUndefined();

    const after = await open(dir, counting);
    expect(after.passages.map((p) => p.id).sort()).toEqual(files.flatMap((f) => f.passages.map((p) => p.id)).sort());
    for (const source of expected.reused) {
      const id = `${source}#0`;
      expect(after.store.getVector(id)).toEqual(before.store.getVector(id));
    }
    // Exactly one generation remains.
    expect((await readdir(dir)).filter((e) => e.startsWith('gen-'))).toHaveLength(1);
  });
});

describe('buildIndex + openIndex: search', () => {
  it('finds the passage that answers a query, with cosine similarity scores, and honours filters', async () => {
    const dir = await tmpDir();
    const progress: string[] = [];
    await build(dir, [A, B, C, D], model, { onProgress: (p) => progress.push(p.phase) });
    // Each phase once, in order (repeated reports of one phase collapsed).
    expect(progress.filter((p, i) => p !== progress[i - 1])).toEqual(['reading', 'embedding', 'writing', 'done']);

    const index = await open(dir);
    const hits = await index.store.similaritySearchWithScore('peace treaty between Armenia and Azerbaijan', 3);
    expect(hits[0]?.[0].metadata.id).toBe('seeds/a.txt#0');
    expect(hits[0]?.[0].pageContent).toBe(A.passages[0]?.text);
    const scores = hits.map(([, s]) => s);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(scores[0]).toBeGreaterThan(0.5);
    expect(scores[0]).toBeLessThanOrEqual(1.0001);

    const cake = await index.store.similaritySearch('how long to bake a chocolate cake', 1);
    expect(cake[0]?.metadata.source).toBe('seeds/b.txt');

    const filtered = await index.store.similaritySearchWithScore('chocolate cake', 10, (doc) => doc.metadata.source === 'seeds/d.txt');
    expect(filtered.map(([d]) => d.metadata.source)).toEqual(['seeds/d.txt', 'seeds/d.txt']);
    expect(await index.store.similaritySearch('anything', 5, () => false)).toEqual([]);
  });

  it('stores and serves attachments with the generation', async () => {
    const dir = await tmpDir();
    await build(dir, [A, C], model, { attachments: (ps) => ({ 'lexical.json': JSON.stringify(ps.map((p) => p.id)), 'raw.bin': new Uint8Array([1, 2, 3]) }) });
    const index = await open(dir);
    expect(JSON.parse((await index.attachment('lexical.json'))?.toString() ?? 'null')).toEqual(['seeds/a.txt#0', 'seeds/a.txt#1', 'seeds/c.txt#0']);
    expect([...((await index.attachment('raw.bin')) ?? [])]).toEqual([1, 2, 3]);
    expect(await index.attachment('missing.json')).toBeNull();
    expect(await index.attachment('../manifest.json')).toBeNull();
  });

  it('builds an empty index for an empty corpus, and searching it returns nothing', async () => {
    const dir = await tmpDir();
    const report = await build(dir, []);
    expect(report.passages).toBe(0);
    const index = await open(dir);
    expect(await index.store.similaritySearch('peace', 3)).toEqual([]);
  });

  it('skips a file listed twice instead of failing the build', async () => {
    const dir = await tmpDir();
    const report = await build(dir, [A, A, C]);
    expect(report.passages).toBe(3);
    expect(report.skipped).toEqual([{ source: A.source, reason: expect.stringMatching(/listed twice/) as unknown as string }]);
  });

  it('indexes the same text under two names once, and says which copy it kept', async () => {
    const dir = await tmpDir();
    const copy = syntheticFile('seeds/z-copy.txt', A.passages.map((p) => p.text));
    expect(copy.sha256).toBe(A.sha256);
    const report = await build(dir, [A, C, copy]);
    expect(report.skipped).toEqual([{ source: 'seeds/z-copy.txt', reason: `the same text as ${A.source}, which is indexed` }]);
    expect(report.passages).toBe(A.passages.length + C.passages.length);
  });
});

describe('openIndex: damaged and foreign indexes', () => {
  async function built(): Promise<{ dir: string; gen: string }> {
    const dir = await tmpDir();
    await build(dir, [A, B]);
    const gen = path.join(dir, (await readFile(path.join(dir, 'CURRENT'), 'utf8')).trim());
    return { dir, gen };
  }

  it('reports a directory without an index as missing', async () => {
    expect(await openIndex(await tmpDir(), model)).toEqual({ kind: 'missing' });
    expect(await openIndex(path.join(os.tmpdir(), 'dossier-does-not-exist-xyz'), model)).toEqual({ kind: 'missing' });
  });

  it.each<[string, (dir: string, gen: string) => Promise<void>, RegExp]>([
    ['a truncated hnsw.bin', async (_d, gen) => truncate(path.join(gen, 'hnsw.bin'), 100), /hnsw\.bin is truncated/],
    ['a truncated vectors file', async (_d, gen) => truncate(path.join(gen, 'vectors.f32'), 40), /vectors\.f32 is truncated/],
    ['a same-length change to hnsw.bin', async (_d, gen) => {
      const file = path.join(gen, 'hnsw.bin');
      const bytes = await readFile(file);
      bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff;
      await writeFile(file, bytes);
    }, /hnsw\.bin is truncated or altered/],
    ['garbage manifest JSON', async (_d, gen) => writeFile(path.join(gen, 'manifest.json'), '{"formatVersion": 1, '), /not valid JSON/],
    ['a manifest of a future format', async (_d, gen) => {
      const m = JSON.parse(await readFile(path.join(gen, 'manifest.json'), 'utf8')) as Record<string, unknown>;
      await writeFile(path.join(gen, 'manifest.json'), JSON.stringify({ ...m, formatVersion: 7 }));
    }, /format version 7/],
    ['CURRENT pointing nowhere', async (dir) => writeFile(path.join(dir, 'CURRENT'), 'gen-1-1\n'), /points to gen-1-1/],
    ['CURRENT with garbage', async (dir) => writeFile(path.join(dir, 'CURRENT'), '../../etc'), /does not name a generation/],
    ['garbage passages.json', async (_d, gen) => writeFile(path.join(gen, 'passages.json'), '[{"id": 1}]'), /passages/],
    ['a store.json without its vector count', async (_d, gen) => {
      const info = JSON.parse(await readFile(path.join(gen, 'store.json'), 'utf8')) as Record<string, unknown>;
      await writeFile(path.join(gen, 'store.json'), JSON.stringify({ ...info, count: 'many' }));
    }, /store\.json has an unexpected shape \(count: /],
    ['a same-length edit of a word in passages.json', async (_d, gen) => {
      const file = path.join(gen, 'passages.json');
      const text = await readFile(file, 'utf8');
      const word = /[A-Z][a-z]{4,}/.exec(text)?.[0] ?? '';
      expect(word).not.toBe('');
      await writeFile(file, text.replace(word, `X${word.slice(1)}`));
    }, /passages\.json was altered/],
  ])('reports %s as corrupt, and the next build repairs it', async (_name, damage, reason) => {
    const { dir, gen } = await built();
    await damage(dir, gen);
    const result = await openIndex(dir, model);
    expect(result.kind).toBe('corrupt');
    expect(result.kind === 'corrupt' && result.reason).toMatch(reason);

    const report = await build(dir, [A, B]);
    expect(report.fullRebuildReason).toMatch(/unreadable/);
    expect(report.embedded).toBe(5);
    expect((await open(dir)).passages).toHaveLength(5);
  });

  it('reports an index built by another embedder as incompatible', async () => {
    const { dir } = await built();
    const other = { ...model, id: 'openai:text-embedding-3-small@api.openai.com', dimension: 1536 };
    const result = await openIndex(dir, other);
    expect(result.kind).toBe('incompatible');
    expect(result.kind === 'incompatible' && result.reason).toMatch(/built with local:wink-sg-100d:sif:v2 \(100 dims\); now using openai:text-embedding-3-small/);
  });
});

describe('buildIndex: concurrency and failures', () => {
  it('refuses a second concurrent build with INDEX_BUSY and keeps the first', async () => {
    const dir = await tmpDir();
    let release: () => void = () => undefined;
    let reached: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const atGate = new Promise<void>((resolve) => (reached = resolve));
    const slow = countingModel(model, {
      beforeBatch: () => {
        reached();
        return gate;
      },
    });
    const first = build(dir, [A, B], slow);
    // The first build holds the lock once it is embedding.
    await atGate;
    const second: unknown = await build(dir, [C]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isDossierError(second) && second.code).toBe('INDEX_BUSY');
    release();
    expect((await first).passages).toBe(5);
    // The lock is released afterwards.
    expect((await build(dir, [A, B])).reused).toEqual([A.source, B.source]);
  });

  it('refuses to build while another process holds the lock, and leaves the live index serving', async () => {
    const dir = await tmpDir();
    await build(dir, [A]);
    const holder = await holdIndexLock(dir);
    try {
      await expect(build(dir, [A, B])).rejects.toMatchObject({ code: 'INDEX_BUSY', message: `Another index build is running in ${dir}. Wait for it to finish.` });
    } finally {
      await holder.release();
    }
    expect((await open(dir)).passages.map((p) => p.source)).toEqual([A.source, A.source]);
    expect((await build(dir, [A, B])).reused).toEqual([A.source]);
  });

  it('takes over a stale lock (its holder stopped refreshing it) and removes it afterwards', async () => {
    const dir = await tmpDir();
    await mkdir(path.join(dir, LOCK_FILE));
    const past = new Date(Date.now() - LOCK_STALE_MS - 1_000);
    await utimes(path.join(dir, LOCK_FILE), past, past);
    expect((await build(dir, [C])).passages).toBe(1);
    expect(await readdir(dir)).not.toContain(LOCK_FILE);
  });

  /** Bytes that cannot be read: writing them fails part-way through a generation. */
  const unreadable = () =>
    Object.defineProperty(new Uint8Array(4), 'buffer', {
      get: () => {
        throw new Error('disk gone');
      },
    });
  it.each<[string, () => Partial<Parameters<typeof buildIndex>[0]>, string]>([
    ['embedding fails', () => ({ model: countingModel(model, { beforeBatch: () => Promise.reject(new Error('server exploded')) }) }), 'EMBEDDINGS_FAILED'],
    ['the attachments cannot be made', () => ({ attachments: () => Promise.reject(new Error('out of memory')) }), 'out of memory'],
    ['an attachment fails to write after another was written', () => ({ attachments: () => ({ 'first.json': '{}', 'second.bin': unreadable() }) }), 'disk gone'],
    ['an attachment is named with a path', () => ({ attachments: () => ({ '../escape.json': '{}' }) }), 'INTERNAL'],
  ])('leaves the live index serving and no partial generation when %s', async (_name, failing, failure) => {
    const dir = await tmpDir();
    await build(dir, [A]);
    const current = await readFile(path.join(dir, 'CURRENT'), 'utf8');
    const error: unknown = await buildIndex({ dir, files: [A, B, C], model, chunking, ...failing() }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isDossierError(error) ? error.code : (error as Error).message).toBe(failure);
    expect(await readFile(path.join(dir, 'CURRENT'), 'utf8')).toBe(current);
    expect((await readdir(dir)).filter((e) => e.startsWith('gen-'))).toHaveLength(1);
    expect((await open(dir)).passages.map((p) => p.source)).toEqual([A.source, A.source]);
    // The lock was released: the next build runs.
    expect((await build(dir, [A, B])).reused).toEqual([A.source]);
  });
});

describe('buildIndex: reuse safety', () => {
  it('re-embeds a file whose passages changed although its sha256 did not (e.g. a cleaner fix)', async () => {
    const dir = await tmpDir();
    await build(dir, [A, C]);
    const recut = { ...A, passages: A.passages.map((p) => ({ ...p, text: `${p.text} (recut)` })) };
    const counting = countingModel(model);
    const report = await build(dir, [recut, C], counting);
    expect(report).toMatchObject({ reused: [C.source], changed: [A.source], embedded: 2 });
    expect(counting.embeddings.texts).toBe(2);
  });

  it('picks up new metadata for reused passages without re-embedding them', async () => {
    const dir = await tmpDir();
    await build(dir, [A]);
    const retitled = { ...A, passages: A.passages.map((p) => ({ ...p, meta: { ...p.meta, title: 'Corrected title' } })) };
    const report = await build(dir, [retitled]);
    expect(report).toMatchObject({ reused: [A.source], embedded: 0 });
    expect((await open(dir)).passages.map((p) => p.meta.title)).toEqual(['Corrected title', 'Corrected title']);
  });
});

describe('buildIndex: back-to-back builds', () => {
  it('never writes into the live generation, even for builds in quick succession', async () => {
    const dir = await tmpDir();
    for (let i = 0; i < 5; i++) await build(dir, i % 2 ? [A] : [A, C]);
    const gens = (await readdir(dir)).filter((e) => e.startsWith('gen-'));
    expect(gens).toHaveLength(1);
    expect((await open(dir)).passages).toHaveLength(3);
  });
});

describe('buildIndex: incremental graph updates', () => {
  const many = (source: string, n: number, topic: string) =>
    syntheticFile(source, Array.from({ length: n }, (_, i) => `${topic} report number ${i}: ${['markets', 'harvest', 'elections', 'weather', 'transport'][i % 5]} news.`));

  it('updates the live graph: a changed file is found by its new text, its old text and a removed file never come back', async () => {
    const dir = await tmpDir();
    const files = [A, many('seeds/bulk.txt', 40, 'Regional'), C, D];
    await build(dir, files);
    const before = await open(dir);
    // Passing the loaded live index lets the build skip reading it again; it must not change it.
    const { report, index } = await updateIndex({ dir, files: [A, files[1] as CorpusFile, B2, C], model, chunking, previous: before });
    expect(report).toMatchObject({ reused: [A.source, 'seeds/bulk.txt', C.source], added: [B2.source], removed: [D.source], embedded: 1 });
    expect(report.fullRebuildReason).toBeUndefined();
    // Updated in place: the removed passages are deleted labels, not a fresh graph.
    expect(index.store.labelCount).toBe(before.store.labelCount + 1);
    expect(index.store.size).toBe(44);
    // The serving copy is untouched.
    expect(before.store.size).toBe(45);
    expect((await before.store.similaritySearch('Heavy rain and floods closed mountain roads', 1))[0]?.metadata.source).toBe(D.source);

    for (const loaded of [index, await open(dir)]) {
      // Corpus order, as a fresh build gives, although the new passage has the newest label.
      expect(loaded.passages.map((p) => p.source)).toEqual([A.source, A.source, ...Array<string>(40).fill('seeds/bulk.txt'), B2.source, C.source]);
      const sponge = await loaded.store.similaritySearch('grease the tin and bake the sponge until golden', 1);
      expect(sponge[0]?.pageContent).toBe(B2.passages[0]?.text);
      const all = await loaded.store.similaritySearch('Heavy rain and floods closed mountain roads. Farmers lost crops to the storm.', 100);
      expect(all.map((d) => d.metadata.source)).not.toContain(D.source);
      expect(all).toHaveLength(44);
    }
  });

  it('compacts the graph once deleted labels pass the threshold, keeping vectors and results', async () => {
    const dir = await tmpDir();
    const bulk = many('seeds/bulk.txt', 40, 'Regional');
    await build(dir, [A, bulk, D]);
    const first = await open(dir);
    // 2 of 44 labels deleted: stays an update.
    const small = await updateIndex({ dir, files: [bulk, D], model, chunking, previous: first });
    expect(small.index.store.labelCount).toBe(44);
    // Removing the bulk file (40 more deletions) would leave most labels deleted: a fresh graph.
    const big = await updateIndex({ dir, files: [D, C], model, chunking, previous: small.index });
    expect(big.report).toMatchObject({ reused: [D.source], added: [C.source], removed: ['seeds/bulk.txt'] });
    expect(big.index.store.labelCount).toBe(3);
    expect(big.index.store.deletedShare).toBe(0);
    expect(big.index.store.getVector(`${D.source}#0`)).toEqual(first.store.getVector(`${D.source}#0`));
    const reopened = await open(dir);
    expect(reopened.store.labelCount).toBe(3);
    expect((await reopened.store.similaritySearch('football championship final', 1))[0]?.metadata.source).toBe(C.source);
  });

  it('reads the live generation from disk when the passed index is no longer the live one', async () => {
    const dir = await tmpDir();
    await build(dir, [A, C]);
    const stale = await open(dir);
    await build(dir, [A, C, D]); // another build switched CURRENT since
    const { report, index } = await updateIndex({ dir, files: [A, C, D, B], model, chunking, previous: stale });
    expect(report).toMatchObject({ reused: [A.source, C.source, D.source], added: [B.source], embedded: 3 });
    expect(index.passages).toHaveLength(8);
  });

  it('hands the attachment callback what changed, and the previous generation to update from', async () => {
    const dir = await tmpDir();
    const changes: IndexChange[] = [];
    const attachments = (_ps: unknown, change: IndexChange) => {
      changes.push(change);
      return { 'x.json': '[]' };
    };
    await build(dir, [A, B], model, { attachments });
    await build(dir, [A, B2, D], model, { attachments });
    expect(changes[0]?.previous).toBeNull();
    expect(changes[0]?.added.map((p) => p.id)).toEqual(['seeds/a.txt#0', 'seeds/a.txt#1', 'seeds/b.txt#0', 'seeds/b.txt#1', 'seeds/b.txt#2']);
    expect(changes[1]?.previous?.passages).toHaveLength(5);
    expect(changes[1]?.removed.map((p) => p.id).sort()).toEqual(['seeds/b.txt#0', 'seeds/b.txt#1', 'seeds/b.txt#2']);
    expect(changes[1]?.removed[0]?.text).toBe(B.passages[0]?.text);
    expect(changes[1]?.added.map((p) => p.id)).toEqual(['seeds/b.txt#0', 'seeds/d.txt#0', 'seeds/d.txt#1']);
  });
});
