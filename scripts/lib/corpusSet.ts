import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { regexPattern as pattern } from './regexPattern.js';

const GoldQuestionSchema = z.object({
  id: z.string().min(1),
  kind: z.string().min(1),
  q: z.string().min(1),
  sources: z.array(z.string()),
  all: z.array(pattern).optional(),
  any: z.array(pattern).optional(),
  not: z.array(pattern).optional(),
});

const GoldEventSchema = z.object({
  date: z.string().min(4),
  alt: z.array(z.string()).optional(),
  sources: z.array(z.string()),
  what: z.string().optional(),
});

const CorpusSetSchema = z.object({
  about: z.string().optional(),
  /** Where the articles are, relative to the set's folder; `corpus/` when absent (the shared format). */
  corpus: z.string().optional(),
  questions: z.array(GoldQuestionSchema),
  timeline: z
    .object({
      events: z.array(GoldEventSchema),
      noise_dates: z.array(z.string()).default([]),
      also_valid_dates: z.array(z.string()).optional(),
    })
    .optional(),
});

/** One gold question of a corpus set (`questions.json`, the format of `../shared/corpora/`). */
export type GoldQuestion = z.infer<typeof GoldQuestionSchema>;
/** One gold timeline event. */
export type GoldEvent = z.infer<typeof GoldEventSchema>;

/** A development corpus: articles plus gold questions and timeline. */
export interface CorpusSet {
  /** The folder's name ("india-pakistan-2025"). */
  name: string;
  dir: string;
  /** The articles' folder. */
  corpusDir: string;
  questions: GoldQuestion[];
  timeline: { events: GoldEvent[]; noise_dates: string[]; also_valid_dates?: string[] | undefined } | undefined;
}

/**
 * Reads a corpus set folder: `questions.json` and the articles in `corpus/` (or the folder its
 * `corpus` field names). Throws with every problem named when the file is malformed.
 */
export function loadCorpusSet(dir: string): CorpusSet {
  const file = path.join(dir, 'questions.json');
  if (!existsSync(file)) throw new Error(`${dir}: not a corpus set (no questions.json)`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const parsed = CorpusSetSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`${file}:\n${parsed.error.issues.map((i) => `  [${i.path.join('.')}] ${i.message}`).join('\n')}`);
  }
  const corpusDir = path.resolve(dir, parsed.data.corpus ?? 'corpus');
  if (!existsSync(corpusDir)) throw new Error(`${dir}: no articles folder at ${corpusDir}`);
  return { name: path.basename(path.resolve(dir)), dir: path.resolve(dir), corpusDir, questions: parsed.data.questions, timeline: parsed.data.timeline };
}

/** The set folders directly under `parent` (those holding a `questions.json`), sorted by name. */
export function listCorpusSets(parent: string): string[] {
  if (!existsSync(parent)) return [];
  return readdirSync(parent, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(parent, e.name, 'questions.json')))
    .map((e) => path.join(parent, e.name))
    .sort();
}

/**
 * The sets measured and fitted on by default: the shared development corpora beside the project,
 * our own in `eval/corpora/`, and the seed questions (`eval/seeds/`). The held-out set in
 * `eval/holdout/` is never among them.
 */
export function defaultSets(root: string): string[] {
  const seeds = path.join(root, 'eval/seeds');
  return [
    ...listCorpusSets(path.resolve(root, '../shared/corpora')),
    ...listCorpusSets(path.join(root, 'eval/corpora')),
    ...(existsSync(path.join(seeds, 'questions.json')) ? [seeds] : []),
  ];
}

/**
 * The set folders named on a command line: a set folder itself, or a folder of sets (all of them).
 * Files are left out, so a shell glob over `../shared/corpora/*` can be passed as it is.
 */
export function resolveSetDirs(given: readonly string[]): string[] {
  const out: string[] = [];
  for (const g of given) {
    const dir = path.resolve(g);
    if (!existsSync(dir)) throw new Error(`${g}: no such folder`);
    if (!statSync(dir).isDirectory()) continue;
    if (existsSync(path.join(dir, 'questions.json'))) out.push(dir);
    else {
      const sets = listCorpusSets(dir);
      if (sets.length === 0) throw new Error(`${g}: neither a corpus set (questions.json and corpus/) nor a folder of them`);
      out.push(...sets);
    }
  }
  return out;
}
