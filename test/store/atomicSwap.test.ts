import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { EmbeddingModel } from '../../src/embeddings/EmbeddingModel.js';
import { WordVectorEmbeddings } from '../../src/embeddings/WordVectorEmbeddings.js';
import { buildIndex } from '../../src/store/buildIndex.js';
import { LOCK_FILE, LOCK_STALE_MS } from '../../src/store/IndexLock.js';
import { openIndex } from '../../src/store/openIndex.js';
import { syntheticFile } from '../support/syntheticPassages.js';

const cacheDir = loadConfig({}, process.cwd()).paths.cache;
const chunking = { maxChars: 1000, overlapSentences: 1, cleanerVersion: 'test-1' };
const OLD = syntheticFile('seeds/peace.txt', [
  'The foreign ministers of Armenia and Azerbaijan initialled a peace agreement at the White House.',
  'The agreement reopens transport links in the South Caucasus.',
]);
const NEW = syntheticFile(
  'seeds/weather.txt',
  Array.from({ length: 40 }, (_, i) => `Storm report ${i}: heavy rain flooded the valley and closed the mountain roads.`),
);

/** Runs the slow child build and SIGKILLs it once it has reported embedding progress. */
function killMidBuild(dir: string, corpusFile: string): Promise<{ pid: number; output: string; signal: NodeJS.Signals | null }> {
  const script = path.resolve('test/fixtures/store/slowBuild.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, dir, corpusFile, cacheDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`child never reported progress:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/embedding [1-9]\d*\/40/.test(output)) child.kill('SIGKILL');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ pid: child.pid ?? -1, output, signal });
    });
  });
}

describe('atomic generation swap', () => {
  let dir: string;
  let model: EmbeddingModel;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dossier-swap-'));
    const embeddings = await WordVectorEmbeddings.load({ cacheDir });
    model = { id: embeddings.id, dimension: embeddings.dimension, embeddings };
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps serving the old index when a build is killed mid-way, and the next build cleans up', async () => {
    await buildIndex({ dir, files: [OLD], model, chunking });
    const liveBefore = (await readFile(path.join(dir, 'CURRENT'), 'utf8')).trim();

    const corpusFile = path.join(dir, '..', `${path.basename(dir)}-corpus.json`);
    await writeFile(corpusFile, JSON.stringify([OLD, NEW]));
    try {
      const child = await killMidBuild(dir, corpusFile);
      expect(child.signal).toBe('SIGKILL');
      expect(child.output).not.toContain('finished');

      // The killed build left its half-written generation and its lock behind...
      const entries = await readdir(dir);
      expect(entries.filter((e) => e.startsWith('gen-') && e.endsWith(`-${child.pid}`))).toHaveLength(1);
      expect(entries).toContain(LOCK_FILE);

      // ...but readers still get the old, complete index.
      expect((await readFile(path.join(dir, 'CURRENT'), 'utf8')).trim()).toBe(liveBefore);
      const opened = await openIndex(dir, model);
      expect(opened.kind).toBe('ok');
      if (opened.kind !== 'ok') return;
      expect(opened.index.passages.map((p) => p.source)).toEqual([OLD.source, OLD.source]);
      const hits = await opened.index.store.similaritySearch('peace agreement signed by foreign ministers', 1);
      expect(hits[0]?.metadata.id).toBe('seeds/peace.txt#0');

      // ...which counts as held until it is stale (nothing tells a killed build from a slow one before then)...
      await expect(buildIndex({ dir, files: [OLD, NEW], model, chunking })).rejects.toMatchObject({ code: 'INDEX_BUSY' });
      const past = new Date(Date.now() - LOCK_STALE_MS - 1_000);
      await utimes(path.join(dir, LOCK_FILE), past, past);

      // ...then the next build takes it over, reuses the old vectors and removes the debris.
      const report = await buildIndex({ dir, files: [OLD, NEW], model, chunking });
      expect(report).toMatchObject({ reused: [OLD.source], added: [NEW.source], embedded: 40, passages: 42 });
      const after = await readdir(dir);
      expect(after.filter((e) => e.startsWith('gen-'))).toHaveLength(1);
      expect(after).not.toContain(LOCK_FILE);
      const reopened = await openIndex(dir, model);
      expect(reopened.kind === 'ok' && reopened.index.passages.length).toBe(42);
    } finally {
      await rm(corpusFile, { force: true });
    }
  });
});
