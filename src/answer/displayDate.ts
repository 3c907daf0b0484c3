import * as chrono from 'chrono-node';
import { articleDay } from './scoring/checkConstraints.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A date as a short answer: a weekday or a day without a year ("on Monday", "May 10") is given in
 * full when the article's own date places it ("12 May 2025 (Monday)"), since a reader cannot tell
 * which Monday from the answer alone. A date stated in full, or one the article's date cannot
 * place, is given as written.
 * @param articleDate - ISO date of the article, at any precision.
 */
export function displayDate(text: string, articleDate: string | null): string {
  const ref = articleDay(articleDate);
  if (!ref) return text;
  const parsed = chrono.parse(text, ref, { forwardDate: false })[0];
  if (!parsed) return text;
  const s = parsed.start;
  if (s.isCertain('year')) return text;
  const weekdayOnly = s.isCertain('weekday') && !s.isCertain('day');
  const dayWithoutYear = s.isCertain('month') && s.isCertain('day');
  if (!weekdayOnly && !dayWithoutYear) return text;
  const [year, month, day] = [s.get('year') ?? 0, s.get('month') ?? 0, s.get('day') ?? 0];
  const time = Date.UTC(year, month - 1, day, 12);
  // A day after the article's date is an announced one; a year's wrap-around is too uncertain to fill in.
  if (time - ref.getTime() > 2 * 86_400_000 || ref.getTime() - time > 300 * 86_400_000) return text;
  const full = `${day} ${MONTHS[month - 1] ?? ''} ${year}`;
  return weekdayOnly ? `${full} (${text})` : full;
}
