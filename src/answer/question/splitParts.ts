/**
 * Where a question asks two things: ", and" (or "and", "while", "but") followed by a new
 * interrogative phrase ("How many votes did X get, and how many did he need?", "Who wrote the
 * letter, and to whom was it addressed?").
 */
const PART_BOUNDARY =
  /,?\s+(?:and|while|but|as well as)\s+(?=(?:(?:to|at|on|in|from|by|for|with|under|of)\s+)?(?:who|whom|whose|what|which|when|where|why|how)\b)/gi;

/** A part that is only an interrogative phrase ("To which court"): it shares the rest of the next part. */
const BARE_PHRASE = /^(?:(?:to|at|on|in|from|by|for|with|under|of)\s+)?(?:which|what)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?$/iu;

/**
 * Splits a question into the things it asks. "To which court, and in which city, can X take its
 * case?" gives "To which court can X take its case" and "in which city, can X take its case".
 * A question asking one thing comes back whole.
 */
export function splitParts(question: string): string[] {
  const text = question.trim().replace(/\?+\s*$/, '');
  const parts = text.split(PART_BOUNDARY).map((p) => p.trim().replace(/^,\s*|,\s*$/g, '')).filter((p) => p !== '');
  if (parts.length < 2) return [question.trim()];
  return parts.map((p, i) => {
    const next = parts[i + 1];
    if (!BARE_PHRASE.test(p) || !next) return p;
    const comma = next.indexOf(',');
    return comma >= 0 ? `${p} ${next.slice(comma + 1).trim()}` : p;
  });
}
