import { describe, expect, it } from 'vitest';
import { isBylineFields, isProse, wordCount } from '../../src/ingest/textShape.js';

describe('wordCount', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['one', 1],
    ['  two  words ', 2],
    ['tabs\tand\nnewlines\u00a0and\u2009thin spaces', 6],
    ['Washington, 17 May 2024(TDI)', 4],
  ])('counts %j as %i words, as splitting on whitespace does', (text, words) => {
    expect(wordCount(text)).toBe(words);
    expect(wordCount(text)).toBe(text.trim() === '' ? 0 : text.trim().split(/\s+/).length);
  });

  it.each([
    ['a b c d e', 2, 3],
    ['a b c d e', 5, 5],
    ['a b c d e', 9, 5],
    ['a b', 0, 1],
  ])('stops counting %j past %i words (gives %i)', (text, atMost, words) => {
    expect(wordCount(text, atMost)).toBe(words);
  });

  it('answers "at most n words?" exactly as a full count does', () => {
    const line = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    for (let words = 0; words <= 40; words++) {
      const text = line.split(' ').slice(0, words).join(' ');
      for (const n of [3, 8, 12, 20, 25]) expect(wordCount(text, n) <= n).toBe(wordCount(text) <= n);
    }
  });
});

describe('isProse', () => {
  it.each([
    ['A short headline', false],
    ['The minister met his counterpart in Baku on Monday to discuss it.', true],
    [Array.from({ length: 25 }, () => 'word').join(' '), true],
    [Array.from({ length: 24 }, () => 'word').join(' '), false],
  ])('%j → %s', (text, prose) => {
    expect(isProse(text)).toBe(prose);
  });
});

describe('isBylineFields', () => {
  it.each<[string, boolean]>([
    ['By Jane Roe | Nov 18, 2031, 1:12 AM GMT+1 | 214 Comments', true],
    ['Updated Feb. 2, 2031, 4:40 p.m. | Published Jan. 8, 2031, 6:15 a.m.', true],
    ['Jane Roe | July 9, 2031 | 5 min read', true],
    ['By Jane Roe • 3 min read', true],
    ['February 10, 2031 · 6 min read', true],
    ['Home | World | Business', false],
    ['Team | Goals | Assists', false],
    ['The port reopened on 9 July 2031 | officials said the repairs had taken far longer than anyone expected', false],
    ['The port reopened on 9 July 2031, officials said.', false],
  ])('%j is a byline of fields: %s', (line, expected) => {
    expect(isBylineFields(line)).toBe(expected);
  });
});
