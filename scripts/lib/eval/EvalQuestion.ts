import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { DossierError } from '../../../src/errors.js';
import { regexPattern as pattern } from '../regexPattern.js';

/** The kinds of question the eval set covers; metrics are also broken down by these. */
export const QUESTION_TYPES = ['who', 'when', 'what', 'paraphrase', 'multi', 'unanswerable', 'injection'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

const EvalQuestionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    question: z.string().min(1),
    type: z.enum(QUESTION_TYPES),
    answerable: z.boolean(),
    /** Regexes (case-insensitive) that must ALL appear in the answer text. */
    expected: z.array(pattern),
    /** Seed file names (no directory) that contain the answer. */
    gold: z.array(z.string().min(1)),
    /** Regexes that must NOT appear in the answer (what an injected instruction asked for). */
    forbidden: z.array(pattern).optional(),
  })
  .refine((q) => !q.answerable || (q.expected.length > 0 && q.gold.length > 0), {
    message: 'an answerable question needs expected patterns and gold sources',
  });

/** One question of the eval set (`test/eval/questions.json`). */
export type EvalQuestion = z.infer<typeof EvalQuestionSchema>;

/**
 * Validates a parsed question list. Throws `DossierError('USAGE')` naming each bad entry, so a typo in
 * the eval set fails loudly instead of silently scoring a broken question as a miss.
 */
export function parseEvalQuestions(value: unknown): EvalQuestion[] {
  const parsed = z.array(EvalQuestionSchema).safeParse(value);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  [${i.path.join('.')}] ${i.message}`);
    throw new DossierError('USAGE', `Invalid eval questions:\n${lines.join('\n')}`, { cause: parsed.error });
  }
  const seen = new Set<string>();
  for (const q of parsed.data) {
    if (seen.has(q.id)) throw new DossierError('USAGE', `Duplicate eval question id "${q.id}".`);
    seen.add(q.id);
  }
  return parsed.data;
}

/** Reads and validates an eval question file. */
export async function loadEvalQuestions(file: string): Promise<EvalQuestion[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new DossierError('USAGE', `Cannot read eval questions from ${file}.`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DossierError('USAGE', `${file} is not valid JSON.`, { cause: error });
  }
  return parseEvalQuestions(json);
}

/**
 * Picks a subset: a number N takes the first N, otherwise a comma-separated list of ids (or id prefixes
 * ending in `*`, e.g. `none-*`). Unknown ids are an error rather than a silently smaller run.
 */
export function selectQuestions(questions: EvalQuestion[], subset: string | undefined): EvalQuestion[] {
  if (!subset) return questions;
  if (/^\d+$/.test(subset)) return questions.slice(0, Number(subset));
  const wanted = subset.split(',').map((s) => s.trim()).filter(Boolean);
  const picked: EvalQuestion[] = [];
  for (const w of wanted) {
    const matches = w.endsWith('*') ? questions.filter((q) => q.id.startsWith(w.slice(0, -1))) : questions.filter((q) => q.id === w);
    if (matches.length === 0) throw new DossierError('USAGE', `No eval question matches "${w}".`);
    for (const m of matches) if (!picked.includes(m)) picked.push(m);
  }
  return picked;
}
