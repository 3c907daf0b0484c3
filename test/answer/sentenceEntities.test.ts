import { describe, expect, it } from 'vitest';
import { sentenceEntities, sentenceNames, sentenceQuantities } from '../../src/answer/sentenceEntities.js';

describe('sentenceEntities on seed sentences', () => {
  it.each<[string, Partial<Record<'people' | 'dates' | 'numbers', unknown>>]>([
    ['U.S. Deputy Secretary of State for Political Affairs Allison Hooker met with Azerbaijan’s Foreign Minister Jeyhun Bayramov.', { people: ['Allison Hooker', 'Jeyhun Bayramov'], dates: [] }],
    ['The Deputy Secretary’s visit to the region began on November 15.', { people: [], dates: ['November 15'] }],
    ['President Ilham Aliyev paid a working visit to the United States on August 7-8, 2025.', { people: [expect.stringMatching(/Aliyev$/)], dates: ['August 7-8, 2025'] }],
    ['Joint Security Task Force | Enhanced border cooperation | 6 months |', { dates: [], numbers: ['6 months'] }],
    // A name compromise does not know, set off by commas after a description.
    [
      'The presidential Assistant of Azerbaijan and Head of the Foreign Policy Affairs Department of Presidential Administration, Hikmat Hajiyev, holds talks with Secretary of State for Political Affairs John Bass.',
      { people: ['Hikmat Hajiyev', 'John Bass'] },
    ],
    // Commas around capitalised words before another capitalised word are a list, not a name.
    ['They visited Baku, Tbilisi and Yerevan, Armenia, Georgia and Azerbaijan.', { people: [] }],
    // The year of a date is part of the date, not a count.
    ['(APP - 9th Aug, 2025) Aliyev paid a visit to the United States on August 7-8, 2025.', { numbers: [] }],
    ['In 2025 some 300 officials attended.', { numbers: ['300'] }],
  ])('%s', (text, expected) => {
    expect(sentenceEntities(text)).toMatchObject(expected);
  });

  it('splits into the compromise part and the wink/chrono part, each computed once per text', () => {
    const text = 'The working group will be led by Sonata Coulter, Deputy Assistant to the U.S. Assistant Secretary of State, from November 15.';
    const names = sentenceNames(text);
    const quantities = sentenceQuantities(text);
    expect(names.people).toEqual(['Sonata Coulter']);
    expect(quantities.dates).toEqual(['November 15']);
    // A repeat is served from the cache: the very same object, not a re-tagging.
    expect(sentenceNames(text)).toBe(names);
    expect(sentenceQuantities(text)).toBe(quantities);
    expect(sentenceEntities(text)).toEqual({ ...names, ...quantities });
  });

  it('gives names without a possessive', () => {
    // compromise itself gives "Azerbaijan’s".
    expect(sentenceNames('Hooker praised Azerbaijan’s role and Armenia\'s reforms.').places).toContain('Azerbaijan');
    expect(sentenceNames('Hooker praised Azerbaijan’s role and Armenia\'s reforms.').places.every((p) => !/['’]s$/.test(p))).toBe(true);
  });
});
