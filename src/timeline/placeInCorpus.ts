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
export function corpusDates(articles: readonly Article[]): number[] {
  return articles
    .map((a) => a.meta.date)
    .filter((d): d is string => d !== null && /^\d{4}-\d{2}/.test(d))
    .map((d) => Date.parse(`${d.length === 7 ? `${d}-01` : d.slice(0, 10)}T12:00:00Z`))
    .filter((t) => !Number.isNaN(t))
    .sort((a, b) => a - b);
}

/** The year that puts `--MM` or `--MM-DD` nearest a dated article, or undefined when none is near. */
export function yearFromCorpus(yearless: string, dates: readonly number[]): number | undefined {
  const m = /^--(\d{2})(?:-(\d{2}))?$/.exec(yearless);
  if (!m || dates.length === 0) return undefined;
  const month = Number(m[1]);
  const day = m[2] ? Number(m[2]) : 15;
  const years = new Set(dates.flatMap((t) => {
    const y = new Date(t).getUTCFullYear();
    return [y - 1, y, y + 1];
  }));
  let best: { year: number; distance: number } | undefined;
  for (const year of years) {
    const t = Date.UTC(year, month - 1, day, 12);
    const distance = Math.min(...dates.map((d) => Math.abs(d - t))) / DAY_MS;
    if (!best || distance < best.distance || (distance === best.distance && year < best.year)) best = { year, distance };
  }
  return best && best.distance <= NEAREST_ARTICLE_DAYS ? best.year : undefined;
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
