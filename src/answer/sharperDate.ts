import * as chrono from 'chrono-node';
import { calendarDay } from './displayDate.js';
import { articleDay } from './scoring/checkConstraints.js';
import type { CandidateAssessment, SentenceAssessment } from './scoring/SentenceAssessment.js';

/** A short answer: the candidate and the sentence it comes from. */
export interface ShortPick {
  candidate: CandidateAssessment;
  sentence: SentenceAssessment;
}

/** The month (year × 12 + month − 1) a date expression names without a day ("April 2024", "in April"), or undefined. */
function monthOnly(text: string, articleDate: string | null): number | undefined {
  const ref = articleDay(articleDate);
  const parsed = chrono.parse(text, ref ?? new Date(Date.UTC(2000, 0, 1)), { forwardDate: false })[0];
  const s = parsed?.start;
  if (!s || !s.isCertain('month') || s.isCertain('day') || s.isCertain('weekday')) return undefined;
  // Without a year written, only the article's own date says which April.
  if (!s.isCertain('year') && !ref) return undefined;
  return (s.get('year') ?? 0) * 12 + (s.get('month') ?? 1) - 1;
}

/**
 * A short date that names only a month ("April 2024") gives way to a day in that month told by
 * another sentence that also answers the part ("said Tuesday it has agreed…", "announced the
 * agreement on April 9"): articles often date an event by its month in passing and by its day where
 * they report it, and a reader asking "when" wants the day. The day must fall within the month the
 * confident answer names, so the two agree; among several, the sentence most likely to answer wins.
 * @param ranked - the part's sentences, best first.
 * @param minP - the least probability the other sentence, and its date, must each reach.
 */
export function sharperDate(pick: ShortPick, ranked: readonly SentenceAssessment[], minP: number): ShortPick | undefined {
  const month = monthOnly(pick.candidate.candidate.text, pick.sentence.article.date);
  if (month === undefined) return undefined;
  // Ranked best first: the first sentence that tells a day of that month is the most likely one.
  for (const sentence of ranked) {
    if (sentence.p < minP || sentence.rejectedBy !== undefined) continue;
    const candidate = sentence.candidates.find((c) => {
      const day = c.p >= minP ? calendarDay(c.candidate.text, sentence.article.date) : undefined;
      if (!day) return false;
      const d = new Date(day.time);
      return d.getUTCFullYear() * 12 + d.getUTCMonth() === month;
    });
    if (candidate) return { candidate, sentence };
  }
  return undefined;
}
