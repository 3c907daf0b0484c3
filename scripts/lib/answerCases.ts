import { decidePart, type AnswerDecision } from '../../src/answer/ExtractiveAnswerer.js';
import { createExtractiveAnswerer } from '../../src/answer/createExtractiveAnswerer.js';
import { assembleAnswer } from '../../src/answer/assembleAnswer.js';
import { ANSWER_PARAMS, type AnswerParams } from '../../src/answer/AnswerParams.js';
import { toAnswerJson } from '../../src/answer/Answer.js';
import { rescore } from '../../src/answer/scoring/assessEvidence.js';
import type { AnswerModel } from '../../src/answer/scoring/AnswerModel.js';
import { SENTENCE_FEATURES } from '../../src/answer/scoring/sentenceFeatures.js';
import { GLOBAL_CANDIDATE_FEATURES, LOCAL_CANDIDATE_FEATURES } from '../../src/answer/scoring/candidateFeatures.js';
import { loadWordVectorTable } from '../../src/embeddings/WordVectorCache.js';
import { displayDate } from '../../src/answer/displayDate.js';
import { retrieveParts } from '../../src/retrieval/retrieveParts.js';
import { loadCorpusSet, type GoldQuestion } from './corpusSet.js';
import { openSet } from './runSet.js';
import { scoreQuestions, seedId, type QuestionScores } from './scoreSet.js';
import { fitLogistic, type Example } from './logistic.js';

/**
 * Development questions answered up to the decision, with their gold: what `npm run fit` fits the
 * answer model on, and what the diagnostics read.
 */

export const SENTENCE_NAMES = SENTENCE_FEATURES.map((f) => f.name);
export const CANDIDATE_NAMES = [...LOCAL_CANDIDATE_FEATURES.map((f) => f.name), ...GLOBAL_CANDIDATE_FEATURES.map((f) => f.name)];

/** One development question, answered up to the decision. */
export interface Case {
  corpus: string;
  gold: GoldQuestion;
  decision: AnswerDecision;
}

const rx = (s: string) => new RegExp(s, 'i');

/**
 * The gold patterns of each part: with as many `all` patterns as parts, pattern i belongs to part
 * i (gold files list them in the question's order); otherwise every part takes any of them.
 */
export function partPatterns(gold: GoldQuestion, parts: number): RegExp[][] {
  const all = (gold.all ?? []).map(rx);
  const any = (gold.any ?? []).map(rx);
  if (parts > 1 && all.length === parts) return all.map((r) => [r]);
  const whole = [...all, ...any];
  return Array.from({ length: parts }, () => whole);
}

/** Labelled sentence and candidate examples of the cases, under the decision's current scores. */
export function examples(cases: readonly Case[], top = Infinity): { sentences: Example[]; candidates: Example[] } {
  const sentences: Example[] = [];
  const candidates: Example[] = [];
  for (const c of cases) {
    const patterns = partPatterns(c.gold, c.decision.parts.length);
    c.decision.parts.forEach((p, i) => {
      const own = patterns[i] ?? [];
      // Ranked under the current model: the top sentences are the hard cases (near misses).
      for (const s of p.ranked.filter((x) => !x.rejectedBy).slice(0, top)) {
        const goldSource = c.gold.kind !== 'abstain' && c.gold.sources.includes(seedId(s.sentence.passage.source));
        // What the sentence tells a reader: its text, and its dates as the answer would give them
        // ("on Tuesday" in an article of 23 July is 23 July).
        const said = `${s.sentence.text} ${p.part.type === 'date' ? s.candidates.map((x) => displayDate(x.candidate.text, s.article.date)).join(' ') : ''}`;
        // The share of the part's facts the sentence states: 1 for all, a half for one of two.
        const y = goldSource && own.length > 0 ? own.filter((r) => r.test(said)).length / own.length : 0;
        sentences.push({ x: s.features, y });
        for (const cand of s.candidates) {
          const shown = p.part.type === 'date' ? displayDate(cand.candidate.text, s.article.date) : cand.candidate.text;
          const right = y > 0 && own.some((r) => r.test(shown));
          candidates.push({ x: cand.features, y: right ? 1 : 0 });
        }
      }
    });
  }
  return { sentences, candidates };
}

/** Fits both models on the cases (the candidate model sees sentence scores from the fitted sentence model). */
/**
 * How many of each part's best sentences the second sentence fit sees. What decides an answer is
 * how the best-looking sentences compare, near misses included, not the easy negatives far down:
 * 5 ranked the held-out corpora's answers best and abstained as well as fitting on all (see docs/answering.md).
 */
export const HARD_NEGATIVES = 5;

export function fit(cases: readonly Case[], base: AnswerModel, note: string, hard = HARD_NEGATIVES): AnswerModel {
  const first = fitLogistic(examples(cases).sentences, SENTENCE_NAMES);
  let withSentences: AnswerModel = { ...base, sentence: first };
  if (hard > 0) {
    for (const c of cases) for (const p of c.decision.parts) rescore(p.ranked, withSentences);
    withSentences = { ...withSentences, sentence: fitLogistic(examples(cases, hard).sentences, SENTENCE_NAMES) };
  }
  for (const c of cases) for (const p of c.decision.parts) rescore(p.ranked, withSentences);
  const candidate = fitLogistic(examples(cases).candidates, CANDIDATE_NAMES);
  return { ...withSentences, candidate, fitted: { ...base.fitted, note } };
}

/** The answers the cases get under a model and thresholds, scored like the shared scorer. */
export function evaluate(cases: readonly Case[], model: AnswerModel, thresholds: { answer: number; short: number }): QuestionScores {
  const params: AnswerParams = { ...ANSWER_PARAMS, answerThreshold: thresholds.answer, shortThreshold: thresholds.short };
  const answers = cases.map((c) => {
    const parts = c.decision.parts.map((p) => decidePart(p.part, rescore(p.ranked, model), params));
    return toAnswerJson(assembleAnswer(c.gold.q, { ...c.decision, parts, params }));
  });
  return scoreQuestions(cases.map((c) => c.gold), answers);
}

/** Collects every development question's decision, corpus by corpus. */
export async function collect(root: string, dirs: string[]): Promise<Case[]> {
  const cases: Case[] = [];
  for (const dir of dirs) {
    const set = loadCorpusSet(dir);
    const app = await openSet(root, set);
    const { table } = await loadWordVectorTable(app.config.paths.cache);
    const answerer = createExtractiveAnswerer(table);
    try {
      for (const gold of set.questions) {
        const analysis = await answerer.analyze(gold.q);
        const search = (q: string, k: number) => app.engine.retrieve(q, { k });
        const parts = analysis.parts.map((p) => p.query ?? p.text);
        const options = { analysis, article: (s: string) => app.engine.articleContext(s) };
        let retrieved = await retrieveParts(search, analysis.focus, parts, app.config.retrieval.topK);
        // As the engine does: a part about another part's answer is searched again with it.
        const more = await answerer.followUpQueries(gold.q, retrieved, options);
        if (more.length > 0) retrieved = await retrieveParts(search, analysis.focus, [...parts, ...more], app.config.retrieval.topK);
        const decision = await answerer.decide(gold.q, retrieved, options);
        cases.push({ corpus: set.name, gold, decision });
      }
    } finally {
      await app.close();
    }
    process.stderr.write(`  ${set.name}: ${set.questions.length} questions\n`);
  }
  return cases;
}

