import { describe, expect, it } from 'vitest';
import { mentionsName } from '../../../src/answer/evidence/mentionsName.js';

const TEXT = 'Chancellor Olaf Roe met Delta Air Lines executives in Eastport. The National Port Authority (NPA) said the Joint Harbour Commission would meet. Lashkar-e-Sample claimed the raid. Officials in the U.S. and Washington reacted.';

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
    ['Harbour Trust', false],
  ])('%s -> %s', (name, expected) => {
    expect(mentionsName(name, TEXT)).toBe(expected);
  });
});
