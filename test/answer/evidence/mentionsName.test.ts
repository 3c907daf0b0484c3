import { describe, expect, it } from 'vitest';
import { articleMentionsName, mentionsName } from '../../../src/answer/evidence/mentionsName.js';

const TEXT = 'Chancellor Olaf Roe met Delta Air Lines executives in Eastport after the New York City Marathon. The Senate Harbour, Fisheries and Transport Committee agreed. The National Port Authority (NPA) said the Joint Harbour Commission would meet. Lashkar-e-Sample claimed the raid. Officials in the U.S. and Washington reacted.';

describe('mentionsName', () => {
  it.each<[string, boolean]>([
    ['Olaf Roe', true],
    ['Roe', true],
    ['Jane Roe', true], // a person is referred back to by surname
    ['Eastport', true],
    ['NPA', true],
    ['National Port Authority', true],
    ['JHC', true], // an acronym the text spells out
    ['Lashkar', true], // part of a hyphenated name
    ['America', true], // another name of the United States ("U.S.")
    ['United Airlines', false], // "Delta Air Lines" and "U.S." are no mention of it
    ['Westport', false],
    ['Boston Marathon', false], // a city's event is no person, named by its last word alone
    ['Harbour Trust', false],
    // A body's name shortened by its official middle words; not a person's, nor one cut short.
    ['Senate Harbour Committee', true],
    ['Senate Fisheries Committee', false],
    ['Senate Harbour Agency', false],
  ])('%s -> %s', (name, expected) => {
    expect(mentionsName(name, TEXT)).toBe(expected);
  });
});

describe('articleMentionsName (a whole article, from its word list)', () => {
  const article = { title: 'Harbour talks', date: null, text: `${TEXT} The 737-9 jets stayed grounded. Hikmet Sample flew to the US on Tuesday. A curfew held in Viña del Mar and Quilpué.` };

  it.each<[string, boolean]>([
    ['Olaf Roe', true],
    ['Jane Roe', true],
    ['NPA', true],
    ['JHC', true],
    ['Lashkar-e-Sample', true],
    ['U.S.', true], // written both "U.S." and "US" in the article
    ['737-9', true],
    ['Hikmat Sample', true], // a transliteration variant
    ['America', true],
    ['Viña del Mar', true], // letters beyond ASCII in the article's own spelling
    ['Quilpué', true],
    ['United Airlines', false],
    ['Harbour Trust', false],
    ['Westport', false],
    ['Boston Marathon', false], // a city's event: the article's "New York City Marathon" is another one
    ['Senate Harbour Committee', true],
    ['Senate Harbour Agency', false],
  ])('%s -> %s, as mentionsName says of the same text', (name, expected) => {
    expect(articleMentionsName(name, article)).toBe(expected);
    expect(mentionsName(name, `${article.title}\n${article.text}`)).toBe(expected);
  });
});
