import { DossierError } from '../errors.js';
import type { RetrievalFilter } from '../retrieval/RetrievedPassage.js';

const ISO_PREFIX = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Validates an ISO date prefix given on the command line or in Discord. */
export function parseDateOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const v = value.trim();
  if (!ISO_PREFIX.test(v)) throw new DossierError('USAGE', `--${name} must be a date like 2024, 2024-06 or 2024-06-17 (got "${value}").`);
  return v;
}

/** Builds a retrieval filter from `--source`, `--from` and `--to`. */
export function parseFilter(values: { source?: string[] | undefined; from?: string | undefined; to?: string | undefined }): RetrievalFilter | undefined {
  const from = parseDateOption('from', values.from);
  const to = parseDateOption('to', values.to);
  if (from && to && from > to) throw new DossierError('USAGE', `--from (${from}) is after --to (${to}).`);
  const sources = values.source?.filter((s) => s.trim() !== '');
  if (!from && !to && !sources?.length) return undefined;
  return { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(sources?.length ? { sources } : {}) };
}
