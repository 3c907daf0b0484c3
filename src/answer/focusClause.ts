import { endsWithAbbreviation } from '../ingest/abbreviations.js';

const INTERROGATIVE = /\b(?:who|whom|whose|what|which|when|where|why|how)\b/i;

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
    // "What did the two appeals seek: the one for A and the one for B?": the list after the colon
    // belongs to the question before it ("SYSTEM:" asks nothing; "What I ask: who met X?" asks after it).
    const listsFor = last !== undefined && /:$/.test(last) && INTERROGATIVE.test(last) && !INTERROGATIVE.test(piece);
    if (last !== undefined && (endsWithAbbreviation(last) || listsFor)) clauses[clauses.length - 1] = `${last} ${piece}`;
    else clauses.push(piece);
  }
  const asked = [...clauses.map((c) => c.trim()).filter(Boolean)].reverse().find((c) => /\?\s*$/.test(c));
  return asked ?? question.trim();
}
