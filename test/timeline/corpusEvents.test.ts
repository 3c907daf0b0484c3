import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/ingest/Article.js';
import { EventCache } from '../../src/store/EventCache.js';
import { corpusEvents, eventCacheKey, extractionIdentity, type ArticleRef } from '../../src/timeline/corpusEvents.js';

function article(source: string, raw: string, date: string | null, sha256: string): Article {
  return { source, sha256, raw, meta: { title: 'T', publisher: null, date, url: null, author: null }, body: [{ start: 0, end: raw.length }] };
}

const A = article('seeds/a.txt', 'The harbour committee met on March 3, 2031 to discuss the pier.', '2031-03-04', 'a1');
const B = article('seeds/b.txt', 'The pier opened on Tuesday after two years of work.', '2031-06-12', 'b1');
const ref = (a: Article): ArticleRef => ({ source: a.source, sha256: a.sha256, metaSha256: null, date: a.meta.date });

describe('corpusEvents', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dossier-corpus-events-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('extracts what the cache lacks, then serves a reopened cache without reading anything', async () => {
    const file = path.join(dir, 'events.json');
    const reads: string[][] = [];
    const read = async (sources: ReadonlySet<string>) => {
      reads.push([...sources]);
      return [A, B].filter((a) => sources.has(a.source));
    };
    const cache = await EventCache.open(file);
    const first = await corpusEvents([ref(A), ref(B)], { read, cache });
    await cache.save(first.keys);
    expect(first.events.map((e) => e.date)).toEqual(['2031-03-03', '2031-06-10']);

    const second = await corpusEvents([ref(A), ref(B)], { read, cache: await EventCache.open(file) });
    expect(second.events).toEqual(first.events);
    expect(reads).toEqual([['seeds/a.txt', 'seeds/b.txt']]);
  });

  it('reads again an article whose file or sidecar changed, and only it', async () => {
    const file = path.join(dir, 'changed.json');
    const cache = await EventCache.open(file);
    const read = async (sources: ReadonlySet<string>) => [A, B].filter((a) => sources.has(a.source));
    await corpusEvents([ref(A), ref(B)], { read, cache });
    const reads: string[][] = [];
    await corpusEvents([ref(A), { ...ref(B), metaSha256: 'new sidecar' }], {
      read: async (sources) => {
        reads.push([...sources]);
        return read(sources);
      },
      cache,
    });
    expect(reads).toEqual([['seeds/b.txt']]);
  });

  it('does not cache what a file says now when it changed since it was indexed', async () => {
    const cache = await EventCache.open(path.join(dir, 'stale.json'));
    const edited = { ...B, sha256: 'b2' };
    await corpusEvents([ref(B)], { read: async () => [edited], cache });
    expect(cache.size).toBe(0);
  });

  it('keys an undated article by the corpus’s dates, which place its yearless dateline', async () => {
    const code = await extractionIdentity();
    expect(code).toMatch(/^[0-9a-f]{64}$/);
    const undated: ArticleRef = { source: 'seeds/c.txt', sha256: 'c1', metaSha256: null, date: null };
    expect(eventCacheKey(undated, '1', code)).not.toBe(eventCacheKey(undated, '2', code));
    expect(eventCacheKey(ref(A), '1', code)).toBe(eventCacheKey(ref(A), '2', code));
    expect(eventCacheKey(ref(A), '1', code)).not.toBe(eventCacheKey(ref(A), '1', 'other code'));
  });
});
