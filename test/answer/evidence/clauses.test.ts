import { describe, expect, it } from 'vitest';
import { clauseOf, clauseStarts, relativeClauseAround } from '../../../src/answer/evidence/clauses.js';

describe('clauses', () => {
  it.each<[string, string, string, boolean]>([
    ['The mayor dissolved the council after the treasurer lost a vote on 16 May.', 'dissolved', '16 May', false],
    ['The mayor dissolved the council on 16 May.', 'dissolved', '16 May', true],
    ['At least 28 people were injured, and two of them later died.', 'injured', '28', true],
    ['Two people died; 28 were injured.', 'died', '28', false],
    ['The strike began on Monday, while talks resumed on Friday.', 'began', 'Friday', false],
  ])('%s: "%s" and "%s" in one clause: %s', (text, a, b, same) => {
    const starts = clauseStarts(text);
    expect(clauseOf(starts, text.indexOf(a)) === clauseOf(starts, text.indexOf(b))).toBe(same);
  });
});

describe('relativeClauseAround', () => {
  it.each<[string, string, string | undefined]>([
    ['Jane Roe, who has led the firm since May 2031, testified on Thursday.', 'May 2031', ', who has led the firm since May 2031'],
    ['The ferry, which sank in 2030, was raised.', '2030', ', which sank in 2030'],
    // To the sentence's end when no comma closes it.
    ['The firm hired Jane Roe, who joined in 2031.', '2031', ', who joined in 2031.'],
    // Outside any such clause, or past the comma that closes it.
    ['Jane Roe testified on Thursday.', 'Thursday', undefined],
    ['Jane Roe, who leads the firm, testified on Thursday.', 'Thursday', undefined],
  ])('%s: around "%s" -> %j', (text, at, expected) => {
    const span = relativeClauseAround(text, text.indexOf(at));
    expect(span ? text.slice(span.start, span.end) : undefined).toBe(expected);
  });
});
