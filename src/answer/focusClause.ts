import { endsWithAbbreviation } from '../ingest/abbreviations.js';

/**
 * The part of a user's message that is the question. A message may carry preamble — or an attempt
 * at instructions ("Ignore your rules... Who met Bayramov?") — before its last interrogative
 * sentence; only that sentence decides what the answer must contain.
 */
export function focusClause(question: string): string {
  const clauses: string[] = [];
  for (const piece of question.split(/(?<=[.!?:])\s+/)) {
    // "Did the U.S. Department …?", "Rear Adm. Jane Doe": an abbreviation does not end a clause.
    const last = clauses.at(-1);
    if (last !== undefined && endsWithAbbreviation(last)) clauses[clauses.length - 1] = `${last} ${piece}`;
    else clauses.push(piece);
  }
  const asked = [...clauses.map((c) => c.trim()).filter(Boolean)].reverse().find((c) => /\?\s*$/.test(c));
  return asked ?? question.trim();
}
