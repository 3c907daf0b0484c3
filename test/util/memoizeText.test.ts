import { expect, it } from 'vitest';
import { memoizeText } from '../../src/util/memoizeText.js';

it('computes a text once while it is among the most recently used', () => {
  const seen: string[] = [];
  const length = memoizeText((t: string) => {
    seen.push(t);
    return t.length;
  }, 2);
  expect([length('a'), length('bb'), length('a')]).toEqual([1, 2, 1]);
  expect(seen).toEqual(['a', 'bb']);
  length('ccc'); // evicts 'bb', the least recently used
  expect(length('bb')).toBe(2);
  expect(seen).toEqual(['a', 'bb', 'ccc', 'bb']);
  expect(length('ccc')).toBe(3);
  expect(seen).toHaveLength(4);
});

it('returns the remembered value itself', () => {
  const vector = memoizeText((t: string) => Float32Array.of(t.length), 4);
  expect(vector('ab')).toBe(vector('ab'));
});
