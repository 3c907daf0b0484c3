import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/ingest/Passage.js';
import { passageFilter } from '../../src/retrieval/passageFilter.js';
import type { RetrievalFilter } from '../../src/retrieval/RetrievedPassage.js';

function passage(source: string, date: string | null): Passage {
  return {
    id: `${source}#0`,
    source,
    index: 0,
    start: 0,
    end: 1,
    text: 'x',
    sentences: [{ start: 0, end: 1, text: 'x' }],
    meta: { title: null, publisher: null, date, url: null, author: null },
  };
}

describe('passageFilter', () => {
  it('filters nothing without criteria', () => {
    expect(passageFilter(undefined)).toBeUndefined();
    expect(passageFilter({})).toBeUndefined();
    expect(passageFilter({ sources: [' '], from: '' })).toBeUndefined();
  });

  it.each<[string | null, RetrievalFilter, boolean]>([
    ['2025-11-19', { from: '2025-11-10' }, true],
    ['2025-11-05', { from: '2025-11-10' }, false],
    // A month-precise date is the whole month: it overlaps a range starting mid-month.
    ['2025-11', { from: '2025-11-10' }, true],
    ['2025-11', { to: '2025-11-10' }, true],
    ['2025-11', { from: '2025-12' }, false],
    ['2025-11', { to: '2025-10-31' }, false],
    ['2025', { from: '2025-06', to: '2025-06' }, true],
    ['2024', { from: '2025' }, false],
    ['2024-02-29', { from: '2024-02', to: '2024-02' }, true],
    ['2024-12-31', { from: '2024', to: '2024' }, true],
    ['2025-01-01', { to: '2024' }, false],
    // Unknown or unreadable dates cannot be claimed to match a date filter...
    [null, { from: '2000' }, false],
    ['sometime', { to: '2030' }, false],
    // ...but do not matter to a source-only filter.
    [null, { sources: ['a.txt'] }, true],
  ])('an article dated %s with %j: %s', (date, filter, kept) => {
    expect(passageFilter(filter)?.(passage('seeds/a.txt', date))).toBe(kept);
  });

  it.each([
    ['seeds/a.txt', true],
    ['a.txt', true],
    ['./seeds/a.txt', true],
    ['seeds\\a.txt', true],
    ['b.txt', false],
    ['other/a.txt', false],
  ])('source %s matches seeds/a.txt: %s', (source, kept) => {
    expect(passageFilter({ sources: [source] })?.(passage('seeds/a.txt', null))).toBe(kept);
  });

  it.each([{ from: '17/05/2024' }, { to: '2024-13' }, { from: '2024-5' }, { from: '2025', to: '2024' }])('rejects %j with a usage error', (filter) => {
    expect(() => passageFilter(filter)).toThrowError(expect.objectContaining({ code: 'USAGE' }) as Error);
  });
});
