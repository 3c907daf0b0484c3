import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEvalQuestions, parseEvalQuestions, selectQuestions } from '../../scripts/lib/eval/EvalQuestion.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const questions = await loadEvalQuestions(path.join(ROOT, 'test/eval/questions.json'));
const seed = (name: string) => readFileSync(path.join(ROOT, 'seeds', name), 'utf8');

describe('the eval question set', () => {
  it('covers every kind of question the brief asks for', () => {
    const count = (t: string) => questions.filter((q) => q.type === t).length;
    expect(questions.length).toBeGreaterThanOrEqual(40);
    expect(questions.filter((q) => !q.answerable).length).toBeGreaterThanOrEqual(8);
    expect(count('injection')).toBeGreaterThanOrEqual(5);
    expect(count('paraphrase')).toBeGreaterThanOrEqual(5);
    expect(questions.filter((q) => q.gold.length >= 2).length).toBeGreaterThanOrEqual(3);
  });

  // Honesty check: an expected fact that is not in the gold articles would reward hallucination.
  it.each(questions.filter((q) => q.answerable).map((q) => [q.id, q] as const))('%s: every expected fact is in its gold articles', (_id, q) => {
    const text = q.gold.map(seed).join('\n');
    for (const p of q.expected) expect(new RegExp(p, 'i').test(text), `/${p}/ not in ${q.gold.join(', ')}`).toBe(true);
  });

  it.each(questions.filter((q) => !q.answerable).map((q) => [q.id, q] as const))('%s: unanswerable questions claim no gold article', (_id, q) => {
    expect(q.gold).toEqual([]);
    expect(q.expected).toEqual([]);
  });
});

describe('parseEvalQuestions', () => {
  const ok = { id: 'x-1', question: 'Who?', type: 'who', answerable: true, expected: ['a'], gold: ['a.txt'] };
  it.each([
    ['a bad regex', [{ ...ok, expected: ['(unclosed'] }], /expected/],
    ['an unknown type', [{ ...ok, type: 'why' }], /type/],
    ['an answerable question without gold', [{ ...ok, gold: [] }], /gold/],
    ['duplicate ids', [ok, ok], /Duplicate/],
  ])('rejects %s with a message naming it', (_label, value, message) => {
    expect(() => parseEvalQuestions(value)).toThrow(message);
  });
});

describe('selectQuestions', () => {
  it.each([
    ['3', ['who-01', 'who-02', 'who-03']],
    ['when-02,who-01', ['when-02', 'who-01']],
    ['inj-*', ['inj-01', 'inj-02', 'inj-03', 'inj-04', 'inj-05']],
  ])('%s', (subset, ids) => {
    expect(selectQuestions(questions, subset).map((q) => q.id)).toEqual(ids);
  });

  it('rejects an id that does not exist instead of running fewer questions', () => {
    expect(() => selectQuestions(questions, 'who-99')).toThrow(/who-99/);
  });
});
