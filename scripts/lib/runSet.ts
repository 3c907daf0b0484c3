import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { App } from '../../src/app.js';
import { toAnswerJson, type AnswerJson } from '../../src/answer/Answer.js';
import { toDossierError } from '../../src/errors.js';
import { toTimelineJson } from '../../src/timeline/formatTimeline.js';
import type { CorpusSet } from './corpusSet.js';
import { headerOf, PAGE_STAMP, statedDates } from './headerDates.js';
import { measurementConfig } from './measurementConfig.js';
import { scoreQuestions, scoreTimeline, type QuestionScores, type TimelineScores } from './scoreSet.js';

/** A corpus set's figures, and what was answered, for reports. */
export interface SetRun {
  set: string;
  questions: QuestionScores | undefined;
  timeline: TimelineScores | undefined;
  answers: AnswerJson[];
  /** Median and 95th percentile of one question's answer time in ms (in-process, index warm). */
  latencyMs: { p50: number; p95: number };
  /** Article metadata as read: how many got a date, and how many of those whose page starts with a date stamp got that date. */
  articles: ArticleFigures;
}

/** What was read of the set's articles. */
export interface ArticleFigures {
  total: number;
  dated: number;
  titled: number;
  withPublisher: number;
  /** Articles whose first lines hold a page stamp (" date 2025-04-22"), and how many were given that date. */
  stamped: number;
  stampedRight: number;
  /**
   * Articles without a stamp whose header writes a full date (a dateline or byline, see
   * `headerDates.ts`), and how many were given one of the dates it writes.
   */
  headerDated: number;
  headerDatedRight: number;
}

/** Counts what the engine read of each article, checking page-stamped ones against their stamp. */
export async function articleFigures(app: App, root: string): Promise<ArticleFigures> {
  const sources = app.engine.sources();
  let stamped = 0;
  let stampedRight = 0;
  let headerDated = 0;
  let headerDatedRight = 0;
  for (const s of sources) {
    const raw = await readFile(path.resolve(root, s.source), 'utf8');
    const stamp = PAGE_STAMP.exec(raw.split('\n').slice(0, 3).join('\n'))?.[1];
    if (stamp) {
      stamped++;
      if (s.date === stamp) stampedRight++;
      continue;
    }
    const stated = statedDates(headerOf(raw));
    if (stated.length === 0) continue;
    headerDated++;
    if (s.date !== null && stated.includes(s.date.slice(0, 10))) headerDatedRight++;
  }
  return {
    total: sources.length,
    dated: sources.filter((s) => s.date !== null).length,
    titled: sources.filter((s) => s.title !== null).length,
    withPublisher: sources.filter((s) => s.publisher !== null).length,
    stamped,
    stampedRight,
    headerDated,
    headerDatedRight,
  };
}

/**
 * Opens the real offline engine over a set's articles, with its index kept under
 * `.cache/eval/<set>` (rebuilt incrementally when the articles or Dossier's rules change), so a
 * run never touches the user's own `embeddings/`.
 */
export async function openSet(root: string, set: CorpusSet, overrides: Record<string, string> = {}): Promise<App> {
  const { createApp } = await import('../../src/app.js');
  const config = measurementConfig(root, {
    SEEDS_DIR: set.corpusDir,
    EMBEDDINGS_DIR: path.join(root, '.cache/eval', set.name),
    DATA_DIR: path.join(root, '.cache/eval', `${set.name}-data`),
    EMBEDDINGS: 'local',
    ANSWERER: 'extractive',
    OPENAI_API_KEY: '',
    OPENAI_BASE_URL: '',
    ...overrides,
  });
  return createApp(config);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Asks every question of the set (one at a time, in order) and builds the timeline, then scores both. */
export async function runSet(app: App, set: CorpusSet, options: { timeline?: boolean } = {}): Promise<SetRun> {
  const answers: AnswerJson[] = [];
  const times: number[] = [];
  for (const q of set.questions) {
    const t0 = performance.now();
    try {
      answers.push(toAnswerJson(await app.engine.ask(q.q)));
    } catch (error) {
      const e = toDossierError(error);
      answers.push({ question: q.q, answer: `ERROR ${e.code}: ${e.message}`, abstained: false, citations: [], mode: 'extractive' });
    }
    times.push(performance.now() - t0);
  }
  const questions = set.questions.length > 0 ? scoreQuestions(set.questions, answers) : undefined;
  let timeline: TimelineScores | undefined;
  if (options.timeline !== false && set.timeline) {
    const events = toTimelineJson(await app.engine.timeline()).events;
    timeline = scoreTimeline(set.timeline, events.map((e) => ({ ...e, sources: e.sources })));
  }
  const articles = await articleFigures(app, app.config.root);
  return { set: set.name, questions, timeline, answers, latencyMs: { p50: percentile(times, 50), p95: percentile(times, 95) }, articles };
}
