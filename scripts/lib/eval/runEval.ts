import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Answer } from '../../../src/answer/Answer.js';
import { toDossierError } from '../../../src/errors.js';
import type { EvalQuestion } from './EvalQuestion.js';
import { scoreAnswer, type QuestionResult, type SourceTextLookup } from './metrics.js';

/** Anything that answers questions with citations: the Dossier engine or the naive baseline. */
export interface EvalSystem {
  name: string;
  ask(question: string): Promise<Answer>;
}

/**
 * Reads cited files relative to `root` (how citations name sources), caching each. Quotes are checked
 * against the bytes on disk, not against anything the system itself kept.
 */
export function fileSourceText(root: string): SourceTextLookup {
  const cache = new Map<string, string | undefined>();
  return (source) => {
    if (!cache.has(source)) {
      let text: string | undefined;
      try {
        text = readFileSync(path.resolve(root, source), 'utf8');
      } catch {
        text = undefined;
      }
      cache.set(source, text);
    }
    return cache.get(source);
  };
}

/**
 * Asks every question in order and scores it. A question that throws is scored as a failed answer
 * (its error message as the text) so one bad question never hides the rest of the run.
 */
export async function runEval(
  system: EvalSystem,
  questions: readonly EvalQuestion[],
  sourceText: SourceTextLookup,
  onResult?: (r: QuestionResult, i: number) => void,
): Promise<QuestionResult[]> {
  const results: QuestionResult[] = [];
  for (const [i, q] of questions.entries()) {
    const t0 = performance.now();
    let answer: Answer;
    try {
      answer = await system.ask(q.question);
    } catch (error) {
      const e = toDossierError(error);
      answer = { kind: 'answered', question: q.question, text: `ERROR ${e.code}: ${e.message}`, citations: [], mode: 'extractive' };
    }
    const result = scoreAnswer(q, answer, performance.now() - t0, sourceText);
    results.push(result);
    onResult?.(result, i);
  }
  return results;
}
