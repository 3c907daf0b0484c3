import * as chrono from 'chrono-node';
import type { ArticleContext, EvidenceSentence } from '../evidence/EvidenceSentence.js';
import type { Constraint } from '../question/QuestionAnalysis.js';
import { withoutReferences } from '../evidence/referenceSpans.js';
import { escapeRegExp } from '../../util/escapeRegExp.js';
import { mentionsName } from '../evidence/mentionsName.js';
import { monthNumber } from '../../util/monthNumber.js';
import { isCapital } from '../placeAliases.js';

const ORDINAL_WORDS: Record<number, RegExp> = {
  1: /\b(?:first|1st|initial|opening|maiden)\b/i,
  2: /\b(?:second|2nd)\b/i,
  3: /\b(?:third|3rd)\b/i,
  4: /\b(?:fourth|4th)\b/i,
  5: /\b(?:fifth|5th)\b/i,
  6: /\b(?:sixth|6th)\b/i,
  7: /\b(?:seventh|7th)\b/i,
  8: /\b(?:eighth|8th)\b/i,
  9: /\b(?:ninth|9th)\b/i,
  10: /\b(?:tenth|10th)\b/i,
};

const YEARS = /\b(1[5-9]\d\d|20\d\d)\b/g;

/**
 * How many days before an asked day (of the article's own year) an article may be dated and still
 * be read as written before it. Beyond, the asked day is as likely the year before's.
 */
const WRITTEN_BEFORE_DAYS = 60;

/** The article's date as a Date at noon UTC, when it is known to the day. */
export function articleDay(date: string | null): Date | undefined {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  return new Date(`${date}T12:00:00Z`);
}

/** Month and day of every date the sentence states, weekdays resolved against the article's date. */
function statedDays(text: string, article: ArticleContext): Array<{ month: number; day: number }> {
  const ref = articleDay(article.date) ?? new Date(Date.UTC(2000, 0, 1));
  return chrono
    .parse(text, ref, { forwardDate: false })
    .filter((r) => (r.start.isCertain('month') && r.start.isCertain('day')) || (r.start.isCertain('weekday') && articleDay(article.date)))
    .map((r) => ({ month: r.start.get('month') ?? 0, day: r.start.get('day') ?? 0 }));
}

/** Fiscal years a text names ("fiscal 2024", "fiscal year 2024", "FY2024", "the 2024 fiscal year"). */
function fiscalYears(text: string): number[] {
  return [...text.matchAll(/\b(?:fiscal(?: year)?|financial year|FY)\s*((?:19|20)\d\d)\b|\b((?:19|20)\d\d)\s+(?:fiscal|financial)\s+year\b/gi)].map((m) => Number(m[1] ?? m[2]));
}

/**
 * A fiscal year asked about ("in fiscal 2025"): met only by that fiscal year, and contradicted by
 * another ("In fiscal 2024, which runs through March 2025, …" does not tell of fiscal 2025).
 */
function checkFiscalYear(year: number, text: string, around: string): { met: number; conflict: boolean } {
  const stated = fiscalYears(text);
  if (stated.includes(year)) return { met: 1, conflict: false };
  if (stated.length > 0) return { met: 0, conflict: true };
  return { met: fiscalYears(around).includes(year) ? 0.6 : 0, conflict: false };
}

/** Numbers written next to `label` in `text` ("magnitude 6.4", "6.4-magnitude", "206 seats"), commas dropped. */
function labelledFigures(text: string, label: string): string[] {
  const stem = escapeRegExp(label.replace(/(?:es|s)$/, ''));
  const word = `${stem}[a-z]*`;
  const num = '(\\d[\\d,]*(?:\\.\\d+)?)';
  const re = new RegExp(`\\b${word}\\s+(?:of\\s+)?${num}|${num}(?:\\s*-\\s*|\\s+)${word}\\b`, 'gi');
  return [...text.matchAll(re)].map((m) => (m[1] ?? m[2] ?? '').replace(/,/g, ''));
}

/** The digits of a figure, thousands separators dropped ("$1,500" → "1500"). */
function digitsOf(figure: string): string {
  return figure.replace(/[^\d.]/g, '').replace(/\.$/, '');
}

/** A figure: stated here, around, or in the article; contradicted by another number with the same label. */
function checkFigure(c: Extract<Constraint, { kind: 'figure' }>, text: string, article: ArticleContext, around: string): { met: number; conflict: boolean } {
  const digits = digitsOf(c.text);
  if (digits === '') return { met: 0, conflict: false };
  const plain = (t: string) => t.replace(/(?<=\d),(?=\d{3})/g, '');
  if (new RegExp(`(?<![\\d.])${digits.replace('.', '\\.')}(?![\\d]|\\.\\d)`).test(plain(text))) return { met: 1, conflict: false };
  const conflict = c.labels.some((l) => labelledFigures(text, l).some((n) => n !== digits));
  if (plain(around).includes(digits)) return { met: 0.6, conflict };
  return { met: plain(article.text).includes(digits) ? 0.3 : 0, conflict };
}

/**
 * A sentence opening on a place of its own: "In Eastport, …", "In the village of Tafeghaghte, near
 * Amizmiz, …"; not on a time ("In March, …", "At Christmas, …").
 */
const OPENS_ON_PLACE = /^\W*(?:[Ii]n|[Aa]t)\s+(?:the\s+)?(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter)\b)(?:(?:village|town|city|district|province|region|commune|municipality|county|hamlet|neighbou?rhood|suburb)\s+of\s+)?\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*)*\s*,/u;

/**
 * Whether a main clause of the sentence sets what it tells in a year other than `year` ("Morocco
 * received 17.4 million tourists in 2024"). A year in a clause of its own ("Lochridge, who was fired
 * in 2018, …", "since 2019") is background.
 */
function setInAnotherYear(text: string, year: number): boolean {
  return text.split(/[,;:–—()]/).some((segment) => {
    if (/^\s*(?:who|whom|whose|which|that|when|where|since|after|before|as|while|until|because|although|though|if)\b/i.test(segment)) return false;
    return [...segment.matchAll(/\b(?:in|during|throughout)\s+(\d{4})\b/gi)].some((m) => Number(m[1]) !== year);
  });
}

/**
 * A place the question sets its event in: stated by the sentence, or by the sentences around it,
 * the article's title or its dateline (which set the scene for what follows). An article that names the place
 * elsewhere only may be telling of another event there ("the Washington meeting in August").
 */
function checkPlace(c: Extract<Constraint, { kind: 'place' }>, s: EvidenceSentence, article: ArticleContext, around: string): { met: number; conflict: boolean } {
  if (statesPlace(c.text, s.text)) return { met: 1, conflict: false };
  // "In the village of Tafeghaghte, 90 were killed": a sentence that opens on its own place tells
  // of that place, whatever the sentences around it name.
  if (OPENS_ON_PLACE.test(s.text)) return { met: 0, conflict: true };
  const scene = [around, article.title ?? '', article.datelinePlace ?? ''];
  if (scene.some((t) => statesPlace(c.text, t))) return { met: 0.6, conflict: false };
  return { met: 0, conflict: false };
}

/** Month names and their abbreviations as news writes them ("Sept.", "Aug"); not the "Mar" of "Viña del Mar". */
const MONTH_WORDS = /(?<!\bdel\s)\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?/g;

/** The months (1–12) a text names; capitalised only, so "may" the verb and "march" the walk are none. */
function monthsNamed(text: string): Set<number> {
  return new Set([...text.matchAll(MONTH_WORDS)].map((m) => monthNumber(m[1] ?? '')));
}

/**
 * How many days after the end of the asked month an article may still report it without naming
 * it: a story filed on 3 August tells of late July with "last week" or "on Friday".
 */
const MONTH_GRACE_DAYS = 10;

/**
 * A month the question names: stated by the sentence (another month instead means another time),
 * by the sentences around it, or by the article's date (its weekdays and "yesterday" are that
 * month). An undated article neither meets it nor contradicts it.
 */
function checkMonth(c: Extract<Constraint, { kind: 'month' }>, text: string, article: ArticleContext, around: string): { met: number; conflict: boolean } {
  const own = monthsNamed(text);
  if (own.has(c.month)) return { met: 1, conflict: false };
  if (monthsNamed(around).has(c.month)) return { met: 0.6, conflict: false };
  const day = articleDay(article.date);
  if (!day) return { met: article.date === null && own.size === 0 ? 0.2 : 0, conflict: false };
  const year = c.year ?? day.getUTCFullYear();
  const start = Date.UTC(year, c.month - 1, 1);
  const end = Date.UTC(year, c.month, 1) + MONTH_GRACE_DAYS * 86_400_000;
  if (day.getTime() < start || day.getTime() >= end) return { met: 0, conflict: false };
  // Another month in a sentence of that month's article is a date in passing ("the team, set up in July 2023, …").
  return { met: own.size === 0 ? 0.7 : 0.5, conflict: false };
}

/** A name with a possessive: "Washington's support", "Hawaii's history" (a government or owner, not where something happened). */
const POSSESSIVE_NAME = /\p{Lu}[\p{L}\p{M}.-]*['’]s(?![\p{L}\p{N}])/gu;

/**
 * Whether a text places something in `place`: names it, not as a possessive. A capital must be
 * named itself: its country ("the United States") does not say the event was there.
 */
function statesPlace(place: string, text: string): boolean {
  const plain = text.replace(POSSESSIVE_NAME, ' ');
  if (!isCapital(place)) return mentionsName(place, plain);
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(place)}(?![\\p{L}\\p{N}])`, 'iu').test(plain);
}

/**
 * How far an undated article supports a year it does not state in or around the sentence: a little
 * when every year it writes is earlier (a wire story whose dateline gives no year, recalling "a
 * 2017 review": nothing says it is of another year), not at all when it writes that year or a later
 * one elsewhere ("a term which ends in 2024", "the 1980 disaster" in a story of today).
 */
function undatedYearSupport(year: number, text: string): number {
  return [...text.matchAll(YEARS)].every((m) => Number(m[1]) < year) ? 0.2 : 0;
}

/** How one constraint fares in a sentence: met (1), met through the article only (partly), or contradicted. */
function check(c: Constraint, s: EvidenceSentence, article: ArticleContext, around: string, earlier: boolean): { met: number; conflict: boolean } {
  // A year or day inside "since the 2019 attack" or "than in 2020" is a point of comparison, not the
  // sentence's own event — unless the question asks about that comparison too.
  const text = c.reference ? s.text : withoutReferences(s.text);
  switch (c.kind) {
    case 'year': {
      if (c.fiscal) return checkFiscalYear(c.year, text, around);
      const years = [...text.matchAll(YEARS)].map((m) => Number(m[1]));
      if (years.includes(c.year)) return { met: 1, conflict: false };
      const articleYear = article.date ? Number(article.date.slice(0, 4)) : undefined;
      // Another year in a sentence of that year's article is a date mentioned in passing ("targets a 2028 opening"),
      // unless the sentence's own clause sets what it tells in that year ("received 17.4 million tourists in 2024").
      if (years.length > 0) return { met: articleYear === c.year ? 0.5 : 0, conflict: articleYear !== c.year || setInAnotherYear(text, c.year) };
      if ([...around.matchAll(YEARS)].some((m) => Number(m[1]) === c.year)) return { met: 0.6, conflict: false };
      if (articleYear === c.year) return { met: 0.7, conflict: false };
      if (articleYear === undefined) return { met: undatedYearSupport(c.year, article.text), conflict: false };
      // An article written before the asked year cannot report it; one written later may.
      return { met: 0, conflict: articleYear < c.year };
    }
    case 'day': {
      const days = statedDays(text, article);
      if (days.some((d) => d.month === c.month && d.day === c.day)) return { met: 1, conflict: false };
      const sameMonthOther = days.some((d) => d.month === c.month && d.day !== c.day);
      const ref = articleDay(article.date);
      if (ref) {
        const delta = Math.round((ref.getTime() - Date.UTC(ref.getUTCFullYear(), c.month - 1, c.day, 12)) / 86_400_000);
        if (delta >= 0 && delta <= 1 && !sameMonthOther) return { met: 0.5, conflict: false };
        // An article written some days before the asked day cannot report it, as the year rule
        // says of years. Further ahead, the day may be the year before's ("the 28 December attack"
        // in a February article), which the question leaves unsaid.
        if (delta < -1 && delta >= -WRITTEN_BEFORE_DAYS && !earlier) return { met: 0, conflict: true };
      }
      return { met: 0, conflict: sameMonthOther };
    }
    case 'ordinal': {
      if (ORDINAL_WORDS[c.value]?.test(s.text)) return { met: 1, conflict: false };
      const other = Object.entries(ORDINAL_WORDS).some(([v, re]) => Number(v) !== c.value && re.test(s.text));
      return { met: ORDINAL_WORDS[c.value]?.test(around) ? 0.5 : 0, conflict: other };
    }
    case 'figure':
      return checkFigure(c, text, article, around);
    case 'place':
      return checkPlace(c, s, article, around);
    case 'month':
      return checkMonth(c, text, article, around);
  }
}

/**
 * How well a sentence meets a part's constraints: the share met (1 when there are none) and
 * whether any is contradicted. Years may come from the article's date, days from its date or the
 * day before (page stamps are often a day late), and anything from the sentences around. With
 * `earlier`, an article written before the asked day may still answer (a reason is given before
 * what it explains: "rain was forecast" before the rescue began on the 8th).
 */
export function checkConstraints(constraints: readonly Constraint[], s: EvidenceSentence, article: ArticleContext, earlier = false): ConstraintCheck {
  if (constraints.length === 0) return { met: 1, conflict: false, unmet: [] };
  const around = `${s.previous?.text ?? ''} ${s.next?.text ?? ''}`;
  const results = constraints.map((c) => ({ c, ...check(c, s, article, around, earlier) }));
  // A place or a month only gates (`setting-not-stated`, `constraint-not-stated`): the answer model
  // was fitted on the share of years, days, rounds and figures met.
  const scored = results.filter((r) => r.c.kind !== 'place' && r.c.kind !== 'month');
  return {
    met: scored.length === 0 ? 1 : scored.reduce((sum, r) => sum + r.met, 0) / scored.length,
    conflict: results.some((r) => r.conflict),
    unmet: results.filter((r) => r.met === 0).map((r) => r.c),
  };
}

/** The verdict on a sentence's constraints. */
export interface ConstraintCheck {
  /** Share met (partly met ones count part). */
  met: number;
  /** Whether one is contradicted. */
  conflict: boolean;
  /** Those neither the sentence, its neighbours nor its article meet at all. */
  unmet: Constraint[];
}
