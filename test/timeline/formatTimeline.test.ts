import { describe, expect, it } from 'vitest';
import { formatEventDate, formatTimeline, sourceTags, toTimelineJson } from '../../src/timeline/formatTimeline.js';
import type { TimelineEvent } from '../../src/timeline/TimelineEvent.js';

function ev(date: string, text: string, sources: string[], extra: Partial<TimelineEvent> = {}): TimelineEvent {
  return {
    date,
    precision: 'day',
    yearless: false,
    kind: 'event',
    text,
    actors: [],
    sources: sources.map((source) => ({ source, title: `Title of ${source}`, publisher: null, date: null, quote: `${text} (quoted)`, start: 1, end: 9 })),
    ...extra,
  };
}

describe('formatTimeline', () => {
  it.each<[Pick<TimelineEvent, 'date' | 'end' | 'precision' | 'yearless'>, string]>([
    [{ date: '2024-06-17', precision: 'day', yearless: false }, '17 Jun 2024'],
    [{ date: '2025-11', precision: 'month', yearless: false }, 'Nov 2025'],
    [{ date: '1992', precision: 'year', yearless: false }, '1992'],
    [{ date: '2025-08-07', end: '2025-08-08', precision: 'day', yearless: false }, '7–8 Aug 2025'],
    [{ date: '2024-12-30', end: '2025-01-02', precision: 'day', yearless: false }, '30 Dec 2024 – 2 Jan 2025'],
    [{ date: '2023-03', end: '2023-05', precision: 'month', yearless: false }, 'Mar – May 2023'],
    [{ date: '1861', end: '1865', precision: 'year', yearless: false }, '1861–1865'],
    [{ date: '--11-15', precision: 'day', yearless: true }, '15 Nov (year unknown)'],
  ])('formatEventDate(%j) = %s', (e, label) => {
    expect(formatEventDate(e)).toBe(label);
  });

  it('prints one line per event under year headings, year-less last, with source tags and a legend', () => {
    const text = formatTimeline({
      events: [
        ev('1992', 'Relations established.', ['seeds/000_a.txt'], { precision: 'year' }),
        ev('2024-06-17', 'Mirzoyan met Verma.', ['seeds/002_b.txt']),
        ev('2025-08-07', 'Aliyev visited Washington.', ['seeds/004_d.txt', 'seeds/001_c.txt'], { end: '2025-08-08' }),
        ev('--11-15', 'The visit began.', ['seeds/001_c.txt'], { yearless: true }),
      ],
    });
    expect(text.split('\n')).toEqual([
      '── 1992 ──',
      '1992 — Relations established. [000]',
      '',
      '── 2024 ──',
      '17 Jun 2024 — Mirzoyan met Verma. [002]',
      '',
      '── 2025 ──',
      '7–8 Aug 2025 — Aliyev visited Washington. [001, 004]',
      '',
      '── Year unknown ──',
      '15 Nov (year unknown) — The visit began. [001]',
      '',
      'Sources:',
      '[000] seeds/000_a.txt — Title of seeds/000_a.txt',
      '[001] seeds/001_c.txt — Title of seeds/001_c.txt',
      '[002] seeds/002_b.txt — Title of seeds/002_b.txt',
      '[004] seeds/004_d.txt — Title of seeds/004_d.txt',
    ]);
  });

  it('says so when there are no events', () => {
    expect(formatTimeline({ events: [] })).toBe('No dated events found.');
  });

  it('falls back to file names when numeric prefixes collide', () => {
    expect([...sourceTags(['a/1861_lincoln.txt', 'b/1861_lincoln_2.txt', 'c/report.md']).values()]).toEqual(['1861_lincoln', '1861_lincoln_2', 'report']);
  });

  it('toTimelineJson gives dates, text, project-relative sources and the verbatim quotes', () => {
    const json = toTimelineJson(
      {
        events: [
          ev('2025-08-07', 'Aliyev visited.', ['/proj/seeds/004_d.txt', '/proj/seeds/001_c.txt'], {
            end: '2025-08-08',
            actors: ['Ilham Aliyev'],
            reading: "\"Thursday\" read against the article's date 2025-08-08",
          }),
        ],
      },
      '/proj',
    );
    expect(json).toEqual({
      events: [
        {
          date: '2025-08-07',
          end: '2025-08-08',
          precision: 'day',
          yearless: false,
          kind: 'event',
          reading: "\"Thursday\" read against the article's date 2025-08-08",
          text: 'Aliyev visited.',
          actors: ['Ilham Aliyev'],
          sources: ['seeds/004_d.txt', 'seeds/001_c.txt'],
          quotes: [
            { source: 'seeds/004_d.txt', quote: 'Aliyev visited. (quoted)', start: 1, end: 9 },
            { source: 'seeds/001_c.txt', quote: 'Aliyev visited. (quoted)', start: 1, end: 9 },
          ],
        },
      ],
    });
  });
});
