import { describe, expect, it } from 'vitest';
import { clauseOf, clauseStarts } from '../../../src/answer/evidence/clauses.js';

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
