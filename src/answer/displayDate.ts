import * as chrono from 'chrono-node';
import type { ArticleContext } from './evidence/EvidenceSentence.js';
import { articleDay } from './scoring/checkConstraints.js';
import { yearInWords } from '../util/yearInWords.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date expression read as one calendar day, and how: written out in full, or placed by the article's date. */
export interface CalendarDay {
  /** Noon UTC of the day. */
  time: number;
  /** `written`: the text gives day, month and year; `placed`: the article's date gave what it leaves out. */
  how: 'written' | 'placed';
  /** The text gave a weekday or "today" rather than a day of the month. */
  relative: boolean;
}

/**
 * The calendar day a date expression stands for: a day written in full, or a weekday, "yesterday"
 * or a day without a year placed by the article's own date (within 300 days before it, two after:
 * a year's wrap-around is too uncertain to fill in). Undefined for a month, a year or a day nothing
 * places.
 * @param articleDate - ISO date of the article, at any precision.
 */
export function calendarDay(text: string, articleDate: string | null): CalendarDay | undefined {
  const ref = articleDay(articleDate);
  const parsed = chrono.parse(text, ref ?? new Date(Date.UTC(2000, 0, 1)), { forwardDate: false })[0];
  if (!parsed) return undefined;
  const s = parsed.start;
  // "today", "yesterday", "tonight": the article's own day, or the one before (chrono reads them off the reference date).
  const relative = RELATIVE_DAY.test(parsed.text.trim());
  const [year, month, day] = [s.get('year') ?? 0, s.get('month') ?? 0, s.get('day') ?? 0];
  const time = Date.UTC(year, month - 1, day, 12);
  if (s.isCertain('year') && s.isCertain('month') && s.isCertain('day') && !relative) return { time, how: 'written', relative: false };
  if (!ref) return undefined;
  // "Aug. 24 last year": the words say which year, counted from the article's.
  const told = yearInWords(text.slice(parsed.index + parsed.text.length), ref.getUTCFullYear());
  if (told !== undefined && s.isCertain('month') && s.isCertain('day') && !s.isCertain('year')) {
    return { time: Date.UTC(told, month - 1, day, 12), how: 'placed', relative: false };
  }
  const weekdayOnly = s.isCertain('weekday') && !s.isCertain('day');
  const dayWithoutYear = s.isCertain('month') && s.isCertain('day') && !s.isCertain('year');
  if (!weekdayOnly && !dayWithoutYear && !relative) return undefined;
  // A day after the article's date is an announced one.
  if (time - ref.getTime() > 2 * 86_400_000 || ref.getTime() - time > 300 * 86_400_000) return undefined;
  return { time, how: 'placed', relative: weekdayOnly || relative };
}

/** "23 February 2025". */
export function formatDay(time: number): string {
  const d = new Date(time);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()}`;
}

/**
 * A date as a short answer: a weekday or a day without a year ("on Monday", "May 10") is given in
 * full when the article's own date places it ("12 May 2025 (Monday)"), since a reader cannot tell
 * which Monday from the answer alone. A date stated in full, or one the article's date cannot
 * place, is given as written.
 * @param articleDate - ISO date of the article, at any precision.
 */
export function displayDate(text: string, articleDate: string | null): string {
  const day = calendarDay(text, articleDate);
  if (!day || day.how === 'written') return text;
  return day.relative ? `${formatDay(day.time)} (${text})` : formatDay(day.time);
}

/** Days named relative to the day of writing. */
const RELATIVE_DAY = /^(?:today|tonight|yesterday|this (?:morning|afternoon|evening))$/i;

/** A weekday named in a date expression. */
export const WEEKDAY = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;

/**
 * For a weekday ("on Monday") in an article with no date but a dateline that gives month and day
 * without a year ("April 15 (Reuters) -"): that dateline, said to be one. It does not claim the
 * event's day (a story filed on Tuesday may tell of Monday); it tells the reader which week.
 */
export function datelineGloss(candidate: string, article: Pick<ArticleContext, 'date' | 'datelineDay'>): string | undefined {
  if (article.date || !article.datelineDay || !WEEKDAY.test(candidate) || /\d/.test(candidate)) return undefined;
  const [month, day] = article.datelineDay.split('-').map(Number);
  const name = MONTHS[(month ?? 0) - 1];
  return name && day ? `Article dated ${name} ${day}, year not given` : undefined;
}

/**
 * A date as a short answer: in full when the article's date places it; a weekday with the dateline
 * it belongs to ("Monday (article dated April 15, year not given)"); undefined for a weekday that
 * nothing places, which is no answer to "when".
 */
export function shortDate(text: string, article: Pick<ArticleContext, 'date' | 'datelineDay'>): string | undefined {
  const full = displayDate(text, article.date);
  if (full !== text || !WEEKDAY.test(text) || /\d/.test(text)) return full;
  const dateline = datelineGloss(text, article);
  return dateline ? `${text} (${dateline.charAt(0).toLowerCase()}${dateline.slice(1)})` : undefined;
}
