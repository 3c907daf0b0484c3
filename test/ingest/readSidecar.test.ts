import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../src/ingest/Article.js';
import { applyOverrides } from '../../src/ingest/readSidecar.js';

const inferred: ArticleMeta = { title: 'Harbour reopens', publisher: null, date: '2031-08-04', url: null, author: null };

describe('applyOverrides', () => {
  it.each<[string, Parameters<typeof applyOverrides>[1], Partial<ArticleMeta>]>([
    ['an operator-given date is attested', { date: '2031-08-02' }, { date: '2031-08-02', dateAttested: true }],
    ['other fields leave the date as inferred', { title: 'Harbour wall reopens' }, { title: 'Harbour wall reopens', date: '2031-08-04' }],
  ])('%s', (_name, overrides, expected) => {
    expect(applyOverrides(inferred, overrides)).toMatchObject(expected);
  });

  it('drops the attestation with a date the operator cleared', () => {
    const attested = { ...inferred, dateAttested: true };
    expect(applyOverrides(attested, { date: null })).toEqual({ ...inferred, date: null });
    expect(applyOverrides(inferred, { title: 'Harbour wall reopens' }).dateAttested).toBeUndefined();
  });
});
