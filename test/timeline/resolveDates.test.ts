import { describe, expect, it } from 'vitest';
import { resolveDates } from '../../src/timeline/resolveDates.js';

type Expected = { date: string; end?: string; precision: 'day' | 'month' | 'year'; yearless?: boolean; dateline?: boolean };

const summary = (sentence: string, articleDate: string | null): Expected[] =>
  resolveDates(sentence, articleDate).map((m) => ({
    date: m.date,
    ...(m.end ? { end: m.end } : {}),
    precision: m.precision,
    ...(m.yearless ? { yearless: true } : {}),
    ...(m.dateline ? { dateline: true } : {}),
  }));

describe('resolveDates', () => {
  it.each<[string, string, string | null, Expected[]]>([
    ['absolute day', 'A trilateral summit was held on August 8, 2025 in Washington.', null, [{ date: '2025-08-08', precision: 'day' }]],
    ['day-month-year', 'The talks took place on 17 May 2024 at the State Department.', '2025-01-01', [{ date: '2024-05-17', precision: 'day' }]],
    ['year-less, day-precise article', 'Mirzoyan met Verma on June 17, marking a first visit.', '2024-06-18', [{ date: '2024-06-17', precision: 'day' }]],
    ['year-less, month-precise article, same month', "The Deputy Secretary's visit began on November 15.", '2025-11', [{ date: '2025-11-15', precision: 'day' }]],
    ['year-less, later month than article: last year', 'The fair opened on December 3.', '2024-06-18', [{ date: '2023-12-03', precision: 'day' }]],
    ['year-less, year-only article', 'Congress met on December 3.', '1861', [{ date: '1861-12-03', precision: 'day' }]],
    ['year told in words: last year', 'Customs suspended imports on August 24 last year.', '2031-09-10', [{ date: '2030-08-24', precision: 'day' }]],
    ['year told in words: of last year', 'The ferry was sold in March of last year.', '2031-09-10', [{ date: '2030-03', precision: 'month' }]],
    ['year told in words: this year', 'The pier reopened on May 3 this year.', '2031-09-10', [{ date: '2031-05-03', precision: 'day' }]],
    ['year-less, no article date: never guessed', 'The visit began on November 15.', null, [{ date: '--11-15', precision: 'day', yearless: true }]],
    ['year-less month, no article date', 'Elections are held in June.', null, [{ date: '--06', precision: 'month', yearless: true }]],
    ['day range', 'Aliyev visited the United States on August 7-8, 2025, marking a step.', null, [{ date: '2025-08-07', end: '2025-08-08', precision: 'day' }]],
    ['month range', 'Negotiations ran from March to May 2023.', null, [{ date: '2023-03', end: '2023-05', precision: 'month' }]],
    ['year range', 'The war lasted from 1861 to 1865.', null, [{ date: '1861', end: '1865', precision: 'year' }]],
    ['range across a year end', 'Talks ran December 30 - January 2.', '2025-03-01', [{ date: '2024-12-30', end: '2025-01-02', precision: 'day' }]],
    ['the part of a day before its date', 'The fire started on the afternoon of Friday, Feb. 2, near the reserve.', '2031-02-08', [{ date: '2031-02-02', precision: 'day' }]],
    ['the early morning of a date', 'Rescuers arrived in the early morning of May 3.', '2031-05-10', [{ date: '2031-05-03', precision: 'day' }]],
    ['year alone', 'The United States established diplomatic relations with Azerbaijan in 1992, following independence.', null, [{ date: '1992', precision: 'year' }]],
    ['year alone with since', 'The office has existed since 2008.', null, [{ date: '2008', precision: 'year' }]],
    ['month and year', 'The treaty was drafted in June 2024 in Yerevan.', null, [{ date: '2024-06', precision: 'month' }]],
    ['today with a day-precise article', '"Welcomed today Assistant to the President," Bass said.', '2024-05-17', [{ date: '2024-05-17', precision: 'day' }]],
    ['an anniversary: "a year ago today"', 'A year ago today, the last of the divers came out of the cave.', '2031-07-10', [{ date: '2030-07-10', precision: 'day' }]],
    ['an anniversary: "five years ago today"', 'Five years ago today, the ferry sank off Eastport.', '2031-07-10', [{ date: '2026-07-10', precision: 'day' }]],
    ['dateline is flagged', 'Washington, 17 May 2024(TDI): The presidential Assistant holds talks.', '2024-05-17', [{ date: '2024-05-17', precision: 'day', dateline: true }]],
    ['a day in brackets after a name is prose, not a dateline', 'Mayor Jane Sample on Monday (12 May) opened the bridge.', null, [{ date: '--05-12', precision: 'day', yearless: true }]],
    // A weekday in news copy is the latest such day on or before the article's date.
    ['weekday with a day-precise article', 'Delegations met in Ankara on Wednesday for border talks.', '2025-10-02', [{ date: '2025-10-01', precision: 'day' }]],
    ['weekday, same day as the article', 'The minister spoke on Thursday.', '2025-10-02', [{ date: '2025-10-02', precision: 'day' }]],
    ['the day named, the weekend not read as a second day', 'The bank agreed on Sunday to the deal, brokered over the weekend.', '2031-03-24', [{ date: '2031-03-23', precision: 'day' }]],
    [
      'wire dateline with a weekday: both, the dateline flagged',
      'ANKARA, October 2, 2025 — Delegations from Armenia and Azerbaijan met in Ankara on Wednesday.',
      '2025-10-02',
      [
        { date: '2025-10-02', precision: 'day', dateline: true },
        { date: '2025-10-01', precision: 'day' },
      ],
    ],
    [
      'dateline beside the event date',
      "BAKU (AZERBAIJAN), (APP - UrduPoint / Pakistan Point News - 9th Aug, 2025) Aliyev paid a visit to the United States on August 7-8, 2025.",
      '2025-08-09',
      [
        { date: '2025-08-09', precision: 'day', dateline: true },
        { date: '2025-08-07', end: '2025-08-08', precision: 'day' },
      ],
    ],
  ])('%s', (_name, sentence, articleDate, expected) => {
    expect(summary(sentence, articleDate)).toEqual(expected);
  });

  it.each<[string, string, string | null]>([
    ['duration in a table row', 'Joint Security Task Force | Enhanced border cooperation | 6 months', '2024-06-18'],
    ['duration: 1 year', 'Conflict Resolution Workshops | Improved dialogue mechanisms | 1 year', '2024-06-18'],
    ['duration: 3 months', 'Early Warning Systems | Rapid conflict detection | 3 months', null],
    ['count with a comma', 'Türkiye seizes 1,564 firearms in nationwide crackdown on illegal weapons', '2024-07-13'],
    ['name with digits', 'They discussed the upcoming COP29 summit in Baku.', '2024-05-17'],
    ['target year without a preposition', 'PM Kobakhidze sets 2030 goal for EU integration', null],
    ['a title ending in Today', 'The report appeared in (Eastport Today) and was shared widely.', '2024-06-18'],
    ['a paper called Today', 'USA Today ran the story first.', '2024-06-18'],
    ['time alone', 'The briefing starts at 5 pm.', '2024-06-18'],
    ['relative word without a known day', 'The minister recently met officials today.', '2024-06'],
    ['today without any article date', 'Welcomed today Assistant to the President.', null],
    ['weekday without a known day', 'Delegations met in Ankara on Wednesday.', '2025-10'],
    ['weekday without any article date', 'Delegations met in Ankara on Wednesday.', null],
    ['duration counted from the article date', 'The Civil War debt was paid within 23 years.', '1925'],
    ['offset from the article date', 'The treaty was signed two weeks ago.', '2024-06-18'],
    ['a decade is not a year', 'Prices fell in 1990s markets.', null],
    ['large number after in', 'Prices rose in 2,000 markets.', null],
  ])('no date: %s', (_name, sentence, articleDate) => {
    expect(resolveDates(sentence, articleDate)).toEqual([]);
  });

  it('never invents the current year for a year-less mention', () => {
    const thisYear = String(new Date().getUTCFullYear());
    for (const m of resolveDates('It happened on March 3 and on July 4.', null)) {
      expect(m.yearless).toBe(true);
      expect(m.date.startsWith(thisYear)).toBe(false);
    }
  });
});
