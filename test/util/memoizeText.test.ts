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

it("with 'all', forgets every text once full, and remembers null results", () => {
  const seen: string[] = [];
  const term = memoizeText((t: string) => {
    seen.push(t);
    return t === 'the' ? null : t.toUpperCase();
  }, 2, 'all');
  expect([term('the'), term('port'), term('the'), term('port')]).toEqual([null, 'PORT', null, 'PORT']);
  expect(seen).toEqual(['the', 'port']);
  term('ship'); // full: everything is forgotten, then 'ship' is remembered
  expect(seen).toEqual(['the', 'port', 'ship']);
  expect(term('ship')).toBe('SHIP');
  expect(term('the')).toBeNull();
  expect(seen).toEqual(['the', 'port', 'ship', 'the']);
});
