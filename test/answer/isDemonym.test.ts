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
    ['Eastport', false],
    ['Roe', false],
    ['Parliament', false],
  ])('%s -> %s', (word, expected) => {
    expect(isDemonym(word)).toBe(expected);
  });
});
