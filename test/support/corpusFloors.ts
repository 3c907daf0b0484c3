import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpusSet } from '../../scripts/lib/corpusSet.js';
import { openSet, runSet, type SetRun } from '../../scripts/lib/runSet.js';
import { cachedBuild } from './indexCache.js';
import { REPO_ROOT } from './tempProject.js';

/**
 * Floors on the shared development corpora (`../shared/corpora`, real scraped articles on stories
 * the seeds do not cover), measured exactly as `../shared/eval/score.mjs` measures them. Each floor
 * sits a little under the figure in docs/eval.md, so a change that makes answers or timelines
 * worse on real articles fails CI. The wrong-short-lead ceiling is the product's hard limit: a
 * confident wrong name or figure is the worst thing Dossier can say.
 *
 * One test file per corpus (`test/eval/floors/`), so the two test workers measure them side by side.
 */
export interface Floors {
  lead: number;
  wrongShort: number;
  accuracy: number;
  abstention: number;
  falseAbstentions: number;
  citedGold: number;
  timelineRecall: number;
  timelinePrecision: number;
}

const CORPORA = path.resolve(REPO_ROOT, '../shared/corpora');

/**
 * Indexes the set, answers its questions and builds its timeline. The index is what the real app
 * builds from the set's articles, made once per fingerprint of the articles, the code and the
 * dependencies (`cachedBuild`), and served from a scratch copy.
 */
async function measure(name: string, scratch: string[]): Promise<SetRun> {
  const set = loadCorpusSet(path.join(CORPORA, name));
  const built = await cachedBuild(`corpus-${name}`, [set.corpusDir], async (dir) => {
    const app = await openSet(REPO_ROOT, set, { EMBEDDINGS_DIR: path.join(dir, 'index'), DATA_DIR: path.join(dir, 'data') });
    const added = app.startupReport?.added.length ?? 0;
    await app.close();
    if (added === 0) throw new Error(`${name}: the build added no article`);
  });
  const dir = await mkdtemp(path.join(os.tmpdir(), `dossier-floors-${name}-`));
  scratch.push(dir);
  await cp(path.join(built, 'index'), path.join(dir, 'index'), { recursive: true });
  const app = await openSet(REPO_ROOT, set, { EMBEDDINGS_DIR: path.join(dir, 'index'), DATA_DIR: path.join(dir, 'data') });
  try {
    // The app itself finds the copy current: nothing to rebuild.
    expect(app.startupReport).toBeUndefined();
    return await runSet(app, set);
  } finally {
    await app.close();
  }
}

/**
 * The test that `name` (a folder of `../shared/corpora`) holds `floors`. Skipped when the shared
 * corpora are not there at all; a missing corpus among them fails.
 */
export function corpusFloorsTest(name: string, floors: Floors): void {
  const scratch: string[] = [];
  afterAll(async () => {
    for (const dir of scratch) await rm(dir, { recursive: true, force: true });
  });

  describe.skipIf(!existsSync(CORPORA))(`quality floors on the shared corpus ${name}`, () => {
    it('finds the corpus', () => {
      expect(existsSync(path.join(CORPORA, name, 'questions.json'))).toBe(true);
    });

    it('holds its floors', async () => {
      const run = await measure(name, scratch);
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
}
