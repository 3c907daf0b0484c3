import { describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/Answerer.js';
import { LazyAnswerer } from '../../src/answer/LazyAnswerer.js';
import { noAnswer } from '../../src/answer/noAnswer.js';

/** An answerer that echoes the question, counting how often it was created. */
function counting(failFirst = 0): { created: () => number; lazy: LazyAnswerer } {
  let created = 0;
  let failures = failFirst;
  const lazy = new LazyAnswerer(async () => {
    if (failures > 0) {
      failures--;
      throw new Error('module failed to load');
    }
    created++;
    const answerer: Answerer = { answer: async (q) => noAnswer(q, [], 'extractive', `answerer #${created}`) };
    return answerer;
  });
  return { created: () => created, lazy };
}

describe('LazyAnswerer', () => {
  it('creates nothing until the first question or warm-up', () => {
    const { created } = counting();
    expect(created()).toBe(0);
  });

  it('creates the answerer once, even for concurrent questions, and passes questions through', async () => {
    const { created, lazy } = counting();
    const answers = await Promise.all([lazy.answer('one?', []), lazy.answer('two?', []), lazy.warm()]);
    expect(created()).toBe(1);
    expect(answers[0]?.question).toBe('one?');
    expect(answers[1]?.question).toBe('two?');
    expect(answers[1]?.notice).toBe('answerer #1');
  });

  it('passes follow-up searches through, and none when the answerer has no such step', async () => {
    const withStep = new LazyAnswerer(async () => ({ answer: async (q: string) => noAnswer(q, [], 'extractive'), followUpQueries: async (q: string) => [`${q} again`] }));
    expect(await withStep.followUpQueries('who?', [])).toEqual(['who? again']);
    const { lazy } = counting();
    expect(await lazy.followUpQueries('who?', [])).toEqual([]);
  });

  it('warm() loads ahead of the first question', async () => {
    const { created, lazy } = counting();
    await lazy.warm();
    expect(created()).toBe(1);
    await lazy.answer('q?', []);
    expect(created()).toBe(1);
  });

  it('reports a failed load to the asker and tries again on the next question', async () => {
    const { created, lazy } = counting(1);
    await expect(lazy.answer('q?', [])).rejects.toThrow('module failed to load');
    const answer = await lazy.answer('again?', []);
    expect(answer.question).toBe('again?');
    expect(created()).toBe(1);
  });
});
