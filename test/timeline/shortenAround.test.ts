import { describe, expect, it } from 'vitest';
import { shortenAround } from '../../src/timeline/shortenAround.js';

const LONG =
  'According to the information released by the Azerbaijani Ministry of Foreign Affairs on November 19, the current state of bilateral cooperation between the two countries was discussed during the meeting, and the sides also exchanged views on prospects for development, the peace process, as well as regional and global security issues.';

describe('shortenAround', () => {
  it.each<[string, string, string, number, string]>([
    ['a short sentence stays whole', 'Mirzoyan met Verma on June 17.', 'June 17', 200, 'Mirzoyan met Verma on June 17.'],
    ['whitespace is collapsed', 'Mirzoyan  met\n Verma on June 17.', 'June 17', 200, 'Mirzoyan met Verma on June 17.'],
    [
      'a long sentence keeps the clauses around the date',
      LONG,
      'November 19',
      120,
      'According to the information released by the Azerbaijani Ministry of Foreign Affairs on November 19…',
    ],
    [
      'a date late in the sentence keeps its own clause',
      LONG,
      'regional and global',
      60,
      '…the peace process, as well as regional and global security issues.',
    ],
  ])('%s', (_name, text, needle, max, expected) => {
    expect(shortenAround(text, text.indexOf(needle), max)).toBe(expected);
  });

  it.each([40, 80, 120, 200])('never cuts inside a word and stays near %i characters', (max) => {
    for (const needle of ['November 19', 'two countries', 'peace process']) {
      const line = shortenAround(LONG, LONG.indexOf(needle), max);
      expect(line.length).toBeLessThanOrEqual(Math.floor(max * 1.15) + 2);
      const words = line.replace(/…/g, ' ').split(/\s+/).filter(Boolean).map((w) => w.replace(/[,.;:]$/, ''));
      for (const w of words) expect(LONG).toMatch(new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`));
    }
  });
});
