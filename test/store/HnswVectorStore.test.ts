import { mkdtemp, rm } from 'node:fs/promises';
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
