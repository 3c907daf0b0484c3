import { expect, it } from 'vitest';
import { hitScore, TermHitCache, type TermHits } from '../../src/retrieval/TermHitCache.js';

const hits = (...items: string[]): TermHits<string> => ({ items, scores: Float64Array.from(items, (_, i) => i) });

it('searches a term once while it is held', () => {
  const cache = new TermHitCache<string>(10);
  let searches = 0;
  const get = (key: string, ...items: string[]) => cache.get(key, () => (searches++, hits(...items)));
  const first = get('alpha', 'a', 'b');
  expect(get('alpha', 'ignored')).toBe(first);
  expect(searches).toBe(1);
  expect(cache.held).toBe(2);
});

it('forgets the oldest terms to stay within its bound of hits', () => {
  const cache = new TermHitCache<string>(5);
  let searches = 0;
  const get = (key: string, ...items: string[]) => cache.get(key, () => (searches++, hits(...items)));
  get('one', 'a', 'b');
  get('two', 'c', 'd');
  get('three', 'e', 'f'); // 6 > 5: "one" goes
  expect(cache.held).toBe(4);
  get('two');
  expect(searches).toBe(3);
  expect(get('one', 'a', 'b').items).toEqual(['a', 'b']);
  expect(searches).toBe(4);
  expect(cache.held).toBeLessThanOrEqual(5);
});

it('never keeps a term with more hits than the bound, and forgets everything on clear', () => {
  const cache = new TermHitCache<string>(2);
  let searches = 0;
  const get = (key: string, ...items: string[]) => cache.get(key, () => (searches++, hits(...items)));
  expect(get('big', 'a', 'b', 'c').items).toHaveLength(3);
  get('big', 'a', 'b', 'c');
  expect(searches).toBe(2);
  expect(cache.held).toBe(0);
  get('small', 'a');
  cache.clear();
  get('small', 'a');
  expect(searches).toBe(4);
});

it('rejects a non-positive bound', () => {
  expect(() => new TermHitCache(0)).toThrow(RangeError);
});

it('looks up an item\'s score, undefined for an item not hit', () => {
  const h: TermHits<string> = { items: ['a', 'b', 'c'], scores: Float64Array.of(0.5, 1.5, 2.5) };
  expect(hitScore(h, 'b')).toBe(1.5);
  expect(hitScore(h, 'c')).toBe(2.5);
  expect(hitScore(h, 'z')).toBeUndefined();
});
