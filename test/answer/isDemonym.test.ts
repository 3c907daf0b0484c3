import { describe, expect, it } from 'vitest';
import { isDemonym } from '../../src/answer/isDemonym.js';

describe('isDemonym', () => {
  it.each<[string, boolean]>([
    ['American', true],
    ['Pakistani', true],
    ['British', true],
    ['Turkish', true],
    ['Kurdish', true],
    ['Polish', true],
    // A country's name with a people's ending, which the tagger does not know.
    ['Azerbaijani', true],
    ['Bahraini', true],
    ['Eastport', false],
    // First names and places with the same endings are no peoples.
    ['Brian', false],
    ['Indiana', false],
    ['Milan', false],
    ['Roe', false],
    ['Parliament', false],
  ])('%s -> %s', (word, expected) => {
    expect(isDemonym(word)).toBe(expected);
  });
});
