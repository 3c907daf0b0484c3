/**
 * Prints the extractive answerer's evidence scores for answerable vs unanswerable seed questions
 * (test/eval/questions.json plus a few extra), and the abstention threshold that separates them
 * best. Run: `npx tsx scripts/calibrateAbstain.ts [k]`. See docs/abstention.md.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { DEFAULT_ABSTAIN_THRESHOLD, ExtractiveAnswerer } from '../src/answer/ExtractiveAnswerer.js';
import { focusClause } from '../src/answer/focusClause.js';
import { loadSeedRetrieval } from '../test/answer/seedRetrieval.js';
import { projectRoot } from './lib/projectRoot.js';

interface EvalQuestion {
  id: string;
  question: string;
  answerable: boolean;
  /** Regexes (any one per entry) the answer text must match, when answerable. */
  expected?: string[];
}

function isEvalQuestion(v: unknown): v is EvalQuestion {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o['id'] === 'string' && typeof o['question'] === 'string' && typeof o['answerable'] === 'boolean';
}

const EXTRA: EvalQuestion[] = [
  { id: 'x-none-1', question: 'What is the population of Azerbaijan?', answerable: false },
  { id: 'x-none-2', question: 'Who won the 2022 World Cup?', answerable: false },
  { id: 'x-none-3', question: 'What is the capital of France?', answerable: false },
  { id: 'x-none-4', question: 'What did Emmanuel Macron tell Aliyev in Paris?', answerable: false },
  { id: 'x-ans-1', question: 'Who leads the joint working group?', answerable: true, expected: ['Sonata Coulter'] },
  { id: 'x-ans-2', question: 'When did the US establish diplomatic relations with Azerbaijan?', answerable: true, expected: ['1992'] },
];

const root = projectRoot(import.meta.url);
const k = Number(process.argv[2] ?? 4);
const parsed: unknown = JSON.parse(await readFile(path.join(root, 'test/eval/questions.json'), 'utf8'));
const questions = [...(Array.isArray(parsed) ? parsed.filter(isEvalQuestion) : []), ...EXTRA];
const seeds = await loadSeedRetrieval(root);
// Threshold 0 so every question is scored; the decision below applies each candidate threshold.
const answerer = new ExtractiveAnswerer({ abstainThreshold: 0, rarity: seeds.rarity });

interface Row {
  id: string;
  answerable: boolean;
  evidence: number;
  hardAbstain: boolean;
  reason: string;
  /** Whether the answer given at threshold 0 contains the expected facts (only meaningful when answerable). */
  correct: boolean;
}
const rows: Row[] = [];
for (const q of questions) {
  // Retrieve as the engine does: on the interrogative sentence only, not an injected preamble.
  const retrieved = await seeds.retrieve(focusClause(q.question), k);
  const d = answerer.decide(q.question, retrieved);
  const text = answerer.answerSync(q.question, retrieved).text;
  const correct = (q.expected ?? []).every((e) => new RegExp(e, 'i').test(text));
  // Abstentions that do not depend on the threshold (a name never mentioned, no date for "when").
  const hardAbstain = d.abstain && !d.reason.startsWith('weak evidence');
  rows.push({ id: q.id, answerable: q.answerable, evidence: d.evidence, hardAbstain, reason: d.reason, correct });
}

for (const r of [...rows].sort((a, b) => a.evidence - b.evidence)) {
  const verdict = r.answerable && !r.hardAbstain ? (r.correct ? 'right' : 'WRONG') : '     ';
  console.log(`${r.answerable ? 'ANS ' : 'NONE'} ${r.evidence.toFixed(3)} ${r.hardAbstain ? 'hard-abstain' : '            '} ${verdict} ${r.id.padEnd(10)} ${r.reason}`);
}

let bestT = 0;
let bestErrors = Infinity;
const errorsAt = new Map<number, number>();
for (let t = 0.05; t <= 0.9001; t += 0.025) {
  // An error is an abstention on an answerable question, an answer to an unanswerable one, or an
  // answer that misses the expected fact (as bad as answering what the articles do not say).
  const errors = rows.filter((r) => {
    const abstains = r.hardAbstain || r.evidence < t;
    return r.answerable ? abstains || !r.correct : !abstains;
  }).length;
  if (errors < bestErrors) {
    bestErrors = errors;
    bestT = t;
  }
  errorsAt.set(t, errors);
  console.log(`threshold ${t.toFixed(3)}: ${errors} errors`);
}
const ans = rows.filter((r) => r.answerable);
const none = rows.filter((r) => !r.answerable);
console.log(`\n${ans.length} answerable, ${none.length} unanswerable, k=${k}`);
console.log(`answerable wrongly abstained at best: ${ans.filter((r) => r.hardAbstain || r.evidence < bestT).map((r) => r.id).join(', ') || 'none'}`);
console.log(`answered but missing the expected fact at best: ${ans.filter((r) => !(r.hardAbstain || r.evidence < bestT) && !r.correct).map((r) => r.id).join(', ') || 'none'}`);
console.log(`unanswerable wrongly answered at best: ${none.filter((r) => !(r.hardAbstain || r.evidence < bestT)).map((r) => r.id).join(', ') || 'none'}`);
const plateau = [...errorsAt].filter(([, e]) => e === bestErrors).map(([t]) => t);
console.log(`fewest errors: ${bestErrors}, at thresholds ${plateau.map((t) => t.toFixed(3)).join(', ')}`);
console.log(`lowest best threshold: ${bestT.toFixed(3)}; the default (${DEFAULT_ABSTAIN_THRESHOLD}) should sit inside the best plateau`);
