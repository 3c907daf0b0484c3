import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { ArticleMeta } from './Article.js';

const nullableText = z.string().trim().min(1).nullable();

/**
 * Metadata a person supplies for an article, in `<file>.meta.json` or markdown front matter.
 * A field that is present (even as `null`) overrides what was inferred; an absent one does not.
 */
export const MetaOverridesSchema = z
  .object({
    title: nullableText.optional(),
    publisher: nullableText.optional(),
    date: z
      .string()
      .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
      .nullable()
      .optional(),
    url: z.url().nullable().optional(),
    author: nullableText.optional(),
    /** Free text explaining how a field was established (e.g. a date inferred from the text). */
    notes: z.string().optional(),
    /** When the article was fetched (`npm run add`, `/add`): kept for the record, not shown. */
    retrievedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

export type MetaOverrides = z.infer<typeof MetaOverridesSchema>;

/**
 * The outcome of looking for a sidecar: none, valid overrides, valid overrides with some fields
 * left out (one bad field must not cost the others), or a reason it was ignored whole.
 */
export type SidecarResult =
  | { kind: 'none' }
  | { kind: 'ok'; overrides: MetaOverrides }
  | { kind: 'partial'; overrides: MetaOverrides; reason: string }
  | { kind: 'invalid'; reason: string };

type Issue = z.core.$ZodIssue;

const describeIssues = (issues: readonly Issue[]) =>
  issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');

/** The top-level fields an issue is about (an unknown key names itself). */
function badFields(issue: Issue): string[] {
  if (issue.code === 'unrecognized_keys') return issue.keys;
  const first = issue.path[0];
  return first === undefined ? [] : [String(first)];
}

/** Validates overrides from any source (sidecar JSON or front matter) into a result. */
export function parseMetaOverrides(value: unknown): SidecarResult {
  const parsed = MetaOverridesSchema.safeParse(value);
  if (parsed.success) return { kind: 'ok', overrides: parsed.data };
  const reason = describeIssues(parsed.error.issues);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'invalid', reason };
  const bad = new Set(parsed.error.issues.flatMap(badFields));
  const rest = Object.fromEntries(Object.entries(value).filter(([key]) => !bad.has(key)));
  const retried = MetaOverridesSchema.safeParse(rest);
  if (!retried.success || Object.keys(rest).length === 0) return { kind: 'invalid', reason };
  return { kind: 'partial', overrides: retried.data, reason };
}

/**
 * Reads `<articlePath>.meta.json` (e.g. `seeds/000_x.txt.meta.json`). Never throws: a missing
 * file is `none`, unreadable or invalid JSON or a schema mismatch is `invalid` with the reason.
 */
export async function readSidecar(articlePath: string): Promise<SidecarResult> {
  let text: string;
  try {
    text = await readFile(`${articlePath}.meta.json`, 'utf8');
  } catch (error) {
    if (isNotFound(error)) return { kind: 'none' };
    return { kind: 'invalid', reason: `cannot read: ${error instanceof Error ? error.message : String(error)}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { kind: 'invalid', reason: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  return parseMetaOverrides(json);
}

/** Applies overrides on top of inferred metadata; `notes` is documentation only. */
export function applyOverrides(meta: ArticleMeta, overrides: MetaOverrides): ArticleMeta {
  const result = { ...meta };
  for (const key of ['title', 'publisher', 'date', 'url', 'author'] as const) {
    const value = overrides[key];
    if (value !== undefined) result[key] = value;
  }
  // A date the operator gave is as sure as the page's own.
  if (overrides.date !== undefined && overrides.date !== null) result.dateAttested = true;
  else if (overrides.date === null) delete result.dateAttested;
  return result;
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}
