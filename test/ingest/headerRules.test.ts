import { describe, expect, it } from 'vitest';
import { DATE_RULES, firstFound, isSiteName, PUBLISHER_RULES, type HeaderView } from '../../src/ingest/headerRules.js';
import { cleanArticle } from '../../src/ingest/cleanArticle.js';
import { inferMetadata } from '../../src/ingest/inferMetadata.js';
import { isMenuLine } from '../../src/ingest/textShape.js';

const view = (v: Partial<HeaderView>): HeaderView => ({ lines: [], firstLine: '', stamps: [], lead: null, copyright: null, ...v });
const PARAGRAPH = 'The ferry operator said on Tuesday that all 212 passengers had been taken ashore safely and that an inquiry had begun.';

describe('DATE_RULES', () => {
  it.each<[string, Partial<HeaderView>, string | null, string | null]>([
    ['a page stamp', { stamps: [' date 2031-04-22 '] }, '2031-04-22', 'page-stamp'],
    ['a page stamp on the headline line', { firstLine: 'date 2031-04-22 Ferry runs aground off Eastport' }, '2031-04-22', 'page-stamp'],
    ['Published wins over Updated', { lines: ['Updated Feb. 2, 2031, 4:40 p.m. | Published Jan. 8, 2031, 6:15 a.m.'] }, '2031-01-08', 'published-line'],
    ['Date Posted', { lines: ['Date Posted: April 18, 2031'] }, '2031-04-18', 'published-line'],
    ['Published with the time first', { lines: ['Published 4:51 PM EST, February 6, 2031'] }, '2031-02-06', 'published-line'],
    ['a byline with a date', { lines: ['By Jane Roe | January 12, 2031'] }, '2031-01-12', 'byline-date'],
    ['a stamp line', { lines: ['REGION  18 June 2031 - 09:21'] }, '2031-06-18', 'stamp-line'],
    ['As of', { lines: ['As of: November 7th, 2031 3:21 p.m'] }, '2031-11-07', 'stamp-line'],
    ['a dateline with its year', { lead: 'Eastport, 17 May 2031 (XYZ):' }, '2031-05-17', 'dateline'],
    ['a dateline without a year is not guessed', { lead: 'Jan. 23 (UPI) --' }, null, null],
    ['a relative date is not a date', { lines: ['Posted 2 hours ago'] }, null, null],
    ['a span of days in a headline is not a date', { lines: ['Mayor reinstated after four days of turmoil'] }, null, null],
    ['nothing dated', { lines: ['Ferry runs aground off Eastport'] }, null, null],
  ])('%s', (_name, v, date, rule) => {
    const found = firstFound(DATE_RULES, view(v));
    expect(found?.value ?? null).toBe(date);
    expect(found?.rule ?? null).toBe(rule);
  });
});

describe('PUBLISHER_RULES', () => {
  it.each<[string, Partial<HeaderView>, string | null]>([
    ['agency and outlet', { lead: 'RIVERTON (WESTLAND), (APP - Daily Wire / Riverton Point News - 9th Aug, 2031)' }, 'Daily Wire'],
    ['a site name above the headline', { lines: ['AeroTrade Weekly', 'Safety | Airlines | Events', 'Regulator opens inquiry into ferry operator after grounding'] }, 'AeroTrade Weekly'],
    ['a call sign', { lines: ['KXYZ', 'Ferry runs aground off Eastport after engine failure'] }, 'KXYZ'],
    ['a section is no site', { lines: ['NEWS', 'Ferry runs aground off Eastport after engine failure'] }, null],
    ['a byline is no site', { lines: ['By Staff Reporter', 'Ferry runs aground off Eastport after engine failure'] }, null],
    ['the copyright line', { copyright: '© 2031 Eastport Courier. All rights reserved.' }, 'Eastport Courier'],
    ['the copyright line without the year after the name', { copyright: '(c) XYZ 2031. All rights reserved.' }, 'XYZ'],
    ['the wire agency of the dateline', { lead: 'March 25 (Reuters) -' }, 'Reuters'],
  ])('%s', (_name, v, publisher) => {
    expect(firstFound(PUBLISHER_RULES, view(v))?.value ?? null).toBe(publisher);
  });

  it.each([
    ['AeroTrade Weekly', true],
    ['Eastport Courier', true],
    ['example.com', true],
    ['World', false],
    ['Opinion | Columns', false],
    ['Ferry runs aground off Eastport', false],
  ])('isSiteName(%j) is %s', (line, expected) => {
    expect(isSiteName(line)).toBe(expected);
  });
});

describe('isMenuLine', () => {
  it.each([
    ['Home | World | Business | Opinion', true],
    ['Home | U.S. | World | Business', true],
    ['News › Local › Washington County', true],
    ['Top News / U.S. News', true],
    ['Party | Votes | Seats', true],
    ['CDU | 208 | 28.5%', false],
    ['Ferry runs aground off Eastport', false],
    ['Shares fell 3% | analysts expect more', false],
  ])('%j -> %s', (line, expected) => {
    expect(isMenuLine(line)).toBe(expected);
  });
});

describe('inferMetadata reads the header, not the story', () => {
  it.each<[string, string, Record<string, string | null>]>([
    [
      'site name, menu, headline and byline',
      `AeroTrade Weekly\nSafety | Airlines | Events\nRegulator opens inquiry into ferry operator after grounding\nBy Jane Roe | January 12, 2031\n\n${PARAGRAPH}`,
      { title: 'Regulator opens inquiry into ferry operator after grounding', publisher: 'AeroTrade Weekly', date: '2031-01-12', author: 'Jane Roe' },
    ],
    ['a stamp sharing the headline line', ` date 2031-04-22 Ferry runs aground off Eastport\n\n${PARAGRAPH}`, { title: 'Ferry runs aground off Eastport', date: '2031-04-22' }],
    ['a wire dateline without a year', `Ferry runs aground\n\nMarch 25 (Reuters) - ${PARAGRAPH}`, { publisher: 'Reuters', date: null, datelineDay: '03-25' }],
    ['a dateline place', `Ferry runs aground\n\nEASTPORT, March 25, 2031 (Reuters) - ${PARAGRAPH}`, { datelinePlace: 'Eastport', date: '2031-03-25' }],
    ['a date in a later list is not the page date', `${PARAGRAPH}\n\nRead also\nPort reopens (Jan 10, 2031)\n`, { date: null }],
  ])('%s', (_name, raw, expected) => {
    expect(inferMetadata(raw, cleanArticle(raw))).toMatchObject(expected);
  });
});
