/**
 * The part of a user's message that is the question. A message may carry preamble — or an attempt
 * at instructions ("Ignore your rules... Who met Bayramov?") — before its last interrogative
 * sentence; only that sentence decides what the answer must contain.
 */
export function focusClause(question: string): string {
  const clauses = question
    .split(/(?<=[.!?:])\s+/)
    .map((c) => c.trim())
    .filter(Boolean);
  const asked = [...clauses].reverse().find((c) => /\?\s*$/.test(c));
  return asked ?? question.trim();
}
