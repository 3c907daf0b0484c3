import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEvalQuestions } from '../../scripts/lib/eval/EvalQuestion.js';
import { benchQuestions } from '../../scripts/lib/benchQuestions.js';

describe('benchQuestions', () => {
  it('gives at least 200 distinct, deterministic questions including every eval question', async () => {
    const evalSet = await loadEvalQuestions(path.resolve(import.meta.dirname, 'questions.json'));
    const qs = benchQuestions(evalSet);
    expect(qs.length).toBeGreaterThanOrEqual(200);
    expect(new Set(qs).size).toBe(qs.length);
    for (const q of evalSet) expect(qs).toContain(q.question);
    expect(benchQuestions(evalSet)).toEqual(qs);
  });
});
