import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/ingest/cleanArticle.js';
import { linesBetween, readText } from './seedFixtures.js';

function clean(file: string) {
  const raw = readText(file);
  const { body, removed } = cleanArticle(raw);
  const kept = body.map((s) => raw.slice(s.start, s.end));
  return { raw, body, removed, kept, keptText: kept.join('\n') };
}

interface Case {
  file: string;
  /** Every non-blank line from `from` to `to` must be kept, except lines containing an `except` string. */
  article: { from: string; to: string; except?: string[] };
  gone: string[];
  /** A line that must appear exactly this many times in the body. */
  once?: string[];
  /** The dateline that opens the article: cut from the first kept line and reported as furniture. */
  dateline?: string;
}

const cases: Case[] = [
  {
    file: 'seeds/000_84132c475ac0a92d.txt',
    article: { from: 'Washington, 17 May 2024(TDI)', to: 'US Government assistance to Azerbaijan', except: ['Also read:'] },
    dateline: 'Washington, 17 May 2024(TDI): ',
    gone: [
      'HomeWorldAmericas',
      'Presidential Assistant of Azerbaijan holds talks in USA',
      'Also read: Azerbaijan and US discuss bilateral relations',
      'Muhammad Zubair',
      'The author is a seasoned content writer',
      'Follow us',
      '4,846FansLike',
      '2,669FollowersFollow',
      '1,690SubscribersSubscribe',
      'Most Popular',
      'LATEST POSTS',
    ],
  },
  {
    file: 'seeds/001_85d2b148091b6640.txt',
    article: { from: 'U.S. Deputy Secretary of State', to: 'creates new prospects for opening the South Caucasus' },
    gone: [],
  },
  {
    file: 'seeds/002_5592039cb36a44e3.txt',
    article: { from: 'Armenian Foreign Minister Ararat Mirzoyan met', to: '"Crossroads of Peace" project initiated by Armenia' },
    gone: [
      'Armenian, US officials discuss expanding strategic partnership',
      '18 June 2024 - 09:21',
      'Subscribe to our Telegram channel',
      'Read also',
      'Latest news',
      'Malayan tiger conservation at risk',
      'Deaths spark national concern',
      '14 July 2024 - 18:13',
      'Bullet pierces Trump',
      'All news',
    ],
  },
  {
    file: 'seeds/003_771a817d65f74398.txt',
    article: { from: 'Baku – Azerbaijan’s Foreign Minister recently', to: 'Observers will be watching closely' },
    gone: [],
  },
  {
    file: 'seeds/004_577e0fed1c43110c.txt',
    article: { from: 'BAKU (AZERBAIJAN), (APP - UrduPoint', to: 'closure of the Minsk Process' },
    dateline: 'BAKU (AZERBAIJAN), (APP - UrduPoint / Pakistan Point News - 9th Aug, 2025) ',
    gone: [
      'Open Menu',
      'date 2025-08-09',
      'Azerbaijan, US Strengthen Ties, Advance Peace Process With Armenia',
      'Azerbaijan, US strengthen ties, advance peace process with Armenia',
      'Sumaira FH Published August 09, 2025 | 11:46 PM',
    ],
    // The summary under the headline is repeated as the lead paragraph: it must appear once.
    once: ["Azerbaijan's President Ilham Aliyev paid a significant visit to the United States on August 7-8, 2025"],
  },
];

describe('cleanArticle on the seeds', () => {
  it.each(cases)('$file keeps the whole article, without its opening dateline', ({ file, article, dateline }) => {
    const { raw, kept } = clean(file);
    const expected = linesBetween(raw, article.from, article.to).filter(
      (line) => !(article.except ?? []).some((e) => line.includes(e)),
    );
    if (dateline) expected[0] = (expected[0] ?? '').replace(dateline, '');
    expect(kept).toEqual(expected);
    const { furniture } = cleanArticle(raw);
    expect(furniture.map((f) => raw.slice(f.start, f.end))).toEqual(dateline ? [dateline] : []);
  });

  it.each(cases)('$file drops the page furniture', ({ file, gone }) => {
    const { keptText } = clean(file);
    for (const text of gone) expect(keptText).not.toContain(text);
  });

  it.each(cases.filter((c) => c.once))('$file keeps a repeated summary once', ({ file, once }) => {
    const { keptText } = clean(file);
    for (const text of once ?? []) expect(keptText.split(text).length - 1).toBe(1);
  });

  it('keeps the bullet lists and tables of seed 003', () => {
    const { keptText } = clean('seeds/003_771a817d65f74398.txt');
    expect(keptText).toContain('- Promoting peacebuilding initiatives in contested zones');
    expect(keptText).toContain('Focus Area | Priority Actions | Expected Outcomes |');
    expect(keptText).toContain('Early Warning Systems | Rapid conflict detection | 3 months |');
    expect(keptText).toContain('Recommendations Emphasize Enhanced Cooperation and Conflict Resolution Mechanisms');
  });

  it.each(cases)('$file: body and removed are disjoint, ordered, exact spans', ({ file }) => {
    const { raw, body, removed } = clean(file);
    const all = [...body, ...removed].sort((a, b) => a.start - b.start);
    for (let i = 1; i < all.length; i++) expect(all[i]!.start).toBeGreaterThanOrEqual(all[i - 1]!.end);
    for (let i = 1; i < body.length; i++) expect(body[i]!.start).toBeGreaterThan(body[i - 1]!.end);
    // Everything not covered by a span is whitespace: no text is silently lost.
    let rest = raw;
    for (const s of [...all].reverse()) rest = rest.slice(0, s.start) + rest.slice(s.end);
    expect(rest.trim()).toBe('');
  });
});

describe('cleanArticle generalises beyond the seeds', () => {
  it('cleans another site with CRLF line endings and a "Related news" ticker', () => {
    const { raw, kept, keptText } = clean('test/fixtures/ingest/other-site-crlf.txt');
    expect(raw).toContain('\r\n');
    expect(kept).toEqual([
      'European Union energy ministers on Monday approved a package of measures to cut gas demand by 15% over the winter.',
      'The package, which still needs approval from the European Parliament, was backed by 25 of the 27 member states.',
      'Diplomats said Hungary and Slovakia abstained. "This is a good day for Europe," said Mr. Kim, the Dutch minister, adding that storage was at 92.5 percent.',
    ]);
    expect(keptText).not.toContain('\r');
  });

  it('joins hard-wrapped lines, keeps headings and bullets, drops front matter, ticker and footer', () => {
    const { kept, keptText } = clean('test/fixtures/ingest/wrapped-front-matter.md');
    expect(kept[0]).toBe(
      'Negotiators from both countries met in Geneva on Friday for a\nthird round of talks, officials said. The talks are expected to\nlast two days.',
    );
    expect(kept.slice(1)).toEqual([
      '## Background',
      'The previous round ended without agreement:',
      '- a ceasefire line was discussed',
      '- prisoner exchanges were postponed',
    ]);
    for (const gone of ['title:', 'tags:', '# Talks resume', 'Stocks rally', 'Jul 14, 2024', 'Share this article', '©']) {
      expect(keptText).not.toContain(gone);
    }
  });

  it.each([
    ['a lone timestamp-free headline list is kept as text', 'Intro paragraph that is long enough to count as prose text here.\n\nShort line one\nShort line two', 3],
    ['a ticker between paragraphs is removed', 'First paragraph of the story, long enough to be prose text.\n\nHeadline A\n3 May 2025 - 10:00\nHeadline B\n3 May 2025 - 09:00\n\nSecond paragraph of the story, also long enough to be prose.', 2],
    ['a prose paragraph after "Read also" keeps the article going', 'First paragraph of the story, long enough to be prose text.\n\nRead also\n\nSecond paragraph of the story, also long enough to be prose.', 2],
    ['a mid-article "Related" sidebar goes up to the next paragraph', 'First paragraph of the story, long enough to be prose text.\n\nRelated\nMinisters meet in Baku\nTalks resume in Geneva\n\nSecond paragraph of the story, also long enough to be prose.', 2],
    ['a bulleted "Read also" list of headlines goes with its heading', 'First paragraph of the story, long enough to be prose text.\n\nRead also\n- Sea wall repairs delayed again\n- Island school to stay open\n\nSecond paragraph of the story, also long enough to be prose.', 2],
    ['a short opening sentence is not taken for a headline', 'Talks collapsed.\nNegotiators left Geneva on Friday without agreeing on a date to meet again.', 2],
    ['headlines dated at the end of the line, under "Read Next", are removed', 'First paragraph of the story, long enough to be prose text.\n\nRead Next\nHarbour rents flatten after two-year climb (Mar 21, 2031)\nOffice tower sells for $60M (03/24/2031)\nBoard approves new signage rule - 12/20/2030', 1],
    ['a dated headline list without a heading is removed too', 'First paragraph of the story, long enough to be prose text.\n\nBoard approves new signage rule - 12/20/2030\nQuarterly profile released - 02/28/2031\n\nSecond paragraph of the story, also long enough to be prose.', 2],
    ['headlines dated without a year, in parentheses, are removed', 'First paragraph of the story, long enough to be prose text.\n\nMost Read\nFerry orders rebound in February (March 10)\nHarbour operator to cut routes (March 12)\n\nSecond paragraph of the story, also long enough to be prose.', 2],
    ['an "Other news" list of headlines dated first goes with its heading', 'First paragraph of the story, long enough to be prose text.\n\nOther news\n23 June 2031  Mayor met the harbour board\n22 June 2031  Ferry fares frozen\n\n© Eastport Press, 2031', 1],
    ['a "Related reading" list of headlines dated by month goes with its heading', 'First paragraph of the story, long enough to be prose text.\n\nRelated reading\n- Harbour review published\n- Ferry fares hit a two-year high (January 2031)\n\nSecond paragraph of the story, also long enough to be prose.', 2],
    ['a bracketed "[Related]" heading and headlines dated after a column gap are removed', 'First paragraph of the story, long enough to be prose text.\n\n[Related]\nPort releases cargo data for August   2031-09-10\nHoliday ferry travel peaks   2031-09-17\n\nSecond paragraph of the story, also long enough to be prose.', 2],
    ['a headline dated with dots under "More on this topic" is removed', 'First paragraph of the story, long enough to be prose text.\n\nMore on this topic\n- Ferry fares stay high despite new routes (12.08.2031)\n\nSecond paragraph of the story, also long enough to be prose.', 2],
    ['a bulleted sentence of the article ending in a month and year is kept', 'First paragraph of the story, long enough to be prose text.\n\n- The ferry was withdrawn from service (January 2031).', 2],
    ['a "Next gallery:" link is removed', 'First paragraph of the story, long enough to be prose text.\n\nNext gallery: The week in pictures, July 2-8', 1],
    ['a line of topic tags is removed', 'First paragraph of the story, long enough to be prose text.\n\nTags: Sample Star ferry, St. Mary\'s, Coast Guard', 1],
    ['a reading-time line is removed', 'First paragraph of the story, long enough to be prose text.\n\n3 min read | 120 Shares', 1],
    ['a sentence that opens with "Topics" is kept', 'First paragraph of the story, long enough to be prose text.\n\nTopics: the council will discuss the harbour and the ferry. It meets on Monday.', 2],
    ['a social counter is removed', 'First paragraph of the story, long enough to be prose text.\n\n12.5KFollowersFollow', 1],
    ['a share bar is removed', 'First paragraph of the story, long enough to be prose text.\n\nShare 1.2K | Tweet | Email\n\nSecond paragraph of the story, also long enough to be prose.', 2],
    ['a sentence that opens with "Share" is kept', 'First paragraph of the story, long enough to be prose text.\n\nShare prices fell 4% on Monday | analysts said the fall would last.', 2],
    ['an author bio under a byline is removed', 'First paragraph of the story, long enough to be prose text.\n\nJane Roe\nThe writer is a correspondent based in Tbilisi.', 1],
  ])('%s', (_name, raw, keptCount) => {
    expect(cleanArticle(raw).body).toHaveLength(keptCount);
  });

  it('returns nothing for a page that is only furniture', () => {
    expect(cleanArticle('Home\nOpen Menu\n-\nFollow us\n4,846FansLike\n').body).toEqual([]);
  });
});
