import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/ingest/Article.js';
import { readCorpus } from '../../src/ingest/readCorpus.js';
import { WordVectorEmbeddings } from '../../src/embeddings/WordVectorEmbeddings.js';
import { buildTimeline } from '../../src/timeline/buildTimeline.js';
import { scoreEventsLocally } from '../../src/timeline/scoreEventsLocally.js';
import type { TimelineEvent } from '../../src/timeline/TimelineEvent.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const S = (n: string): string =>
  ({
    '000': 'seeds/000_84132c475ac0a92d.txt',
    '001': 'seeds/001_85d2b148091b6640.txt',
    '002': 'seeds/002_5592039cb36a44e3.txt',
    '003': 'seeds/003_771a817d65f74398.txt',
    '004': 'seeds/004_577e0fed1c43110c.txt',
  })[n] ?? n;

let articles: Article[];
beforeAll(async () => {
  ({ articles } = await readCorpus(path.join(ROOT, 'seeds'), { root: ROOT, maxFileBytes: 5_000_000 }));
});

const brief = (e: TimelineEvent): { date: string; end?: string; precision: string; sources: string[] } => ({
  date: e.date,
  ...(e.end ? { end: e.end } : {}),
  precision: e.precision,
  sources: [...new Set(e.sources.map((s) => s.source))].sort(),
});

function article(source: string, raw: string, date: string | null): Article {
  return { source, sha256: '', raw, meta: { title: null, publisher: null, date, url: null, author: null }, body: [{ start: 0, end: raw.length }] };
}

describe('buildTimeline on the five real seeds', () => {
  it('gives the dated events oldest first, each with the articles that tell it (checked against the texts)', async () => {
    const { events } = await buildTimeline(articles);
    expect(events.map(brief)).toEqual([
      // 000: "The United States established diplomatic relations with Azerbaijan in 1992"
      { date: '1992', precision: 'year', sources: [S('000')] },
      // 000: "Washington, 17 May 2024(TDI): ... Hikmat Hajiyev, holds talks with ... John Bass" (dateline
      // = event date of the lead) and Bass's "Welcomed today ..." in the same article: one event.
      { date: '2024-05-17', precision: 'day', sources: [S('000')] },
      // 002 (18 June 2024): "strategic dialogue session held in Yerevan on June 12"
      { date: '2024-06-12', precision: 'day', sources: [S('002')] },
      // 002: "Mirzoyan met with ... Richard Verma on June 17"
      { date: '2024-06-17', precision: 'day', sources: [S('002')] },
      // 004: "visit to the United States on August 7-8, 2025" = 001: "the historic Washington meeting on August 8"
      { date: '2025-08-07', end: '2025-08-08', precision: 'day', sources: [S('001'), S('004')] },
      // 001 (November 2025): "The Deputy Secretary's visit to the region began on November 15."
      { date: '2025-11-15', precision: 'day', sources: [S('001')] },
      // 001: "information released by the Azerbaijani Ministry of Foreign Affairs on November 19"
      { date: '2025-11-19', precision: 'day', sources: [S('001')] },
    ]);
    expect(events[1]?.sources).toHaveLength(2);
    expect(events[1]?.text).toMatch(/^The presidential Assistant of Azerbaijan/); // dateline stripped from the line
    expect(events[3]?.text).toContain('Mirzoyan met with US Deputy Secretary of State');
    expect(events[4]?.text).toContain('Ilham Aliyev paid a significant visit to the United States on August 7-8, 2025');
    expect(events[4]?.actors).toEqual(expect.arrayContaining(['Ilham Aliyev', 'United States']));
    expect(events[0]?.actors).toEqual(expect.arrayContaining(['United States', 'Azerbaijan', 'Soviet Union']));
  });

  it('quotes every source verbatim, from the kept article text, in short readable lines', async () => {
    const { events } = await buildTimeline(articles);
    for (const e of events) {
      expect(e.text.length).toBeLessThanOrEqual(230);
      expect(e.text).not.toMatch(/\S…\S/); // no mid-word cut
      for (const s of e.sources) {
        const a = articles.find((x) => x.source === s.source);
        expect(a?.raw.slice(s.start, s.end)).toBe(s.quote);
        expect(a?.body.some((span) => span.start <= s.start && s.end <= span.end)).toBe(true);
        expect(s.date).toBe(a?.meta.date);
      }
    }
  });

  it('never dates an event from boilerplate, durations or counts', async () => {
    const { events } = await buildTimeline(articles);
    expect(events.filter((e) => e.date.startsWith('2024-07'))).toEqual([]); // 002's "14 July 2024 - 18:13" lists
    expect(events.flatMap((e) => e.sources).filter((s) => s.source === S('003'))).toEqual([]); // 003: "6 months", "1 year"
    expect(events.some((e) => /2030|1,564|COP29/.test(e.date))).toBe(false);
  });

  it.each<[string, { from?: string; to?: string; sources?: string[] }, string[]]>([
    ['from a year', { from: '2025' }, ['2025-08-07', '2025-11-15', '2025-11-19']],
    ['to a month (inclusive)', { to: '2024-06' }, ['1992', '2024-05-17', '2024-06-12', '2024-06-17']],
    ['a day window', { from: '2024-06-15', to: '2024-06-30' }, ['2024-06-17']],
    ['a range overlapping the window start', { from: '2025-08-08', to: '2025-08-31' }, ['2025-08-07']],
    ['a year overlapping a window', { from: '1992-05', to: '1992-06' }, ['1992']],
    ['one source by file name', { sources: ['002_5592039cb36a44e3.txt'] }, ['2024-06-12', '2024-06-17']],
    ['one source by path', { sources: [S('004')] }, ['2025-08-07']],
    ['an unknown source', { sources: ['nope.txt'] }, []],
  ])('filters: %s', async (_name, filter, dates) => {
    const { events } = await buildTimeline(articles, filter);
    expect(events.map((e) => e.date)).toEqual(dates);
  });

  it('keeps only the chosen sources on merged events when filtering by source', async () => {
    const { events } = await buildTimeline(articles, { sources: [S('004')] });
    expect(events[0]?.sources.map((s) => s.source)).toEqual([S('004')]);
  });

  describe('topic, ranked by retrieval with the real offline embeddings', () => {
    let embeddings: WordVectorEmbeddings;
    beforeAll(async () => {
      embeddings = await WordVectorEmbeddings.load({ cacheDir: path.join(ROOT, '.cache') });
    });

    it.each<[string, string[], string[]]>([
      ['Aliyev visit to Washington', ['2025-08-07'], ['1992', '2024-06-12']],
      ['Armenia US strategic dialogue', ['2024-06-12'], ['1992', '2025-11-15', '2025-11-19']],
      ['COP29', ['2024-05-17'], ['2025-08-07']],
      ['history of diplomatic relations', ['1992'], ['2025-11-15']],
    ])('%s', async (topic, kept, dropped) => {
      const { events } = await buildTimeline(articles, { topic, scoreEvents: scoreEventsLocally(embeddings) });
      const dates = events.map((e) => e.date);
      expect(dates).toEqual(expect.arrayContaining(kept));
      for (const d of dropped) expect(dates).not.toContain(d);
    });

    it('keeps nothing for a topic the articles never touch', async () => {
      const { events } = await buildTimeline(articles, { topic: 'basketball playoffs', scoreEvents: scoreEventsLocally(embeddings) });
      expect(events).toEqual([]);
    });
  });

  it('uses the engine’s scorer and threshold for topics', async () => {
    const seen: string[][] = [];
    const { events } = await buildTimeline(articles, {
      topic: 'anything',
      scoreEvents: (_topic, texts) => {
        seen.push(texts);
        return texts.map((t) => (t.includes('Yerevan') ? 1 : 0.1));
      },
    });
    expect(seen).toHaveLength(1);
    expect(events.map((e) => e.date)).toEqual(['2024-06-12']);
  });
});

describe('buildTimeline on synthetic articles', () => {
  it('puts year-less events last and never invents their year', async () => {
    const { events } = await buildTimeline([
      article('a.txt', 'The visit to the region began on November 15. Talks were held in Baku on March 3, 2021.', null),
    ]);
    expect(events.map((e) => [e.date, e.yearless])).toEqual([
      ['2021-03-03', false],
      ['--11-15', true],
    ]);
  });

  it('ignores timestamp lines that slipped past cleaning', async () => {
    const raw = 'Türkiye condemns violence against US presidential candidate\n\n14 July 2024 - 18:13\n\nPublished August 09, 2025 | 11:46 PM\n';
    const { events } = await buildTimeline([article('b.txt', raw, '2024-07-15')]);
    expect(events).toEqual([]);
  });

  it('does not date a weekday by a page date the rest of the corpus contradicts, but keeps what the text dates itself', async () => {
    const story = ['2031-07-19', '2031-07-20', '2031-08-04', '2031-09-10', '2031-10-02'].map((d, i) =>
      article(`s${i}.txt`, `The harbour board met again on ${d.slice(5)}-${d.slice(0, 4)}.`, d),
    );
    const stale = article('stale.txt', 'The award ceremony was held on Saturday in the old port. The port first opened on 3 May 2031.', '2020-08-24');
    const { events } = await buildTimeline([...story, stale]);
    const fromStale = events.filter((e) => e.sources.some((s) => s.source === 'stale.txt')).map((e) => e.date);
    expect(fromStale).toEqual(['2031-05-03']);
  });

  it('dates a weekday by a far page date the page itself attests (a follow-up story years later)', async () => {
    const story = ['2031-07-19', '2031-07-20', '2031-08-04', '2031-09-10', '2031-10-02'].map((d, i) =>
      article(`s${i}.txt`, `The harbour board met again on ${d.slice(5)}-${d.slice(0, 4)}.`, d),
    );
    const followUp = article('later.txt', 'Prosecutors closed the harbour case on Thursday without charges.', '2034-08-04');
    const attested = { ...followUp, meta: { ...followUp.meta, dateAttested: true } };
    const dates = async (a: Article) => (await buildTimeline([...story, a])).events.filter((e) => e.sources.some((x) => x.source === 'later.txt')).map((e) => e.date);
    // 4 August 2034 is a Friday: "on Thursday" is 3 August, when the page states its date itself.
    expect(await dates(attested)).toEqual(['2034-08-03']);
    expect(await dates(followUp)).toEqual([]);
  });

  it('drops year-less events when a date filter is given (they cannot be placed)', async () => {
    const { events } = await buildTimeline([article('a.txt', 'The visit began on November 15.', null)], { from: '2020' });
    expect(events).toEqual([]);
  });
});
