import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventCache } from '../../src/store/EventCache.js';
import type { TimelineEvent } from '../../src/timeline/TimelineEvent.js';

const event = (date: string, quote: string): TimelineEvent => ({
  date,
  precision: 'day',
  yearless: false,
  kind: 'event',
  text: quote,
  actors: [],
  sources: [{ source: 'seeds/a.txt', title: 'T', publisher: null, date: null, quote, start: 0, end: quote.length }],
});

describe('EventCache', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dossier-event-cache-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('keeps events and the actors of their quotes across a save and a reopen', async () => {
    const file = path.join(dir, 'roundtrip.json');
    const cache = await EventCache.open(file);
    cache.set('k1', [event('2031-03-03', 'The committee met on March 3, 2031.')]);
    cache.rememberActors('The committee met on March 3, 2031.', ['Harbour Committee']);
    await cache.save(new Set(['k1']));
    const again = await EventCache.open(file);
    expect(again.get('k1')).toEqual([event('2031-03-03', 'The committee met on March 3, 2031.')]);
    expect(again.actorsOf('The committee met on March 3, 2031.')).toEqual(['Harbour Committee']);
    expect(again.actorsOf('Another sentence.')).toBeUndefined();
  });

  it('drops entries no longer served, and the actors of their quotes', async () => {
    const file = path.join(dir, 'prune.json');
    const cache = await EventCache.open(file);
    cache.set('kept', [event('2031-03-03', 'Kept sentence.')]);
    cache.set('gone', [event('2031-04-04', 'Gone sentence.')]);
    cache.rememberActors('Kept sentence.', ['A']);
    cache.rememberActors('Gone sentence.', ['B']);
    await cache.save(new Set(['kept']));
    const again = await EventCache.open(file);
    expect([again.size, again.get('gone'), again.actorsOf('Gone sentence.'), again.actorsOf('Kept sentence.')]).toEqual([1, undefined, undefined, ['A']]);
  });

  it.each([
    ['missing', null],
    ['not JSON', '{"format":1,'],
    ['another format', '{"format":0,"entries":{},"actors":{}}'],
    ['events of the wrong shape', '{"format":1,"entries":{"k":[{"date":"2031"}]},"actors":{}}'],
  ])('is empty when the file is %s', async (name, text) => {
    const file = path.join(dir, `${name.replace(/\W/g, '-')}.json`);
    if (text !== null) await writeFile(file, text);
    expect((await EventCache.open(file)).size).toBe(0);
  });

  it('does not write when nothing changed, and throws what the file system throws', async () => {
    const file = path.join(dir, 'unchanged.json');
    const cache = await EventCache.open(file);
    await cache.save(new Set());
    await expect(readFile(file)).rejects.toMatchObject({ code: 'ENOENT' });
    const nowhere = await EventCache.open(path.join(dir, 'no-such-dir', 'cache.json'));
    nowhere.set('k', []);
    await expect(nowhere.save(new Set(['k']))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
