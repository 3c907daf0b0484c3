import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/ingest/Article.js';
import { cleanArticle } from '../../src/ingest/cleanArticle.js';
import { extractArticleEvents, isTimestampLine } from '../../src/timeline/extractEvents.js';

function article(raw: string, date: string | null): Article {
  return { source: 'x/a.txt', sha256: '', raw, meta: { title: 'T', publisher: 'P', date, url: null, author: null }, body: [{ start: 0, end: raw.length }] };
}

describe('extractEvents', () => {
  it.each<[string, boolean]>([
    ['14 July 2024 - 18:13', true],
    ['Published August 09, 2025 | 11:46 PM', true],
    ['REGION  18 June 2024 - 09:21', true],
    ['The summit opened on 14 July 2024 at 18:13 with a speech by the president.', false],
    ['Mirzoyan met Verma on June 17.', false],
  ])('isTimestampLine(%j) = %s', (line, expected) => {
    expect(isTimestampLine(line)).toBe(expected);
  });

  it('dates the lead sentence by its dateline, and shows it without the dateline', () => {
    const raw = 'Washington, 17 May 2024(TDI): The presidential Assistant of Azerbaijan holds talks with John Bass in the State Department.';
    const [event, ...rest] = extractArticleEvents(article(raw, '2024-05-17'));
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ date: '2024-05-17', precision: 'day', yearless: false });
    expect(event?.text).toBe('The presidential Assistant of Azerbaijan holds talks with John Bass in the State Department.');
    expect(event?.sources[0]).toEqual({ source: 'x/a.txt', title: 'T', publisher: 'P', date: '2024-05-17', quote: raw, start: 0, end: raw.length });
  });

  it('reads the days of a chronology in the year its section heading states, not the article\'s', () => {
    const raw = 'A year since the harbour fire\n\nSunday marks one year since the fire. Here are the key moments.\n\n2030\n\nFeb. 2 (Saturday) - Fire breaks out in the dock warehouses.\n\nFeb. 3 - The mayor confirms twelve deaths.\n\n2031\n\nFeb. 2 - First anniversary.\n';
    const dated = { ...article(raw, '2031-02-01'), ...cleanArticle(raw) };
    const days = extractArticleEvents(dated).map((e) => [e.date, e.text.slice(0, 25)]);
    expect(days).toContainEqual(['2030-02-02', 'Fire breaks out in the do']);
    expect(days).toContainEqual(['2030-02-03', 'Feb. 3 - The mayor confir']);
    expect(days).toContainEqual(['2031-02-02', 'Feb. 2 - First anniversar']);
    expect(days.map(([d]) => d)).not.toContain('2031-02-03');
  });

  describe('a lead dated only by its dateline (LEAD_RETOLD_DAYS)', () => {
    const dated = (raw: string, date: string): Article => ({ ...article(raw, date), ...cleanArticle(raw) });
    const lead = 'Jan. 23 (UPI) -- A man is in police custody after attacking a group of walkers in a city park, injuring two people.';

    it.each<[string, string, string[]]>([
      ['is told again the day before by the next sentence: only that day', 'The attack happened shortly before noon on Wednesday near the lake, police said.', ['2031-01-22']],
      ['is followed by a sentence dated a week earlier: the dateline day stands', 'A similar attack happened on Jan. 16 near the lake, police said.', ['2031-01-16', '2031-01-23']],
      ['is followed by a sentence without a date: the dateline day stands', 'Police said the man was known to them and had been treated in hospital.', ['2031-01-23']],
    ])('%s', (_, next, days) => {
      const raw = `Two hurt in park attack\n\n${lead}\n\n${next}\n`;
      // 23 January 2031 is a Thursday: "Wednesday" is the 22nd.
      expect(extractArticleEvents(dated(raw, '2031-01-23')).map((e) => e.date).sort()).toEqual(days);
    });
  });

  it('prefers the event date over a dateline in the same sentence', () => {
    const raw =
      "BAKU (AZERBAIJAN), (APP - UrduPoint / Pakistan Point News - 9th Aug, 2025) Azerbaijan's President Ilham Aliyev paid a significant visit to the United States on August 7-8, 2025.";
    const events = extractArticleEvents(article(raw, '2025-08-09'));
    expect(events.map((e) => [e.date, e.end])).toEqual([['2025-08-07', '2025-08-08']]);
    expect(events[0]?.text.startsWith("Azerbaijan's President Ilham Aliyev")).toBe(true);
    expect(events[0]?.actors).toEqual(expect.arrayContaining(['Ilham Aliyev', 'United States']));
  });

  it('makes one event per date of a sentence, and skips sentences with none', () => {
    const raw = 'The session was held on June 12. Talks went well. Mirzoyan met Verma on June 17 after the dialogue of June 12.';
    const events = extractArticleEvents(article(raw, '2024-06-18'));
    expect(events.map((e) => [e.date, raw.slice(e.sources[0]?.start, e.sources[0]?.end)])).toEqual([
      ['2024-06-12', 'The session was held on June 12.'],
      ['2024-06-17', 'Mirzoyan met Verma on June 17 after the dialogue of June 12.'],
      ['2024-06-12', 'Mirzoyan met Verma on June 17 after the dialogue of June 12.'],
    ]);
  });

  it('only reads the kept body spans', () => {
    const raw = 'Menu 14 July 2024\n\nThe visit began on November 15.\n\nRead also: summit on 13 July 2024 in Tbilisi ended.';
    const a = article(raw, '2025-11');
    a.body = [{ start: raw.indexOf('The visit'), end: raw.indexOf('Read also') - 2 }];
    expect(extractArticleEvents(a).map((e) => e.date)).toEqual(['2025-11-15']);
  });

  it('leaves actors empty when asked to (they are named later, for kept events only)', () => {
    const events = extractArticleEvents(article('Ilham Aliyev visited Washington on August 8, 2025.', null), { actors: false });
    expect(events[0]?.actors).toEqual([]);
  });
});
