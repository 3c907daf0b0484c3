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

it('weighs entries when asked: forgets the least recently used past the total weight, never keeps one heavier than it', () => {
  const m = new LruMap<string, string>(5, (v) => v.length);
  m.set('a', 'xx').set('b', 'yy');
  expect(m.weight).toBe(4);
  m.get('a'); // a is now most recent
  m.set('c', 'zz'); // 6 > 5: b goes
  expect([...m.entries()].map(([k]) => k)).toEqual(['a', 'c']);
  expect(m.weight).toBe(4);
  m.set('a', 'x'); // replacing an entry replaces its weight
  expect(m.weight).toBe(3);
  m.set('huge', 'xxxxxx');
  expect(m.has('huge')).toBe(false);
  expect(m.weight).toBe(3);
  m.delete('c');
  expect(m.weight).toBe(1);
  m.clear();
  expect(m.size).toBe(0);
  expect(m.weight).toBe(0);
});
