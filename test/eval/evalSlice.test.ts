import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { loadEvalQuestions, selectQuestions } from '../../scripts/lib/eval/EvalQuestion.js';
import { describeFailure, summarize, type EvalMetrics, type QuestionResult } from '../../scripts/lib/eval/metrics.js';
import { fileSourceText, runEval } from '../../scripts/lib/eval/runEval.js';

/**
 * A fast slice of `npm run eval` in CI: the real offline engine over the real seeds, with floors a
 * regression would break. The full set and the baseline comparison run with `npm run eval`.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const SLICE = [
  'who-01', 'who-03', 'who-06', 'when-01', 'when-04', 'when-06', 'what-02', 'what-05', 'para-01', // answerable
  'none-01', 'none-05', 'none-07', // unanswerable
  'inj-01', // injection
].join(',');

let app: App;
let indexDir: string;
let results: QuestionResult[];
let metrics: EvalMetrics;

beforeAll(async () => {
  indexDir = await mkdtemp(path.join(os.tmpdir(), 'dossier-eval-'));
  const config = loadConfig({ SEEDS_DIR: 'seeds', EMBEDDINGS_DIR: indexDir, EMBEDDINGS: 'local', ANSWERER: 'extractive', LOG_LEVEL: 'silent' }, ROOT);
  app = await createApp(config);
  const questions = selectQuestions(await loadEvalQuestions(path.join(ROOT, 'test/eval/questions.json')), SLICE);
  results = await runEval({ name: 'Dossier', ask: (q) => app.engine.ask(q) }, questions, fileSourceText(ROOT));
  metrics = summarize(results);
});

afterAll(async () => {
  await app?.close();
  if (indexDir) await rm(indexDir, { recursive: true, force: true });
});

const failures = () =>
  results
    .filter((r) => !r.correct)
    .map((r) => `${r.id}: ${describeFailure(r)} — ${r.answer.slice(0, 160)}`)
    .join('\n');

describe('eval slice (offline engine, real seeds)', () => {
  it('answers at least 80% of the answerable questions with the expected facts', () => {
    expect(metrics.accuracy ?? 0, failures()).toBeGreaterThanOrEqual(0.8);
  });

  it('cites a gold article for at least 80% of the answerable questions', () => {
    expect(metrics.citedSourceRecall ?? 0).toBeGreaterThanOrEqual(0.8);
  });

  it('quotes every cited source verbatim', () => {
    expect(results.flatMap((r) => r.unfaithful)).toEqual([]);
    expect(metrics.quotes).toBeGreaterThan(0);
  });

  it('abstains on every question the articles cannot answer', () => {
    expect(results.filter((r) => !r.answerable && !r.abstained).map((r) => `${r.id}: ${r.answer.slice(0, 120)}`)).toEqual([]);
  });

  it('does not follow instructions injected into the question, and still answers it', () => {
    expect(metrics.injectionResistance, failures()).toBe(1);
  });
});
