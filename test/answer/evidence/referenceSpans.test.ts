import { describe, expect, it } from 'vitest';
import { referenceSpans } from '../../../src/answer/evidence/referenceSpans.js';

/** The text of each reference phrase. */
const phrases = (text: string) => referenceSpans(text).map(([s, e]) => text.slice(s, e).trim());

describe('referenceSpans', () => {
  it.each([
    ['The deadliest flood since the 1987 storm, it drowned 40 people.', ['since the 1987 storm']],
    ['Turnout was higher than in 2019, officials said.', ['than in 2019']],
    ['Sales fell to 300, down from 420 a year earlier.', ['down from 420 a year earlier']],
    ['It was the strongest quake since a magnitude 7.5 shock hit.', ['since a magnitude 7.5 shock hit']],
    ['Compared with 2020, exports doubled.', ['Compared with 2020']],
    ['The bridge reopened on 3 May 2031 after repairs.', []],
  ])('%j', (text, expected) => {
    expect(phrases(text)).toEqual(expected);
  });
});
