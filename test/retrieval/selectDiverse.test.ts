import { expect, it } from 'vitest';
import { jaccard, selectDiverse, sortedJaccard } from '../../src/retrieval/selectDiverse.js';
import { TermIds } from '../../src/retrieval/TermIds.js';

it('numbers terms stably, sorted and distinct', () => {
  const ids = new TermIds();
  const a = ids.of(['union', 'state', 'state']);
  const b = ids.of(['address', 'union']);
  expect([...a]).toEqual([0, 1]);
  expect([...b]).toEqual([0, 2]);
  expect([...ids.of(['state'])]).toEqual([1]);
});

it('gives the same Jaccard value on sorted term numbers as on term sets', () => {
  const ids = new TermIds();
  const words = 'tariff trade congress union state navy army bank gold silver treaty canal railroad'.split(' ');
  // Every pair of subsets drawn from a fixed pattern, the empty set included.
  const subsets = Array.from({ length: 40 }, (_, n) => words.filter((_, i) => ((n * 7919) >> i) % 3 === 0 || (n % 5 === 0 && i > 10)));
  subsets.push([]);
  for (const x of subsets) {
    for (const y of subsets) {
      expect(sortedJaccard(ids.of(x), ids.of(y))).toBe(jaccard(new Set(x), new Set(y)));
    }
  }
});

it('never picks a near-duplicate of a picked candidate', () => {
  const ids = new TermIds();
  const picked = selectDiverse(
    [
      { score: 1, terms: ids.of(['a', 'b', 'c', 'd']) },
      { score: 0.9, terms: ids.of(['a', 'b', 'c', 'e']) },
      { score: 0.5, terms: ids.of(['x', 'y']) },
    ],
    3,
    { lambda: 0.9, maxOverlap: 0.5 },
  );
  expect(picked).toEqual([0, 2]);
});
