import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareCorpus } from '../../src/ingest/prepareCorpus.js';
import { readCorpus } from '../../src/ingest/readCorpus.js';
import { splitPassages } from '../../src/ingest/splitPassages.js';
import { ROOT, SEED_FILES } from './seedFixtures.js';

const chunking = { maxChars: 800, overlapSentences: 1 };
let dir: string;

/**
 * 30 article files (the seeds under several names, each with its sidecar where it has one) plus
 * files that must be skipped or warned about, so both the worker path and the warnings are exercised.
 */
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-prepare-'));
  for (let copy = 0; copy < 6; copy++) {
    for (const seed of SEED_FILES) {
      const name = `c${copy}-${path.basename(seed)}`;
      await copyFile(path.join(ROOT, seed), path.join(dir, name));
      await copyFile(path.join(ROOT, `${seed}.meta.json`), path.join(dir, `${name}.meta.json`)).catch(() => undefined);
    }
  }
  await writeFile(path.join(dir, 'empty.txt'), '');
  await writeFile(path.join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0, 1, 2]));
  await writeFile(path.join(dir, 'bad-sidecar.txt'), 'Talks resume\n\nThe envoys met in Tbilisi on March 3, 2025 to discuss transit routes across the region.\n');
  await writeFile(path.join(dir, 'bad-sidecar.txt.meta.json'), '{ not json');
  await writeFile(path.join(dir, 'orphan.txt.meta.json'), '{}');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('prepareCorpus', () => {
  // One call per path checks both its output and its progress: each worker-thread run loads the
  // ingest code afresh in the worker (through tsx, in tests), which is most of this file's time.
  it.each([
    ['on this thread only', 0],
    ['shared with a worker thread', 1],
  ])('gives exactly readCorpus + splitPassages, with the same warnings in the same order, and progress from 0 to every file, never backwards, %s', async (_name, workers) => {
    const expectedWarnings: string[] = [];
    const { articles, skipped } = await readCorpus(dir, { root: ROOT, maxFileBytes: 1_000_000, onWarning: (m) => expectedWarnings.push(m) });
    const warnings: string[] = [];
    const seen: Array<[number, number]> = [];
    const result = await prepareCorpus(dir, {
      root: ROOT,
      maxFileBytes: 1_000_000,
      chunking,
      workers,
      onWarning: (m) => warnings.push(m),
      onProgress: (done, total) => seen.push([done, total]),
    });
    expect(result.prepared.map((p) => p.article)).toEqual(articles);
    expect(result.prepared.map((p) => p.passages)).toEqual(articles.map((a) => splitPassages(a, chunking)));
    expect(result.skipped).toEqual(skipped);
    expect(skipped.map((s) => path.basename(s.source)).sort()).toEqual(['binary.txt', 'empty.txt']);
    expect(warnings).toEqual(expectedWarnings);
    expect(warnings.join('\n')).toMatch(/bad-sidecar\.txt\.meta\.json: sidecar ignored[\s\S]*orphan\.txt\.meta\.json: sidecar ignored/);
    if (workers === 0) expect(result.byWorkers).toBe(0);
    else expect(result.byWorkers).toBeGreaterThan(0);

    const total = result.prepared.length + result.skipped.length;
    expect(seen[0]).toEqual([0, total]);
    expect(seen.at(-1)).toEqual([total, total]);
    expect(seen.every(([d, t], i) => t === total && d >= (seen[i - 1]?.[0] ?? 0))).toBe(true);
  });

  it('reads only the requested files', async () => {
    const only = new Set([`${path.relative(ROOT, dir)}/c2-${path.basename(SEED_FILES[1])}`]);
    const result = await prepareCorpus(dir, { root: ROOT, maxFileBytes: 1_000_000, chunking, only });
    expect(result.prepared.map((p) => p.article.source)).toEqual([...only]);
    expect(result.byWorkers).toBe(0);
  });
});
