import { describe, expect, it } from 'vitest';
import { yearInWords } from '../../src/util/yearInWords.js';

describe('yearInWords', () => {
  it.each<[string, number | undefined]>([
    [' last year, officials said', 2030],
    [' of this year', 2031],
    [', next year', 2032],
    [' last week', undefined],
    ['. Last year the port', undefined],
  ])('%j after a date in a 2031 article -> %s', (after, year) => {
    expect(yearInWords(after, 2031)).toBe(year);
  });
});
