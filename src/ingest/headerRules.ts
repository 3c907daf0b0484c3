import { findDates, isMenuLine, wordCount } from './textShape.js';

/**
 * What an article's header says: the lines above its first paragraph (title, site name, menus,
 * bylines, stamps), the page stamp and dateline cut from its first paragraph, and its footer's
 * copyright line. Nothing from the story itself or from "Read also" lists below it.
 */
export interface HeaderView {
  /** Non-empty lines above the first kept paragraph, in order. */
  lines: string[];
  /** The file's first non-empty line: a scraper's page stamp may share it with the headline. */
  firstLine: string;
  /** Page stamps cut from paragraph starts (" date 2025-04-22 "). */
  stamps: string[];
  /** The opening dateline of the first paragraph ("Islamabad, April 24", "Jan. 23 (UPI)"), if any. */
  lead: string | null;
  /** A copyright line anywhere ("© 2024 KPNW. All rights reserved."). */
  copyright: string | null;
}

/** One way an article states something about itself, with why it is trusted. */
export interface HeaderRule {
  name: string;
  reason: string;
  find(h: HeaderView): string | null;
}

/** ISO date at the precision the text states (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`); null without a year or for relative dates. */
export function toIsoDate(text: string): string | null {
  for (const r of findDates(text)) {
    if (/\bago\b|\btoday\b|\byesterday\b|\btomorrow\b/i.test(r.text)) continue;
    const s = r.start;
    // The year must be written: chrono also "certifies" the year of a relative phrase ("four days of …").
    // Stock and wire stamps write it in two digits after a month's abbreviation ("29-Aug-24").
    if (!s.isCertain('year') || !/\b\d{4}\b|\d{4}-\d{2}|\b\d{1,2}-\p{L}{3}-\d{2}\b/u.test(r.text)) continue;
    const year = String(s.get('year')).padStart(4, '0');
    if (!s.isCertain('month')) return year;
    const month = String(s.get('month')).padStart(2, '0');
    if (!s.isCertain('day')) return `${year}-${month}`;
    return `${year}-${month}-${String(s.get('day')).padStart(2, '0')}`;
  }
  return null;
}

const PUBLISHED = /\b(?:first\s+published|published|date\s+posted|posted|publication\s+date|released|dated)\b\s*(?:on|at)?\s*:?\s*/i;
const UPDATED = /\b(?:last\s+updated|updated|modified|as\s+of)\b\s*(?:on|at)?\s*:?\s*/i;

/** The date stated right after a keyword in a line ("… | Published Jan. 8, 2024, 6:15 a.m."). */
function dateAfter(line: string, keyword: RegExp): string | null {
  const m = keyword.exec(line);
  return m ? toIsoDate(line.slice((m.index ?? 0) + m[0].length)) : null;
}

/** A short header line that is a byline or a stamp: the date it carries is the page's. */
const isShort = (line: string) => wordCount(line, 20) <= 20;

/** A scraper's page stamp (" date 2025-04-22"), its date captured. */
export const PAGE_STAMP = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b/;

/** A page stamp with the space after it, where text follows on the same line ("date 2025-04-22 Officials said …"). */
export const PAGE_STAMP_BEFORE_TEXT = new RegExp(`${PAGE_STAMP.source}\\s+(?=\\S)`, 'u');

/** `text` without the page stamp it opens with, if any. */
export function withoutPageStamp(text: string): string {
  return text.replace(PAGE_STAMP_BEFORE_TEXT, '');
}

/**
 * How an article's own publication date is found, most trusted first. Each looks only at the
 * header: a date the story mentions is when something happened, not when the page was written.
 */
export const DATE_RULES: readonly HeaderRule[] = [
  {
    name: 'page-stamp',
    reason: 'The scraper recorded the page date as " date YYYY-MM-DD" before the text.',
    find: (h) => {
      // On the first line, cut from the first paragraph, or on a header line of its own under a menu.
      const stamp = [...h.stamps, h.firstLine, ...h.lines].map((s) => PAGE_STAMP.exec(s)?.[1]).find((d) => d !== undefined);
      return stamp ?? null;
    },
  },
  {
    name: 'published-line',
    reason: 'A "Published / Posted / Date Posted" line states when the page appeared; it wins over "Updated" on the same line.',
    find: (h) => h.lines.filter(isShort).map((l) => dateAfter(l, PUBLISHED)).find((d) => d !== null) ?? null,
  },
  {
    name: 'byline-date',
    reason: 'A byline carries the date of the piece ("By Jane Doe | January 12, 2024").',
    find: (h) => h.lines.filter((l) => isShort(l) && /^\s*by\b/i.test(l)).map(toIsoDate).find((d) => d !== null) ?? null,
  },
  {
    name: 'stamp-line',
    reason: 'A short header line that is mostly a date ("REGION 18 June 2024 - 09:21") is the page stamp.',
    find: (h) => h.lines.filter((l) => wordCount(l, 12) <= 12 && !isMenuLine(l)).map(toIsoDate).find((d) => d !== null) ?? null,
  },
  {
    name: 'updated-line',
    reason: 'Failing a publication date, "Updated / As of" dates the page.',
    find: (h) => h.lines.filter(isShort).map((l) => dateAfter(l, UPDATED)).find((d) => d !== null) ?? null,
  },
  {
    name: 'dateline',
    reason: 'A dateline with its year ("Washington, 17 May 2024 (TDI):") dates the story.',
    find: (h) => (h.lead ? toIsoDate(h.lead) : null),
  },
];

/** Words outlets are named with ("The Daily Star", "Kyiv Post", "Pakistan Point News"). */
const OUTLET_WORD = /^(?:times|post|news|weekly|daily|herald|journal|tribune|gazette|today|review|insider|wire|monitor|express|telegraph|observer|chronicle|standard|guardian|mail|star|sun|press|network|media|online|magazine|report|reporter|dispatch|courier|bulletin|digest|world|business|agency|tv|radio|broadcasting)$/i;
/** Section and chrome words that are no outlet's name ("NEWS", "World", "Live"). */
const SECTION_WORD = /^(?:news|world|home|menu|live|video|videos|sports?|opinion|business|politics|markets|latest|breaking|top|stories|local|national|international|india|europe|asia|us|uk|tech|technology|science|health|defence|defense|aviation|analysis|features?|editorial|columns?|letters|search|more)$/i;

/** A brand-shaped word: inner capitals ("AeroTrade"), an all-capital call sign ("KPNW"), or a domain ("Apa.az"). */
const BRAND_WORD = /^(?:\p{Lu}\p{Ll}+\p{Lu}[\p{L}]*|\p{Lu}{3,6}|[\p{L}\d-]+\.(?:com|net|org|az|in|pk|uk|de|co|io|news|info))$/u;

/** A site's name on a line of its own: one to four words shaped like an outlet's name, not a menu or a section. */
export function isSiteName(line: string): boolean {
  const words = line.trim().split(/\s+/);
  if (words.length > 4 || isMenuLine(line) || /\d{3,}|[.:!?]$/.test(line.trim()) || /^by\b/i.test(line.trim())) return false;
  if (words.every((w) => SECTION_WORD.test(w))) return false;
  if (!words.every((w) => /^[\p{Lu}\d]/u.test(w) || /^(?:of|the|and|for)$/.test(w) || BRAND_WORD.test(w))) return false;
  return words.some((w) => BRAND_WORD.test(w)) || (words.length >= 2 && OUTLET_WORD.test(words.at(-1) ?? ''));
}

/** Wire agencies credited in a dateline ("(Reuters)", "(UPI)", "/TASS/", "(dpa/GNA)"). */
const AGENCY = /\(\s*(Reuters|AP|AFP|UPI|PTI|ANI|IANS|dpa|TASS|Xinhua|EFE|ANSA|Yonhap|Kyodo|Anadolu|AA|APP|TNA|Bernama|Antara|PA|CNN|BBC)\b[^)]*\)|\/(TASS|AFP|AP)\//;

/**
 * How an article's publisher is found, most trusted first: the outlet credited next to an agency
 * in the dateline, an acronym the article spells out, the site's name above the headline, the
 * copyright footer, the wire agency of the dateline.
 */
export const PUBLISHER_RULES: readonly HeaderRule[] = [
  {
    name: 'agency-and-outlet',
    reason: '"(APP - UrduPoint / Pakistan Point News - 9th Aug, 2025)": an agency credit names the outlet after the dash.',
    find: (h) => {
      for (const text of [h.lead ?? '', ...h.lines]) {
        const m = /\(\s*[A-Z]{2,8}\s*[-–—]\s*([^/()–—-]+?)\s*[/–—-]/.exec(text);
        if (m?.[1]) return m[1].trim();
      }
      return null;
    },
  },
  {
    name: 'site-name',
    reason: 'A line shaped like an outlet\'s name ("AeroTrade Weekly", "KPNW") above the headline is the site.',
    find: (h) => {
      const headline = h.lines.findIndex((l) => wordCount(l, 30) >= 4 && !isMenuLine(l));
      const before = headline < 0 ? h.lines : h.lines.slice(0, headline);
      return before.find(isSiteName)?.trim() ?? null;
    },
  },
  {
    name: 'copyright',
    reason: '"© 2024 KPNW. All rights reserved." names the publisher.',
    find: (h) => {
      const m = h.copyright ? /(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]?\s*(?:\d{4})?\s*)?(?:by\s+)?([\p{Lu}][\p{L}\d&.' -]{1,40}?)\s*(?:\.|,|all rights reserved|$)/iu.exec(h.copyright) : null;
      const name = m?.[1]?.trim().replace(/\s+\d{4}$/, '');
      return name && !/^all rights/i.test(name) ? name : null;
    },
  },
  {
    name: 'wire-agency',
    reason: 'A wire agency credited in the dateline ("Jan 24 (Reuters) -") supplied the story.',
    find: (h) => {
      const m = h.lead ? AGENCY.exec(h.lead) : null;
      return m?.[1] ?? m?.[2] ?? null;
    },
  },
];

/** The first rule's answer, and which rule gave it. */
export function firstFound(rules: readonly HeaderRule[], h: HeaderView): { value: string; rule: string } | null {
  for (const rule of rules) {
    const value = rule.find(h);
    if (value) return { value, rule: rule.name };
  }
  return null;
}
