import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/timeline/TimelineEvent.js';
import { mergeEvents, relateDates } from '../../src/timeline/mergeEvents.js';

function ev(date: string, text: string, source: string, extra: Partial<TimelineEvent> = {}): TimelineEvent {
  const yearless = date.startsWith('--');
  const bare = yearless ? date.slice(2) : date;
  const precision = extra.precision ?? (bare.split('-').length === (yearless ? 2 : 3) ? 'day' : bare.split('-').length === (yearless ? 1 : 2) ? 'month' : 'year');
  return {
    date,
    precision,
    yearless,
    kind: 'event',
    text,
    actors: [],
    sources: [{ source, title: null, publisher: null, date: null, quote: text, start: 0, end: text.length }],
    ...extra,
  };
}

const AUG_004 = ev(
  '2025-08-07',
  "Azerbaijan's President Ilham Aliyev paid a significant visit to the United States on August 7-8, 2025, marking a crucial step in strengthening the country's strategic partnership with the US.",
  'seeds/004.txt',
  { end: '2025-08-08', actors: ['Ilham Aliyev', 'United States'] },
);
const AUG_001_TEXT =
  'The agreements reached during the historic Washington meeting on August 8 were recalled with satisfaction, and the importance of joint efforts toward the development of strategic partnership between the two countries was emphasized.';

describe('mergeEvents', () => {
  it.each<[string, TimelineEvent, TimelineEvent, boolean]>(([
    ['the Washington meeting (001, dated) and Aliyev’s visit (004)', ev('2025-08-08', AUG_001_TEXT, 'seeds/001.txt'), AUG_004, true],
    ['the Washington meeting (001, year-less) and Aliyev’s visit (004)', ev('--08-08', AUG_001_TEXT, 'seeds/001.txt'), AUG_004, true],
    [
      'same day, same talks told twice',
      ev('2024-05-17', 'Hikmat Hajiyev holds talks with John Bass on bilateral relations and COP29.', 'a.txt', { actors: ['Hikmat Hajiyev', 'John Bass'] }),
      ev('2024-05-17', 'John Bass welcomed Hikmat Hajiyev to discuss the bilateral partnership and COP29.', 'b.txt', { actors: ['John Bass', 'Hikmat Hajiyev'] }),
      true,
    ],
    [
      'a day inside the other’s month, same story',
      ev('2024-06-17', 'Mirzoyan met Verma in Yerevan to discuss the strategic partnership between Armenia and the United States.', 'a.txt'),
      ev('2024-06', 'In June, Mirzoyan and Verma discussed the Armenia–United States strategic partnership in Yerevan.', 'b.txt', { precision: 'month' }),
      true,
    ],
    [
      'distinct events on the same day',
      ev('2024-06-17', 'Mirzoyan met Verma in Yerevan to discuss the strategic partnership.', 'a.txt', { actors: ['Mirzoyan', 'Verma'] }),
      ev('2024-06-17', 'An earthquake struck northern Japan, damaging railway lines near Sendai.', 'b.txt', { actors: ['Japan', 'Sendai'] }),
      false,
    ],
    [
      'distinct events on the same day in the same country',
      ev('2024-07-13', 'Türkiye seized 1,564 firearms in a nationwide crackdown on illegal weapons.', 'a.txt', { actors: ['Türkiye'] }),
      ev('2024-07-13', 'Türkiye condemned violence against the US presidential candidate.', 'b.txt', { actors: ['Türkiye'] }),
      false,
    ],
    ['same words, different days', ev('2024-06-12', 'The strategic dialogue session was held in Yerevan.', 'a.txt'), ev('2024-06-17', 'The strategic dialogue session was held in Yerevan.', 'b.txt'), false],
    ['a day inside a whole year is not evidence', ev('1992', 'Diplomatic relations with Azerbaijan were established.', 'a.txt'), ev('1992-03-01', 'Diplomatic relations with Azerbaijan were established.', 'b.txt'), false],
    ['year-less month never pinned on a dated event', ev('--08', AUG_001_TEXT, 'a.txt'), AUG_004, false],
  ] as Array<[string, TimelineEvent, TimelineEvent, boolean]>).map(([name, a, b, merged]) => [`${name} → ${merged ? 'merged' : 'kept apart'}`, a, b, merged]))('%s', (_name, a, b, merged) => {
    const out = mergeEvents([a, b]);
    expect(out).toHaveLength(merged ? 1 : 2);
    if (merged) {
      const [event] = out;
      expect(event?.sources.map((s) => s.source).sort()).toEqual([...new Set([...a.sources, ...b.sources].map((s) => s.source))].sort());
    }
  });

  it('keeps the dated, most precise telling as the merged date', () => {
    const [merged] = mergeEvents([ev('--08-08', AUG_001_TEXT, 'seeds/001.txt'), AUG_004]);
    expect(merged).toMatchObject({ date: '2025-08-07', end: '2025-08-08', yearless: false, precision: 'day' });
    expect(merged?.actors).toEqual(['Ilham Aliyev', 'United States']);
  });

  it.each<[string, string, ReturnType<typeof relateDates>]>([
    ['2025-08-08', '2025-08-07', 'same'],
    ['2024-06-17', '2024-06', 'nested'],
    ['--08-08', '2025-08-07', 'yearless'],
    ['2024-06-17', '2024-06-18', 'none'],
    ['1992', '1992-05-01', 'none'],
  ])('relateDates(%s, %s) = %s', (a, b, relation) => {
    const ea = ev(a, 'x', 'a.txt');
    const eb = ev(b, 'x', 'b.txt', b === '2025-08-07' ? { end: '2025-08-08' } : {});
    expect(relateDates(ea, eb)).toBe(relation);
  });
});
