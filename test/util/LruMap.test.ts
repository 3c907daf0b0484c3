import { expect, it } from 'vitest';
import { LruMap } from '../../src/util/LruMap.js';

it('forgets the least recently used entry beyond capacity', () => {
  const m = new LruMap<string, number>(2);
  m.set('a', 1).set('b', 2);
  expect(m.get('a')).toBe(1); // a is now most recent
  m.set('c', 3);
  expect(m.has('b')).toBe(false);
  expect(m.get('a')).toBe(1);
  expect(m.get('c')).toBe(3);
  expect(m.size).toBe(2);
});

it('rejects a non-positive capacity', () => {
  expect(() => new LruMap(0)).toThrow(RangeError);
});
