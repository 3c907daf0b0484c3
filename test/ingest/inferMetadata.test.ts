import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../src/ingest/Article.js';
import { cleanArticle } from '../../src/ingest/cleanArticle.js';
import { datelineLead, datelinePlaceOf, inferMetadata, toIsoDate } from '../../src/ingest/inferMetadata.js';
import { readText } from './seedFixtures.js';

function infer(raw: string): ArticleMeta {
  return inferMetadata(raw, cleanArticle(raw));
}

const PARAGRAPH = 'Officials from both countries met on Tuesday to discuss the peace process and regional trade.';

describe('toIsoDate', () => {
  it.each([
    ['17 May 2024', '2024-05-17'],
    ['REGION\u00a0\u00a018 June 2024 - 09:21', '2024-06-18'],
    ['Sumaira FH Published August 09, 2025 | 11:46 PM', '2025-08-09'],
    [' date 2025-08-09 Open Menu', '2025-08-09'],
    ['(APP - UrduPoint / Pakistan Point News - 9th Aug, 2025)', '2025-08-09'],
    ['March 2024', '2024-03'],
    ['Updated: Jul 14, 2024 12:03 GMT', '2024-07-14'],
    // No year stated: never guessed.
    ['on November 19', null],
    ['2 hours ago', null],
    ['no date here', null],
  ])('%j -> %j', (text, expected) => {
    expect(toIsoDate(text)).toBe(expected);
  });
});

describe('datelineLead', () => {
  it.each([
    ['Washington, 17 May 2024(TDI): The presidential Assistant met.', 'Washington, 17 May 2024(TDI)'],
    ['BAKU (AZERBAIJAN), (APP - UrduPoint / Pakistan Point News - 9th Aug, 2025) Azerbaijan’s President', 'BAKU (AZERBAIJAN), (APP - UrduPoint / Pakistan Point News - 9th Aug, 2025)'],
    ['LONDON, March 3 (Reuters): Britain said', 'LONDON, March 3 (Reuters)'],
    ['Armenian Foreign Minister Ararat Mirzoyan met with US Deputy Secretary of State on June 17, marking the first visit.', null],
    ['ANKARA, October 2, 2025 — Delegations from Armenia and Azerbaijan met in Ankara.', 'ANKARA, October 2, 2025'],
    ['LONDON (Reuters) - Britain said on Monday it would act.', 'LONDON (Reuters)'],
    ['YEREVAN, Oct 2 – “We are ready,” the minister said.', 'YEREVAN, Oct 2'],
    // A dash inside a sentence is no dateline; nor one inside the parentheses of an agency credit.
    ['Armenia, Azerbaijan and the US - the three signatories - met again.', null],
    ['Armenia, Azerbaijan and the US - The three signatories met again.', null],
  ])('%j -> %j', (paragraph, expected) => {
    expect(datelineLead(paragraph)).toBe(expected);
  });
});

describe('datelinePlaceOf', () => {
  it.each<[string, string | null]>([
    ['EASTPORT, Feb 7 (Reuters) -', 'Eastport'],
    ['Northtown, April 24:', 'Northtown'],
    ['NEW EASTPORT (AP) — ', 'New Eastport'],
    ['ST. EASTPORT, Mo. — ', 'St. Eastport'],
    ['THE HAGUE, May 1 -', 'The Hague'],
    // A date, an agency, a byline, a company with its ticker, a transcript's speaker.
    ['Jan. 23 (UPI) --', null],
    ['AP — ', null],
    ['By Jane Roe, ', null],
    ['Eastport Freight (NYSE: EFR) shares', null],
    ['The Chair: ', null],
  ])('%s -> %s', (lead, place) => {
    expect(datelinePlaceOf(lead)).toBe(place);
  });
});

describe('inferMetadata on datelines and attributions', () => {
  it.each<[string, string, Partial<ArticleMeta>]>([
    ['acronym expanded from the bio', `Washington, 17 May 2024(TDI): ${PARAGRAPH}\n\nThe author writes for The Diplomatic Insight Magazine and others.`, { publisher: 'The Diplomatic Insight', date: '2024-05-17' }],
    ['acronym never expanded: no publisher', `Washington, 17 May 2024(TDI): ${PARAGRAPH}`, { publisher: null, date: '2024-05-17' }],
    ['agency then outlet', `BAKU (AZERBAIJAN), (APP - UrduPoint / Pakistan Point News - 9th Aug, 2025) ${PARAGRAPH}`, { publisher: 'UrduPoint', date: '2025-08-09' }],
    ['outlet reporting', `${PARAGRAPH}\n\nThe talks went well, Caliber.Az reports citing Armenian media.`, { publisher: 'Caliber.Az' }],
    ['a source merely cited is not the publisher', `${PARAGRAPH} The talks, highlighted by Apa.az, went well.`, { publisher: null }],
    ['headline then dateline', `Officials discuss peace\n\n    REGION  18 June 2024 - 09:21\n\n    ${PARAGRAPH}`, { title: 'Officials discuss peace', date: '2024-06-18' }],
    ['byline with Published', `Talks resume\n\nSumaira FH Published August 09, 2025 | 11:46 PM\n\n${PARAGRAPH}`, { title: 'Talks resume', author: 'Sumaira FH', date: '2025-08-09' }],
    ['By-line', `Talks resume\nBy Jane Doe | Updated: 3 March 2025, 10:15\n\n${PARAGRAPH}`, { author: 'Jane Doe', date: '2025-03-03' }],
    ['bio name', `${PARAGRAPH}\n\nJane Roe\nThe author is a correspondent.`, { author: 'Jane Roe' }],
    ['URL line', `URL: https://example.com/news/1\n\n${PARAGRAPH}`, { url: 'https://example.com/news/1' }],
    ['canonical link', `${PARAGRAPH}\n<link rel="canonical" href="https://example.org/a">`, { url: 'https://example.org/a' }],
    ['breadcrumb is not the title', `News > World > Europe\nEU backs package\n\n${PARAGRAPH}`, { title: 'EU backs package' }],
    ['a date inside the story is not the publication date', `${PARAGRAPH} The summit was held on 8 August 2025.`, { date: null }],
    ['a headline may be a question', `Is peace near?\n\n${PARAGRAPH}`, { title: 'Is peace near?' }],
    ['markdown heading title', `# Talks resume in Geneva\n\n${PARAGRAPH}`, { title: 'Talks resume in Geneva' }],
  ])('%s', (_name, raw, expected) => {
    expect(infer(raw)).toMatchObject(expected);
  });
});

describe('inferMetadata: a page stamp the page contradicts', () => {
  it.each<[string, string, string]>([
    // The page's own dateline gives another year: the stamp is wrong, and the page's words date it.
    ['another year in the dateline', `Eastport Review\nHome\nPolitics\n\n date 2019-08-04\n\nTalks resume in Eastport\n\nEASTPORT, Aug. 4, 2031 — ${PARAGRAPH}`, '2031-08-04'],
    // A day apart is a late stamp or a time zone: the stamp stays.
    ['another day in the dateline', ` date 2031-08-05\n\nTalks resume in Eastport\n\nEASTPORT, Aug. 4, 2031 — ${PARAGRAPH}`, '2031-08-05'],
  ])('%s', (_name, raw, date) => {
    expect(infer(raw).date).toBe(date);
  });
});

describe('inferMetadata: whether the page attests its own date', () => {
  it.each<[string, string, boolean]>([
    ['a page stamp alone', ` date 2031-08-04 ${PARAGRAPH}`, false],
    ['a page stamp on a line of its own, above a headline', ` date 2031-08-04\nPort news · Culture\n\nTalks resume in Eastport\n\n${PARAGRAPH}`, false],
    ['a page stamp and a dateline of the same day', ` date 2031-08-04 EASTPORT, Aug 4 (Wire) – ${PARAGRAPH}`, true],
    ['a page stamp and a byline date', `Talks resume\nBy Jane Doe | August 4, 2031\n\n date 2031-08-04 ${PARAGRAPH}`, true],
    ['a page stamp and the copyright year', ` date 2031-08-04 ${PARAGRAPH}\n\n© 2031 Eastport Daily. All rights reserved.`, true],
    ['a page stamp another header line contradicts', ` date 2031-08-04 EASTPORT, Aug 9 (Wire) – ${PARAGRAPH}`, false],
    ['a page stamp on its own line under a menu', `Eastport Review\nHome\nPolitics\nHarbour\n\n date 2031-08-04\n\nTalks resume in Eastport\n\n${PARAGRAPH}`, false],
    ['a byline date', `Talks resume\nBy Jane Doe | August 4, 2031\n\n${PARAGRAPH}`, true],
    ['no date', PARAGRAPH, false],
  ])('%s -> %s', (_name, raw, attested) => {
    expect(infer(raw).dateAttested === true).toBe(attested);
  });
});

describe('inferMetadata on the seeds', () => {
  it.each<[string, ArticleMeta]>([
    ['seeds/000_84132c475ac0a92d.txt', { title: 'Presidential Assistant of Azerbaijan holds talks in USA', publisher: 'The Diplomatic Insight', date: '2024-05-17', dateAttested: true, url: null, author: 'Muhammad Zubair', datelinePlace: 'Washington' }],
    ['seeds/001_85d2b148091b6640.txt', { title: null, publisher: null, date: null, url: null, author: null }],
    ['seeds/002_5592039cb36a44e3.txt', { title: 'Armenian, US officials discuss expanding strategic partnership', publisher: 'Caliber.Az', date: '2024-06-18', dateAttested: true, url: null, author: null }],
    ['seeds/003_771a817d65f74398.txt', { title: null, publisher: null, date: null, url: null, author: null }],
    ['seeds/004_577e0fed1c43110c.txt', { title: 'Azerbaijan, US Strengthen Ties, Advance Peace Process With Armenia', publisher: 'UrduPoint', date: '2025-08-09', dateAttested: true, url: null, author: 'Sumaira FH' }],
  ])('%s', (file, expected) => {
    expect(infer(readText(file))).toEqual(expected);
  });
});

describe('inferMetadata on header lines a scrape kept with the story', () => {
  const STORY = 'A judge ruled on Friday that the harbour authority may continue its lawsuit against the dredging company, after a hearing that lasted two days.';
  it.each<[string, string, Partial<ArticleMeta>]>([
    ['a byline name and a stamp glued to the first paragraph', `Jane Sample\n23 May 2031, 19:48 GMT+10\nEASTPORT, Maine: ${STORY}`, { date: '2031-05-23', title: null }],
    ['a stock stamp with a two-digit year above the headline', `Story Stocks®\nUpdated: 29-Aug-31 13:59 ET\nHarbour Holdings takes a hit from the strike, but less than feared\n\n${STORY}`, { date: '2031-08-29', title: 'Harbour Holdings takes a hit from the strike, but less than feared' }],
    ['the byline and date under a standfirst and a caption', `Harbour wall reopens after repairs\n\nThe harbour wall, just 10km from the city, is one of the port's oldest structures.\n\nAdvertisement\nWorkers finished the last section on Friday morning, ahead of the storm season, engineers said. Representative image\nEastport Daily\n  • May 10, 2031,\n  • Updated May 10, 2031 8:21 AM\n\n${STORY}\n\n${STORY}`, { date: '2031-05-10', title: 'Harbour wall reopens after repairs' }],
    ['a byline of short fields long enough to read as prose', `Harbour wall reopens after repairs\n\nBy Jane Sample | Nov 18, 2031, 1:12 AM GMT+1 | 214 Comments\n\n${STORY}`, { date: '2031-11-18', title: 'Harbour wall reopens after repairs' }],
    ['an "Updated … at 9:47 p.m." line under the outlet, the title repeated below it', `Harbour wall reopens\n\nEastport Daily | Society\nUpdated: February 19, 2031 at 9:47 p.m.\n\nHarbour wall reopens\n\n${STORY}`, { date: '2031-02-19' }],
    ['updated and published fields on one line: the publication date', `Harbour wall reopens\n\nUpdated Feb. 2, 2031, 4:40 p.m. | Published Jan. 8, 2031, 6:15 a.m.\n\n${STORY}`, { date: '2031-01-08' }],
    ['a byline of fields under a headline that reads as prose', `Home | News | Sport\n\nThe harbour authority's long fight with the dredging company ends in a quiet settlement\n\nBy Jane Sample | 18:46, Thu, May 23, 2031 | UPDATED: 19:10, Thu, May 23, 2031\n\n${STORY}\n\n${STORY}`, { date: '2031-05-23' }],
    ['magazine page furniture is no headline', `Harbour Review Issue 37 | Page 59\n\nDredging firm settles with the harbour authority\n\n${STORY}`, { title: 'Dredging firm settles with the harbour authority' }],
  ])('%s', (_name, raw, expected) => {
    expect(infer(raw)).toMatchObject(expected);
  });
});
