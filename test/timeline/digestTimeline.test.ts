import { describe, expect, it } from 'vitest';
import { digestNote, digestTimeline } from '../../src/timeline/digestTimeline.js';
import type { TimelineEvent } from '../../src/timeline/TimelineEvent.js';

/** An event on `date` told by `sources` articles. */
function event(date: string, sources: number, yearless = false): TimelineEvent {
  return {
    date,
    precision: 'day',
    yearless,
    kind: 'event',
    text: `Something happened on ${date}.`,
    actors: [],
    sources: Array.from({ length: sources }, (_, i) => ({ source: `seeds/${i}_${date}.txt`, title: null, publisher: null, date: null, quote: 'q', start: 0, end: 1 })),
  };
}

const PARAMS = { threshold: 5, keep: 3, maxYearRows: 3 };

describe('digestTimeline', () => {
  it('leaves a short timeline whole', () => {
    expect(digestTimeline({ events: [event('2031-01-01', 1), event('2031-02-01', 1)] }, PARAMS)).toBeUndefined();
  });

  it('keeps the events told by the most articles, oldest first, and counts the rest per year', () => {
    const events = [event('2029-01-01', 1), event('2029-03-01', 4), event('2030-05-01', 2), event('2030-06-01', 1), event('2031-01-01', 3), event('--02-02', 5, true)];
    const digest = digestTimeline({ events }, PARAMS);
    expect(digest?.timeline.events.map((e) => e.date)).toEqual(['2029-03-01', '2031-01-01', '--02-02']);
    expect(digest?.total).toBe(6);
    expect(digest?.periods).toEqual([
      { label: '2029', events: 2 },
      { label: '2030', events: 2 },
      { label: '2031', events: 1 },
      { label: 'year unknown', events: 1 },
    ]);
  });

  it('prefers a dated event to a year-less one equally reported', () => {
    const events = [event('2031-01-01', 2), event('--02-02', 2, true), event('2031-03-03', 2), event('2031-04-04', 2), event('2031-05-05', 1), event('2031-06-06', 1)];
    expect(digestTimeline({ events }, PARAMS)?.timeline.events.map((e) => e.date)).toEqual(['2031-01-01', '2031-03-03', '2031-04-04']);
  });

  it('counts per decade when the years are too many to list', () => {
    const events = ['1991', '1994', '2003', '2012', '2015', '2016'].map((y) => event(`${y}-01-01`, 1));
    expect(digestTimeline({ events }, PARAMS)?.periods).toEqual([
      { label: '1990s', events: 2 },
      { label: '2000s', events: 1 },
      { label: '2010s', events: 3 },
    ]);
  });

  it('says what was left out and how to see it', () => {
    const events = Array.from({ length: 6 }, (_, i) => event(`2031-0${i + 1}-01`, 1));
    const digest = digestTimeline({ events }, PARAMS);
    if (!digest) throw new Error('expected a digest');
    expect(digestNote(digest, 'Add --all.')).toBe('The 3 most-reported of 6 events (told by the most articles), oldest first. Add --all.\nEvents per period: 2031 6');
  });
});
