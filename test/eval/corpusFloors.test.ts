import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpusSet } from '../../scripts/lib/corpusSet.js';
import { openSet, runSet, type SetRun } from '../../scripts/lib/runSet.js';
import { cachedBuild } from '../support/indexCache.js';

/**
 * Floors on the shared development corpora (`../shared/corpora`, real scraped articles on stories
 * the seeds do not cover), measured exactly as `../shared/eval/score.mjs` measures them. Each floor
 * sits a little under the figure in docs/eval.md, so a change that makes answers or timelines
 * worse on real articles fails CI. The wrong-short-lead ceiling is the product's hard limit: a
 * confident wrong name or figure is the worst thing Dossier can say.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPORA = path.resolve(ROOT, '../shared/corpora');

interface Floors {
  lead: number;
  wrongShort: number;
  accuracy: number;
  abstention: number;
  falseAbstentions: number;
  citedGold: number;
  timelineRecall: number;
  timelinePrecision: number;
}

const FLOORS: Record<string, Floors> = {
  'crowdstrike-outage-2024': { lead: 0.58, wrongShort: 3, accuracy: 0.68, abstention: 0.5, falseAbstentions: 5, citedGold: 0.85, timelineRecall: 0.85, timelinePrecision: 0.7 },
  'germany-election-2025': { lead: 0.38, wrongShort: 3, accuracy: 0.56, abstention: 0.41, falseAbstentions: 4, citedGold: 0.83, timelineRecall: 0.85, timelinePrecision: 0.78 },
  'india-pakistan-2025': { lead: 0.58, wrongShort: 3, accuracy: 0.78, abstention: 0.5, falseAbstentions: 4, citedGold: 0.85, timelineRecall: 0.9, timelinePrecision: 0.82 },
};

const present = Object.keys(FLOORS).filter((name) => existsSync(path.join(CORPORA, name, 'questions.json')));
const scratch: string[] = [];

afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

/**
 * Indexes the set, answers its questions and builds its timeline. The index is what the real app
 * builds from the set's articles, made once per fingerprint of the articles, the code and the
 * dependencies (`cachedBuild`), and served from a scratch copy.
 */
async function measure(name: string): Promise<SetRun> {
  const set = loadCorpusSet(path.join(CORPORA, name));
  const built = await cachedBuild(`corpus-${name}`, [set.corpusDir], async (dir) => {
    const app = await openSet(ROOT, set, { EMBEDDINGS_DIR: path.join(dir, 'index'), DATA_DIR: path.join(dir, 'data') });
    const added = app.startupReport?.added.length ?? 0;
    await app.close();
    if (added === 0) throw new Error(`${name}: the build added no article`);
  });
  const dir = await mkdtemp(path.join(os.tmpdir(), `dossier-floors-${name}-`));
  scratch.push(dir);
  await cp(path.join(built, 'index'), path.join(dir, 'index'), { recursive: true });
  const app = await openSet(ROOT, set, { EMBEDDINGS_DIR: path.join(dir, 'index'), DATA_DIR: path.join(dir, 'data') });
  try {
    // The app itself finds the copy current: nothing to rebuild.
    expect(app.startupReport).toBeUndefined();
    return await runSet(app, set);
  } finally {
    await app.close();
  }
}

describe.skipIf(present.length === 0)('quality floors on the shared development corpora', () => {
  it('finds every shared corpus the floors name', () => {
    expect(present).toEqual(Object.keys(FLOORS));
  });

  it.each(present)('%s holds its floors', async (name) => {
    const floors = FLOORS[name];
    if (!floors) throw new Error(`no floors for ${name}`);
    const run = await measure(name);
    const q = run.questions;
    const t = run.timeline;
    if (!q || !t) throw new Error(`${name}: no questions or no timeline gold`);
    const figures = { lead: q.lead_accuracy, wrongShort: q.wrong_short_leads, accuracy: q.answer_accuracy, abstention: q.abstention, falseAbstentions: q.false_abstentions, citedGold: q.cited_gold_source, timelineRecall: t.timeline_recall, timelinePrecision: t.timeline_precision_lenient ?? t.timeline_precision };
    const report = JSON.stringify(figures);
    expect(figures.lead, report).toBeGreaterThanOrEqual(floors.lead);
    expect(figures.wrongShort, report).toBeLessThanOrEqual(floors.wrongShort);
    expect(figures.accuracy, report).toBeGreaterThanOrEqual(floors.accuracy);
    expect(figures.abstention, report).toBeGreaterThanOrEqual(floors.abstention);
    expect(figures.falseAbstentions, report).toBeLessThanOrEqual(floors.falseAbstentions);
    expect(figures.citedGold, report).toBeGreaterThanOrEqual(floors.citedGold);
    expect(figures.timelineRecall, report).toBeGreaterThanOrEqual(floors.timelineRecall);
    expect(figures.timelinePrecision, report).toBeGreaterThanOrEqual(floors.timelinePrecision);
  }, 180_000);
});
