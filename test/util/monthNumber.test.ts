import { describe, expect, it } from 'vitest';
import { monthNumber } from '../../src/util/monthNumber.js';

describe('monthNumber', () => {
  it.each<[string, number]>([
    ['January', 1],
    ['Mar', 3],
    ['sept', 9],
    ['December', 12],
    ['Monday', 0],
    ['', 0],
  ])('%s -> %i', (word, n) => {
    expect(monthNumber(word)).toBe(n);
  });
});
