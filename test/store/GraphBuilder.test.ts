import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { WordVectorEmbeddings } from '../../src/embeddings/WordVectorEmbeddings.js';
import { GraphBuilder } from '../../src/store/GraphBuilder.js';
import { buildGraph, GRAPH_PROGRESS_STEP } from '../../src/store/hnswGraph.js';

const TEXTS = Array.from({ length: 1100 }, (_, i) => `Report ${i} on ${['grain', 'railways', 'tariffs', 'harbours', 'schools', 'floods'][i % 6]} and ${['budgets', 'treaties', 'elections', 'courts'][i % 4]}.`);

describe('GraphBuilder', () => {
  let embeddings: WordVectorEmbeddings;
  let dir: string;
  beforeAll(async () => {
    embeddings = await WordVectorEmbeddings.load({ cacheDir: loadConfig({}, process.cwd()).paths.cache });
    dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-graph-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const flatOf = () => {
    const flat = new Float32Array(TEXTS.length * 100);
    TEXTS.forEach((t, i) => flat.set(embeddings.embedSync(t), i * 100));
    return flat;
  };

  it('builds on a worker thread the same graph this thread would build, reporting the points linked', async () => {
    const builder = GraphBuilder.start();
    try {
      const progress: Array<[number, number]> = [];
      const graph = await builder.build(flatOf(), 100, path.join(dir, 'graph.bin'), (done, total) => progress.push([done, total]));
      expect(graph).not.toBeNull();
      expect(progress).toEqual([
        [GRAPH_PROGRESS_STEP, 1100],
        [2 * GRAPH_PROGRESS_STEP, 1100],
        [1100, 1100],
      ]);
      const local = buildGraph(flatOf(), 100);
      expect(graph?.getCurrentCount()).toBe(1100);
      for (const q of ['grain treaties', 'floods and courts', 'Report 17']) {
        const v = Array.from(embeddings.embedSync(q));
        expect(graph?.searchKnn(v, 10)).toEqual(local.searchKnn(v, 10));
      }
    } finally {
      await builder.close();
    }
  });

  it('gives null (the caller builds the graph itself) when the worker cannot write the graph', async () => {
    const builder = GraphBuilder.start();
    try {
      expect(await builder.build(flatOf(), 100, path.join(dir, 'missing-dir', 'graph.bin'))).toBeNull();
    } finally {
      await builder.close();
    }
  });
});
