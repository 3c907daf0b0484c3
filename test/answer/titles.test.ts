import { describe, expect, it } from 'vitest';
import { withoutTitles } from '../../src/answer/titles.js';

describe('withoutTitles', () => {
  it.each([
    ['Finance Minister Jane Roe', 'Jane Roe'],
    ['Jane Roe', 'Jane Roe'],
    // A title of several words, some of them no title words, ends at its last title word.
    ['Chief Financial Officer Mark Sample', 'Mark Sample'],
    ['Harbour Safety Secretary Gerold Sample', 'Gerold Sample'],
    ['EPA Administrator Gerold Sample', 'Gerold Sample'],
    // A title word after the name keeps the run as it is (it is no name followed by titles).
    ['Jane Roe Chief Executive Officer', 'Jane Roe Chief Executive Officer'],
    // One word is left, however many titles come before it.
    ['Prince Harry', 'Harry'],
  ])('%j → %j', (name, expected) => {
    expect(withoutTitles(name)).toBe(expected);
  });
});
