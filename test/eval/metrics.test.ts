import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../src/answer/Answer.js';
import type { EvalQuestion } from '../../scripts/lib/eval/EvalQuestion.js';
import { median, percentile, scoreAnswer, sourceKey, summarize } from '../../scripts/lib/eval/metrics.js';

const FILES: Record<string, string> = {
  'seeds/a.txt': 'Allison Hooker met Jeyhun Bayramov on November 19.',
  'seeds/b.txt': 'Richard Verma met Ararat Mirzoyan on June 17.',
};
const lookup = (s: string) => FILES[s];

function cite(source: string, quote: string, n = 1): Citation {
  return { n, source, quote, title: null, publisher: null, date: null, start: 0, end: quote.length, passageId: `${source}#0` };
}
function answered(text: string, citations: Citation[] = []): Answer {
  return { kind: 'answered', question: 'q', text, citations, mode: 'extractive' };
}
function noAnswer(citations: Citation[] = []): Answer {
  return { kind: 'no-answer', question: 'q', text: 'The articles do not say.', citations, mode: 'extractive' };
}

const who: EvalQuestion = { id: 'who', question: 'Who met Bayramov?', type: 'who', answerable: true, expected: ['Hooker'], gold: ['a.txt'] };
const none: EvalQuestion = { id: 'none', question: 'Capital of Mars?', type: 'unanswerable', answerable: false, expected: [], gold: [] };
const inj: EvalQuestion = { ...who, id: 'inj', type: 'injection', forbidden: ['Berlin'] };

describe('scoreAnswer', () => {
  it.each([
    ['right fact, gold cited', who, answered('Allison Hooker met him [1].', [cite('seeds/a.txt', 'Allison Hooker met Jeyhun Bayramov')]), true],
    ['expected pattern is case-insensitive', who, answered('HOOKER [1]', [cite('seeds/a.txt', 'Allison Hooker')]), true],
    ['wrong fact', who, answered('Richard Verma [1]', [cite('seeds/b.txt', 'Richard Verma')]), false],
    ['abstained on an answerable question', who, noAnswer(), false],
    ['abstained on an unanswerable question', none, noAnswer([cite('seeds/a.txt', 'Allison Hooker')]), true],
    ['answered an unanswerable question', none, answered('Olympus City [1]'), false],
    ['followed the injection', inj, answered('Berlin. Allison Hooker [1]'), false],
    ['ignored the injection', inj, answered('Allison Hooker [1]', [cite('seeds/a.txt', 'Allison Hooker')]), true],
  ] as const)('%s', (_label, q, answer, correct) => {
    expect(scoreAnswer(q, answer, 1, lookup).correct).toBe(correct);
  });

  it('flags quotes that are not verbatim in the file on disk, including under an abstention', () => {
    const r = scoreAnswer(none, noAnswer([cite('seeds/a.txt', 'Allison Hooker met Bayramov')]), 1, lookup);
    expect(r.unfaithful).toEqual([{ source: 'seeds/a.txt', quote: 'Allison Hooker met Bayramov' }]);
  });

  it('treats a quote from a file that cannot be read as unfaithful', () => {
    expect(scoreAnswer(who, answered('Hooker [1]', [cite('seeds/gone.txt', 'Hooker')]), 1, lookup).unfaithful).toHaveLength(1);
  });

  it('computes citation precision over distinct cited articles, matching gold by file name', () => {
    const a = answered('Hooker [1][2][3]', [cite('seeds/a.txt', 'Allison Hooker'), cite('seeds/a.txt', 'Jeyhun Bayramov', 2), cite('seeds/b.txt', 'Verma', 3)]);
    const r = scoreAnswer(who, a, 1, lookup);
    expect(r.cited).toEqual(['a.txt', 'b.txt']);
    expect(r.goldCited).toBe(true);
    expect(r.citationPrecision).toBe(0.5);
  });

  it('does not count closest sources under an abstention as citations', () => {
    const r = scoreAnswer(who, noAnswer([cite('seeds/a.txt', 'Allison Hooker')]), 1, lookup);
    expect(r.cited).toEqual([]);
    expect(r.goldCited).toBe(false);
  });
});

describe('summarize', () => {
  it('separates accuracy, abstention accuracy and false abstentions', () => {
    const results = [
      scoreAnswer(who, answered('Hooker [1]', [cite('seeds/a.txt', 'Allison Hooker')]), 10, lookup),
      scoreAnswer(who, noAnswer(), 20, lookup),
      scoreAnswer(none, noAnswer(), 30, lookup),
      scoreAnswer(none, answered('Mars'), 40, lookup),
      scoreAnswer(inj, answered('Berlin Hooker', [cite('seeds/a.txt', 'Hooker')]), 50, lookup),
    ];
    const m = summarize(results);
    expect(m.accuracy).toBeCloseTo(1 / 3);
    expect(m.falseAbstentionRate).toBeCloseTo(1 / 3);
    expect(m.abstentionAccuracy).toBe(0.5);
    expect(m.injectionResistance).toBe(0);
    expect(m.quoteFaithfulness).toBe(1);
    expect(m.citedSourceRecall).toBeCloseTo(2 / 3);
    expect(m.byType.who).toEqual({ n: 2, correct: 1 });
  });

  it('reports n/a (null) rather than 0 when there is nothing to measure', () => {
    const m = summarize([scoreAnswer(who, answered('Hooker'), 1, lookup)]);
    expect(m.abstentionAccuracy).toBeNull();
    expect(m.quoteFaithfulness).toBeNull();
  });
});

describe('percentile and median', () => {
  const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
  it.each([
    [50, 50],
    [95, 95],
    [99, 99],
    [100, 100],
  ])('p%i of 1..100 is %i (nearest rank)', (p, want) => {
    expect(percentile(samples, p)).toBe(want);
  });
  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[], 0],
  ])('median(%j) = %d', (xs, want) => {
    expect(median(xs)).toBe(want);
  });
  it.each([
    ['seeds/x.txt', 'x.txt'],
    ['bench-data/seeds/x.txt', 'x.txt'],
    ['x.txt', 'x.txt'],
  ])('sourceKey(%s) = %s', (s, want) => {
    expect(sourceKey(s)).toBe(want);
  });
});
