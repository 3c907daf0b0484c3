import { describe, expect, it } from 'vitest';
import { contextualizeQuery, isElliptical } from '../../src/answer/contextualizeQuery.js';

const history = [{ question: 'Who leads the joint working group for the Trump Corridor?', answer: 'Sonata Coulter [1]. The working group will be led by Sonata Coulter, Deputy Assistant. [1]' }];

describe('contextualizeQuery', () => {
  it.each([
    ['when was that?', /working group/],
    ['Who appointed her?', /Sonata Coulter/],
    ['And when did it start?', /Trump Corridor/],
    ['why?', /working group/],
  ])('carries the previous topic into %s', (question, expected) => {
    const q = contextualizeQuery(question, history);
    expect(q.startsWith(question)).toBe(true);
    expect(q).toMatch(expected);
  });

  it.each([
    'When did Mirzoyan meet Richard Verma in Yerevan?',
    'What did Aliyev and Trump sign during the visit to Washington?',
  ])('leaves a self-contained question alone: %s', (question) => {
    expect(isElliptical(question)).toBe(false);
    expect(contextualizeQuery(question, history)).toBe(question);
  });

  it('needs a previous turn', () => {
    expect(contextualizeQuery('when was that?', [])).toBe('when was that?');
  });
});
