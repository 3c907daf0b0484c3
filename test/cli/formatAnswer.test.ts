import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../src/answer/Answer.js';
import { formatAnswer } from '../../src/cli/formatAnswer.js';

const citation = (quote: string): Citation => ({ n: 1, source: 'seeds/a.txt', title: 'Talks resume', publisher: 'Wire', date: '2031-05-03', quote, start: 10, end: 10 + quote.length, passageId: 'seeds/a.txt#0' });
const answer = (quote: string): Answer => ({ kind: 'answered', question: 'Q?', text: 'The envoys met [1].', citations: [citation(quote)], mode: 'extractive' });

describe('formatAnswer', () => {
  it.each([
    ['a plain sentence is put in quotation marks', 'The envoys met in Tbilisi.', '    “The envoys met in Tbilisi.”'],
    ['a sentence that opens with its own quotation mark gets no second one', '“Our talks went well,” the envoy said.', '    “Our talks went well,” the envoy said.'],
  ])('%s', (_name, quote, line) => {
    expect(formatAnswer(answer(quote)).split('\n')).toContain(line);
  });

  it('names an untitled article as untitled and shows its file once, as its path', () => {
    const untitled: Answer = { ...answer('The envoys met.'), citations: [{ ...citation('The envoys met.'), title: null }] };
    const lines = formatAnswer(untitled).split('\n');
    expect(lines).toContain('[1] (no title found) — Wire, 2031-05-03');
    expect(lines.filter((l) => l.includes('a.txt'))).toEqual(['    seeds/a.txt (chars 10–25)']);
  });
});
