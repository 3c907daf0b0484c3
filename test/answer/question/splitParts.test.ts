import { describe, expect, it } from 'vitest';
import { splitParts } from '../../../src/answer/question/splitParts.js';

describe('splitParts', () => {
  it.each<[string, string[]]>([
    ['How many votes did the mayor get, and how many did she need?', ['How many votes did the mayor get', 'how many did she need']],
    ['Who wrote the letter, and to whom was it addressed?', ['Who wrote the letter', 'to whom was it addressed']],
    ['On what date did the strike start and on what date did it end?', ['On what date did the strike start', 'on what date did it end']],
    ['To which court, and in which city, can the party take its case?', ['To which court can the party take its case', 'in which city, can the party take its case']],
    ['Who leads the harbour authority?', ['Who leads the harbour authority?']],
    ['Which towns and villages were flooded?', ['Which towns and villages were flooded?']],
  ])('%s', (question, parts) => {
    expect(splitParts(question)).toEqual(parts);
  });
});
