import { monthNumber } from '../util/monthNumber.js';
import type { Article } from '../ingest/Article.js';
import type { TimelineEvent } from './TimelineEvent.js';

const DAY_MS = 86_400_000;

/**
 * A year-less day is placed in the year that puts it nearest a dated article of the corpus, if that
 * is within this many days: a corpus about one story covers months, not years, so "November 6" in
 * an undated article of a corpus dated November 2024 to May 2025 is 6 November 2024.
 */
export const NEAREST_ARTICLE_DAYS = 200;

/** An event this many years before its article (or the corpus's first dated article) is background history. */
export const BACKGROUND_YEARS = 2;

/** The corpus's article dates known to the day or month, as times (the 1st for a month), sorted. */
export function corpusDates(articles: ReadonlyArray<{ meta: { date: string | null } }>): number[] {
  return articles
    .map((a) => a.meta.date)
    .filter((d): d is string => d !== null && /^\d{4}-\d{2}/.test(d))
    .map((d) => Date.parse(`${d.length === 7 ? `${d}-01` : d.slice(0, 10)}T12:00:00Z`))
    .filter((t) => !Number.isNaN(t))
    .sort((a, b) => a - b);
}

/** Articles within this many days of a candidate date vouch for its year. */
const NEIGHBOURHOOD_DAYS = 90;

/**
 * The year that puts `--MM` or `--MM-DD` among the most dated articles (within 90 days), then
 * nearest one; undefined when no dated article is within {@link NEAREST_ARTICLE_DAYS}. A story's
 * articles cluster in time: "July 22" in a corpus with dozens of July 2030 articles and one
 * anniversary piece of July 2031 is 22 July 2030.
 */
export function yearFromCorpus(yearless: string, dates: readonly number[]): number | undefined {
  const m = /^--(\d{2})(?:-(\d{2}))?$/.exec(yearless);
  if (!m || dates.length === 0) return undefined;
  const month = Number(m[1]);
  const day = m[2] ? Number(m[2]) : 15;
  const years = new Set(dates.flatMap((t) => {
    const y = new Date(t).getUTCFullYear();
    return [y - 1, y, y + 1];
  }));
  let best: { year: number; distance: number; near: number } | undefined;
  for (const year of [...years].sort((a, b) => a - b)) {
    const t = Date.UTC(year, month - 1, day, 12);
    const gaps = dates.map((d) => Math.abs(d - t) / DAY_MS);
    const distance = Math.min(...gaps);
    const near = gaps.filter((g) => g <= NEIGHBOURHOOD_DAYS).length;
    if (!best || near > best.near || (near === best.near && distance < best.distance)) best = { year, distance, near };
  }
  return best && best.distance <= NEAREST_ARTICLE_DAYS ? best.year : undefined;
}

/**
 * An article date this many years from every other dated article of the corpus (of at least
 * {@link OUTLIER_MIN_DATED} dated articles) is suspect: scraped page stamps are sometimes plainly
 * wrong (a 2013 stamp on a 2024 story), and a story's articles cluster in time.
 */
export const OUTLIER_YEARS = 2;
export const OUTLIER_MIN_DATED = 5;

/**
 * Whether `date` (an article's) stands apart from the corpus's other article dates (see
 * {@link OUTLIER_YEARS}). `dates` are the corpus's dates, this article's among them.
 */
export function isOutlierDate(date: string | null, dates: readonly number[]): boolean {
  if (!date || !/^\d{4}-\d{2}/.test(date) || dates.length < OUTLIER_MIN_DATED) return false;
  const own = Date.parse(`${date.length === 7 ? `${date}-01` : date.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(own)) return false;
  const at = dates.indexOf(own);
  const others = at >= 0 ? [...dates.slice(0, at), ...dates.slice(at + 1)] : dates;
  const nearest = Math.min(...others.map((t) => Math.abs(t - own)));
  return nearest > OUTLIER_YEARS * 365.25 * DAY_MS;
}

/** A year-less event placed in the corpus's year (see {@link yearFromCorpus}), with how it was read. */
export function placeYearless(e: TimelineEvent, dates: readonly number[]): TimelineEvent {
  if (!e.yearless) return e;
  const year = yearFromCorpus(e.date, dates);
  if (year === undefined) return e;
  const withYear = (d: string) => `${String(year).padStart(4, '0')}${d.slice(1)}`;
  const end = e.end?.startsWith('--') ? withYear(e.end) : e.end;
  return {
    ...e,
    date: withYear(e.date),
    ...(end ? { end } : {}),
    yearless: false,
    reading: `year ${year} from the dates of the other articles (no year in the text or the article's date)`,
  };
}

/** Background history: an event years before its own article, or before the corpus's first dated article. */
export function isBackground(e: TimelineEvent, dates: readonly number[]): boolean {
  if (e.yearless || e.kind !== 'event') return false;
  const articleDate = e.sources[0]?.date;
  const anchor = articleDate && /^\d{4}/.test(articleDate) ? Number(articleDate.slice(0, 4)) : dates[0] !== undefined ? new Date(dates[0]).getUTCFullYear() : undefined;
  if (anchor === undefined) return false;
  const last = Number((e.end ?? e.date).slice(0, 4));
  return anchor - last >= BACKGROUND_YEARS;
}

/**
 * An undated article whose dateline gives a day without a year ("Jan. 23 (UPI) --") is dated that
 * day in the corpus's year, so its weekdays ("on Wednesday") can be read.
 */
export function datedByCorpus(article: Article, dates: readonly number[]): Article {
  if (article.meta.date) return article;
  const dateline = (article.furniture ?? []).find((f) => f.rule !== 'page-stamp' && article.body.some((b) => b.start === f.end));
  if (!dateline) return article;
  const m = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b|\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*/i.exec(article.raw.slice(dateline.start, dateline.end));
  if (!m) return article;
  const month = monthNumber(m[1] ?? m[4] ?? '');
  const day = Number(m[2] ?? m[3]);
  if (month < 1 || day < 1 || day > 31) return article;
  const md = `--${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const year = yearFromCorpus(md, dates);
  return year === undefined ? article : { ...article, meta: { ...article.meta, date: `${year}${md.slice(1)}` } };
}

