import * as chrono from 'chrono-node';
import type { ParsedComponents, ParsedResult, Parser } from 'chrono-node';
import type { DatePrecision } from './TimelineEvent.js';
import { yearInWords } from '../util/yearInWords.js';

/** One date a sentence mentions, resolved against the article's publication date. */
export interface DateMention {
  /** ISO at `precision` (`2024-06-17`, `2024-06`, `2024`), or `--MM-DD` / `--MM` when `yearless`. */
  date: string;
  /** End of a range, same format and precision as `date`. */
  end?: string;
  precision: DatePrecision;
  /** The year is unknown: not in the text, and the article has no date. Never guessed. */
  yearless: boolean;
  /** The mention as written, and its offsets in the sentence. */
  text: string;
  index: number;
  /** The mention is the article's dateline ("Washington, 17 May 2024(TDI): ..."). */
  dateline: boolean;
  /** The year was not written but taken from the article's date ("May 5" in a 2031 article). */
  inferredYear?: boolean;
  /** A weekday or relative word ("on Monday", "yesterday") read against the article's date. */
  relative?: boolean;
  /** How the date was read, when not as written: the reference it was resolved against. */
  reading?: string;
}

/**
 * A year alone after a preposition ("in 1992", "since 2008", "from 1861 to 1865", "1861–1865").
 * chrono has no year-only parser; requiring a preposition (or a range) keeps counts ("1,564"),
 * targets ("the 2030 goal") and names ("COP29") out.
 */
const YEAR_PATTERN =
  /\b(in|since|during|throughout|from|between|until|till|through|by the end of|in the year|early|late|mid-)\s*((?:1[5-9]|20)\d{2})(?:\s*(?:-|–|—|to|and|until|through)\s*((?:1[5-9]|20)\d{2}))?(?![\d,.]*\d)(?![s'’]\b|s\b)(?!\s*(?:%|percent|people|km|miles|dollars|tons))/i;

const yearParser: Parser = {
  pattern: () => YEAR_PATTERN,
  extract: (context, match) => {
    const start = Number(match[2]);
    const end = match[3] ? Number(match[3]) : undefined;
    if (end === undefined || end <= start) return { year: start };
    return context.createParsingResult(match.index ?? 0, match[0], { year: start }, { year: end });
  },
};

let parserInstance: chrono.Chrono | undefined;

/** chrono's English parser plus a year-only parser; built once. */
function parser(): chrono.Chrono {
  if (!parserInstance) {
    const custom = chrono.en.casual.clone();
    // Year-only mentions go last so chrono's fuller parses ("June 2024") win overlaps.
    custom.parsers.push(yearParser);
    parserInstance = custom;
  }
  return parserInstance;
}

/** A parsed article date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
interface Reference {
  year: number;
  month?: number;
  day?: number;
}

function parseReference(articleDate: string | null | undefined): Reference | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(articleDate ?? '');
  if (!m) return undefined;
  return {
    year: Number(m[1]),
    ...(m[2] ? { month: Number(m[2]) } : {}),
    ...(m[3] ? { day: Number(m[3]) } : {}),
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');

function format(year: number | undefined, month: number | undefined, day: number | undefined, precision: DatePrecision): string {
  const y = year === undefined ? '-' : String(year).padStart(4, '0');
  if (precision === 'year') return y;
  if (precision === 'month') return `${y}-${pad(month ?? 1)}`;
  return `${y}-${pad(month ?? 1)}-${pad(day ?? 1)}`;
}

function precisionOf(c: ParsedComponents): DatePrecision | undefined {
  if (c.isCertain('day')) return 'day';
  if (c.isCertain('month')) return 'month';
  if (c.isCertain('year')) return 'year';
  return undefined;
}

/**
 * The year of a year-less "Month day" in an article dated `ref`: the most recent occurrence not
 * after the article date, except that a mention in the article's own month stays in its year
 * (a June 18 piece saying "on June 20" means this June, and a "2025-11" piece saying "November
 * 19" cannot be compared day by day).
 */
function inferYear(ref: Reference, month: number): number {
  if (ref.month === undefined || month === ref.month) return ref.year;
  if (month > ref.month) return ref.year - 1;
  return ref.year;
}

/** A mention that is only a time ("at 5 pm", "11:46 PM") or a weekday/relative word. */
function isRelative(result: ParsedResult): boolean {
  const tags = result.tags();
  for (const tag of tags) if (tag.startsWith('casualReference') || tag.includes('Relative') || tag.includes('Weekday') || tag.includes('TimeUnit')) return true;
  // "met on Wednesday": chrono tags no weekday, but knows the weekday and only implies the day.
  return result.start.isCertain('weekday') && !result.start.isCertain('day');
}

/**
 * Where a dateline ends: "Washington, 17 May 2024(TDI): ..." or "BAKU (AZERBAIJAN), (APP - ... - 9th
 * Aug, 2025) Azerbaijan's ...". The date sits near the start, right before a `(`, `)`, `:` or dash,
 * and everything before it is capitalised words (place, agency) — no running prose.
 */
function isDatelineMention(sentence: string, index: number, length: number): boolean {
  if (index > 120) return false;
  const before = sentence.slice(0, index);
  const after = sentence.slice(index + length);
  if (!/^\s*(?:\([^)]{0,40}\))?\s*[:)(\-–—|]/.test(after)) return false;
  const words = before.match(/\p{L}[\p{L}'’.-]*/gu) ?? [];
  // "on" belongs to a stamp ("Published on 12 May"); after a name it is prose ("Modi on Monday (12 May) addressed").
  return words.every((w, i) => /^\p{Lu}/u.test(w) || /^(?:published|updated|posted|by)$/i.test(w) || (/^on$/i.test(w) && /^(?:published|updated|posted)$/i.test(words[i - 1] ?? '')));
}

/**
 * Date mentions in one sentence, resolved against the article's publication date (`YYYY`,
 * `YYYY-MM` or `YYYY-MM-DD`, or null when unknown). Keeps precision and ranges; skips durations
 * ("6 months"), times alone, and relative words ("today", "on Monday") unless the article date is
 * known to the day. Without an article date, "November 15" stays year-less (`--11-15`): chrono
 * would silently assume the current year, so `isCertain('year')` decides.
 */
export function resolveDates(sentence: string, articleDate: string | null | undefined): DateMention[] {
  const ref = parseReference(articleDate);
  // A reference instant is required by chrono; it only matters for relative words, which are
  // accepted below solely with a day-precise article date. UTC noon keeps days from shifting.
  const instant = ref ? new Date(Date.UTC(ref.year, (ref.month ?? 1) - 1, ref.day ?? 1, 12)) : new Date(Date.UTC(2000, 0, 1, 12));
  let results: ParsedResult[];
  try {
    results = parser().parse(maskPartOfDay(sentence), { instant, timezone: 0 }, { forwardDate: false });
  } catch {
    // chrono throws on a few pathological inputs; a sentence without dates is the safe reading.
    return [];
  }
  const mentions: DateMention[] = [];
  for (const result of results) {
    const mention = toMention(result, ref, sentence);
    if (mention) mentions.push(mention);
  }
  // "agreed on Sunday … over the weekend": a span ("the weekend", "last week") read as one of its
  // days adds nothing when the sentence names the day, and would date the event twice.
  const named = mentions.some((m) => m.precision === 'day' && !SPAN_WORD.test(m.text));
  return named ? mentions.filter((m) => !SPAN_WORD.test(m.text)) : mentions;
}

/**
 * "the afternoon of Friday, Feb. 2", "the evening of May 3": chrono reads the part of the day as
 * today's and drops the date it qualifies, so the words before the date are blanked (same length,
 * so every offset still points into the sentence as written).
 */
const PART_OF_DAY_OF = /\b(?:(?:early|late)\s+)?(?:morning|afternoon|evening|night)\s+of\s+(?=\S)/gi;

function maskPartOfDay(sentence: string): string {
  return sentence.replace(PART_OF_DAY_OF, (m) => ' '.repeat(m.length));
}

/** A relative mention that names a span of days rather than one. */
const SPAN_WORD = /\bweek(?:end)?s?\b/i;

/** A relative mention must name a day ("Monday", "yesterday", "last week"), not only a time of day. */
const DAY_WORD = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:today|yesterday|tomorrow|tonight|week|weekend)\b/i;

/**
 * Durations and offsets ("6 months", "within 23 years", "two weeks ago", "next year"): chrono turns
 * them into dates counted from the reference, but they name a length of time, not a day.
 */
const TIME_UNIT = /\b(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies))\b/i;

/** chrono also reads "in 1990s" as "in 1990 seconds". */
const TIME_UNIT_ABBREVIATION = /\d\s*(?:s|secs?|m|mins?|h|hrs?|d|w|wks?|mos?|y|yrs?)\b/i;

/** "A year ago", "five years ago" right before "today": an anniversary. */
const ANNIVERSARY = /\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+years?\s+ago\s+$/i;
const COUNT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

function countWord(word: string): number {
  const w = word.toLowerCase();
  return /^\d+$/.test(w) ? Number(w) : w === 'a' || w === 'an' ? 1 : Math.max(0, COUNT_WORDS.indexOf(w));
}

function toMention(result: ParsedResult, ref: Reference | undefined, sentence: string): DateMention | undefined {
  if (TIME_UNIT.test(result.text) || TIME_UNIT_ABBREVIATION.test(result.text)) return undefined;
  const start = result.start;
  const relative = isRelative(result);
  let precision = precisionOf(start);
  if (relative) {
    // "today", "yesterday", "on Monday", "last week": only meaningful against a known day.
    if (!ref || ref.day === undefined) return undefined;
    // "in the afternoon", "at night": a time of day names no day.
    if (!DAY_WORD.test(result.text)) return undefined;
    // "(Chiangrai Today)", "USA Today": a title, not a day.
    if (/^Today$/.test(result.text.trim()) && /\p{Lu}[\p{L}.’'-]*\s+$/u.test(sentence.slice(Math.max(0, result.index - 30), result.index))) return undefined;
    precision = 'day';
  }
  if (!precision) return undefined; // a time alone ("at 5 pm")
  const base = {
    text: result.text,
    index: result.index,
    dateline: isDatelineMention(sentence, result.index, result.text.length),
  };
  let year: number | undefined = start.isCertain('year') || relative ? start.get('year') ?? undefined : undefined;
  let month = precision === 'year' ? undefined : start.get('month') ?? undefined;
  let day = precision === 'day' ? start.get('day') ?? undefined : undefined;
  // News reports what happened: "questioned him on Thursday" in a Tuesday article is last
  // Thursday, though chrono picks that week's (a plan is read forward by the caller).
  if (relative && ref?.day !== undefined && year !== undefined && month !== undefined && day !== undefined && start.isCertain('weekday')) {
    const t = Date.UTC(year, month - 1, day, 12);
    const refTime = Date.UTC(ref.year, (ref.month ?? 1) - 1, ref.day, 12);
    if (t > refTime) {
      const back = new Date(t - 7 * 86_400_000);
      [year, month, day] = [back.getUTCFullYear(), back.getUTCMonth() + 1, back.getUTCDate()];
    }
  }
  // "A year ago today", "five years ago today": the anniversary's day, that many years back.
  const back = relative ? ANNIVERSARY.exec(sentence.slice(Math.max(0, result.index - 30), result.index)) : null;
  if (back && year !== undefined) year -= countWord(back[1] ?? '');
  const endC = result.end;
  // "March to May 2023": the start's year comes from the end.
  if (year === undefined && endC?.isCertain('year')) year = endC.get('year') ?? undefined;
  // "on August 24 last year", "in March this year": the year is told in words, counted from the article's.
  if (year === undefined && ref) year = yearInWords(sentence.slice(result.index + result.text.length), ref.year);
  const written = year !== undefined && !relative;
  if (year === undefined && ref && month !== undefined) year = inferYear(ref, month);
  const yearless = year === undefined;
  if (yearless && precision === 'year') return undefined;
  const date = format(year, month, day, precision);
  let end: string | undefined;
  if (endC) {
    let endYear = endC.isCertain('year') ? endC.get('year') ?? undefined : year;
    const endMonth = precision === 'year' ? undefined : endC.get('month') ?? undefined;
    if (endYear !== undefined && year !== undefined && endMonth !== undefined && month !== undefined && endYear === year && endMonth < month && !endC.isCertain('year')) {
      endYear += 1; // "December 30 – January 2" crosses a year
    }
    const endDay = precision === 'day' ? endC.get('day') ?? undefined : undefined;
    const formatted = format(endYear, endMonth ?? month, endDay ?? day, precision);
    if (formatted > date || (yearless && formatted !== date)) end = formatted;
  }
  const refText = ref ? format(ref.year, ref.month, ref.day, ref.day !== undefined ? 'day' : ref.month !== undefined ? 'month' : 'year') : '';
  const reading = relative ? `"${result.text}" read against the article's date ${refText}` : !written && !yearless ? `year from the article's date ${refText}` : undefined;
  const inferred = !written && !yearless && !relative;
  return { date, ...(end ? { end } : {}), precision, yearless, ...base, ...(inferred ? { inferredYear: true } : {}), ...(relative ? { relative: true } : {}), ...(reading ? { reading } : {}) };
}
