import { expect, it } from 'vitest';
import { WeakKeyedMemo } from '../../src/util/WeakKeyedMemo.js';

it('computes once per object and key', () => {
  const memo = new WeakKeyedMemo<{ id: number }, number>(10);
  const a = { id: 1 };
  const b = { id: 2 };
  let calls = 0;
  const f = (o: { id: number }, k: string) => () => {
    calls++;
    return o.id * 100 + k.length;
  };
  expect(memo.get(a, 'xy', f(a, 'xy'))).toBe(102);
  expect(memo.get(a, 'xy', f(a, 'xy'))).toBe(102);
  expect(calls).toBe(1);
  // Same key, another object: its own value.
  expect(memo.get(b, 'xy', f(b, 'xy'))).toBe(202);
  expect(memo.get(a, 'xyz', f(a, 'xyz'))).toBe(103);
  expect(calls).toBe(3);
});

it('remembers undefined as a value', () => {
  const memo = new WeakKeyedMemo<object, undefined>(4);
  const o = {};
  let calls = 0;
  memo.get(o, 'k', () => void calls++);
  memo.get(o, 'k', () => void calls++);
  expect(calls).toBe(1);
});

it('forgets an object\'s least recently used keys past its bound, still answering right', () => {
  const memo = new WeakKeyedMemo<object, string>(2);
  const o = {};
  let calls = 0;
  const get = (k: string) => memo.get(o, k, () => (calls++, k.toUpperCase()));
  expect([get('a'), get('b'), get('c'), get('a')]).toEqual(['A', 'B', 'C', 'A']);
  // 'c' pushed out 'a', so 'a' was computed again (and pushed out 'b').
  expect(calls).toBe(4);
  expect(get('c')).toBe('C');
  expect(calls).toBe(4);
});

it('rejects a non-positive bound', () => {
  expect(() => new WeakKeyedMemo(0)).toThrow(RangeError);
});
