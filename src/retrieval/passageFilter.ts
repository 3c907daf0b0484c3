import { DossierError } from '../errors.js';
import type { Passage } from '../ingest/Passage.js';
import type { RetrievalFilter } from './RetrievedPassage.js';

const ISO_PREFIX = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * First and last day of the period an ISO prefix denotes, as comparable `YYYY-MM-DD` strings.
 * Day 31 stands for "end of month" for every month: string comparison only needs it to sort after
 * every real day of that month and before the next month.
 */
function period(date: string): { first: string; last: string } {
  const [year, month, day] = date.split('-');
  return {
    first: `${year}-${month ?? '01'}-${day ?? '01'}`,
    last: `${year}-${month ?? '12'}-${day ?? '31'}`,
  };
}

function checkDate(name: 'from' | 'to', value: string): string {
  const v = value.trim();
  if (!ISO_PREFIX.test(v)) throw new DossierError('USAGE', `"${name}" must be a date like 2024, 2024-06 or 2024-06-17 (got "${value}").`);
  return v;
}

/** `./seeds\\a.txt` -> `seeds/a.txt`, so users may type paths either way. */
export function normalizeSource(source: string): string {
  return source.trim().replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
}

/** The names an article answers to in a source filter: its project-relative path and its bare file name. */
export function sourceNames(source: string): [string, string] {
  const path = normalizeSource(source);
  return [path, path.slice(path.lastIndexOf('/') + 1)];
}

/**
 * Whether an article is one of the `sources` a user named (paths or bare file names, typed either
 * way); every article is when none are named.
 */
export function sourceMatcher(sources: readonly string[] | undefined): (source: string) => boolean {
  const wanted = new Set((sources ?? []).map(normalizeSource).filter((s) => s !== ''));
  if (wanted.size === 0) return () => true;
  return (source) => sourceNames(source).some((name) => wanted.has(name));
}

/**
 * Turns a {@link RetrievalFilter} into a passage predicate, or `undefined` when it filters nothing.
 *
 * - `sources` match a passage's project-relative path or its bare file name.
 * - Dates are compared at the precision each side is known to: an article dated `2025-11` is a whole
 *   month and matches `from: 2025-11-10` because the month overlaps the requested range. Articles
 *   with no known date are excluded whenever `from` or `to` is set (we cannot claim they match).
 * @throws DossierError `USAGE` for a malformed date or `from` after `to`.
 */
export function passageFilter(filter: RetrievalFilter | undefined): ((passage: Passage) => boolean) | undefined {
  if (!filter) return undefined;
  const from = filter.from !== undefined && filter.from.trim() !== '' ? period(checkDate('from', filter.from)).first : undefined;
  const to = filter.to !== undefined && filter.to.trim() !== '' ? period(checkDate('to', filter.to)).last : undefined;
  if (from && to && from > to) throw new DossierError('USAGE', `"from" (${filter.from}) is after "to" (${filter.to}).`);
  const named = (filter.sources ?? []).some((s) => normalizeSource(s) !== '');
  if (!from && !to && !named) return undefined;
  const isWanted = sourceMatcher(filter.sources);
  return (passage) => {
    if (!isWanted(passage.source)) return false;
    if (from || to) {
      const date = passage.meta.date;
      if (date === null || !ISO_PREFIX.test(date)) return false;
      const span = period(date);
      if (from && span.last < from) return false;
      if (to && span.first > to) return false;
    }
    return true;
  };
}
