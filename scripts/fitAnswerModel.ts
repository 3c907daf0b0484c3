/**
 * `npm run fit` — fits the offline answerer's model (scoring/fittedModel.ts) on development corpora.
 *
 * Every development question is answered up to the decision, keeping each sentence's and each
 * candidate's named features. Labels come from the gold regexes: a sentence of a gold article that
 * matches the part's pattern states the answer; a candidate that matches it is the answer; a
 * question the corpus does not answer has no positive. Two logistic models are fitted (sentences,
 * then candidates). The decision thresholds are chosen on leave-one-corpus-out predictions, with
 * the real answer assembly and the shared scorer's figures, never on the corpus being predicted.
 *
 *   npm run fit                       # fit on ../shared/corpora/* and eval/corpora/*, write the model
 *   npm run fit -- --dry-run          # print the leave-one-corpus-out figures only
 *   npm run fit -- --set DIR ...      # other corpora
 */
import 'dotenv/config';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { AnswerModel } from '../src/answer/scoring/AnswerModel.js';
import { defaultSets } from './lib/corpusSet.js';
import { collect, evaluate, fit } from './lib/answerCases.js';
import { projectRoot } from './lib/projectRoot.js';
import type { QuestionScores } from './lib/scoreSet.js';
import { textTable } from './lib/report.js';

const ROOT = projectRoot(import.meta.url);
const ANSWER_GRID = [0.03, 0.05, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5];
const SHORT_GRID = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.01];

/**
 * The limits a threshold pair must keep on held-out corpora, per corpus on average: a wrong short
 * answer reads as a checked fact, and a false "not in the articles" hides one. Among the pairs
 * that keep them, the one with the best lead accuracy + answer accuracy + abstention wins.
 */
const LIMITS = { wrongShortLeads: 2, falseAbstentions: 3 };

/** The mean figures of a threshold pair over the held-out corpora. */
interface GridPoint {
  answer: number;
  short: number;
  quality: number;
  wrongShort: number;
  falseAbst: number;
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
}

function choose(points: GridPoint[]): GridPoint {
  const within = points.filter((p) => p.wrongShort <= LIMITS.wrongShortLeads && p.falseAbst <= LIMITS.falseAbstentions);
  const pool = within.length > 0 ? within : points;
  // Without a pair within the limits, the one that breaks them least (each unit over costs 0.1 of quality).
  const value = (p: GridPoint) => p.quality - (within.length > 0 ? 0 : 0.1 * (Math.max(0, p.wrongShort - LIMITS.wrongShortLeads) + Math.max(0, p.falseAbst - LIMITS.falseAbstentions)));
  return pool.reduce((a, b) => (value(b) > value(a) ? b : a));
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { set: { type: 'string', multiple: true }, 'dry-run': { type: 'boolean', default: false } } });
  const dirs = values.set?.map((d) => path.resolve(d)) ?? defaultSets(ROOT);
  const cases = await collect(ROOT, dirs);
  const corpora = [...new Set(cases.map((c) => c.corpus))];
  const { ANSWER_MODEL } = await import('../src/answer/AnswerParams.js');

  // Leave one corpus out: each corpus is predicted by a model fitted on the others.
  const held = new Map<string, AnswerModel>();
  for (const corpus of corpora) held.set(corpus, fit(cases.filter((c) => c.corpus !== corpus), ANSWER_MODEL, `without ${corpus}`));
  const points: GridPoint[] = [];
  for (const answer of ANSWER_GRID) {
    for (const short of SHORT_GRID) {
      const scores: QuestionScores[] = corpora.map((corpus) => evaluate(cases.filter((c) => c.corpus === corpus), held.get(corpus) as AnswerModel, { answer, short }));
      points.push({
        answer,
        short,
        quality: mean(scores.map((s) => s.lead_accuracy + s.answer_accuracy + s.abstention)),
        wrongShort: mean(scores.map((s) => s.wrong_short_leads)),
        falseAbst: mean(scores.map((s) => s.false_abstentions)),
      });
    }
  }
  const best = choose(points);
  const thresholds = { answer: best.answer, short: best.short };
  const rows = corpora.map((corpus) => {
    const own = cases.filter((c) => c.corpus === corpus);
    const s = evaluate(own, held.get(corpus) as AnswerModel, thresholds);
    return [corpus, s.lead_accuracy.toFixed(2), String(s.wrong_short_leads), s.answer_accuracy.toFixed(2), s.abstention.toFixed(2), String(s.false_abstentions), s.cited_gold_source.toFixed(2)];
  });
  const table = textTable(['held-out corpus', 'lead', 'wrong short', 'accuracy', 'abstention', 'false abst', 'cites gold'], rows);
  process.stdout.write(`\nThresholds chosen on leave-one-corpus-out predictions: answer ${thresholds.answer}, short ${thresholds.short}\n\n${table}\n`);
  if (values['dry-run']) return 0;

  const note = `Fitted on ${corpora.length} corpora. Leave-one-corpus-out (each corpus predicted by a model fitted on the others, thresholds answer ${thresholds.answer} / short ${thresholds.short}): ${rows.map((r) => `${r[0]} lead ${r[1]}, wrong short ${r[2]}, accuracy ${r[3]}, abstention ${r[4]}, false abstentions ${r[5]}`).join('; ')}.`;
  const final = { ...fit(cases, ANSWER_MODEL, note), thresholds, fitted: { corpora, date: new Date().toISOString().slice(0, 10), note } };
  const file = path.join(ROOT, 'src/answer/scoring/fittedModel.ts');
  await writeFile(
    file,
    `/**\n * The fitted answer model: feature weights and decision thresholds. Generated by\n * \`npm run fit\` (scripts/fitAnswerModel.ts) from the development corpora; do not edit by hand.\n * Validated against \`AnswerModelSchema\` when loaded (see \`AnswerParams.ts\`).\n */\nexport const FITTED_MODEL: unknown = ${JSON.stringify(final, null, 2)};\n`,
  );
  process.stdout.write(`\nWrote ${path.relative(ROOT, file)}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`fit: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
