/**
 * Where a sentence's clauses begin: after a semicolon, colon or dash, and at a subordinating or
 * coordinating word that starts a new statement ("…, after Mr Scholz lost a confidence vote on
 * December 16th"; "28 people were injured and …"). A figure in one clause and the question's verb
 * in another usually belong to different facts.
 */
const BOUNDARY =
  /[;:]\s|\s[—–]\s|,\s+(?=(?:and|but|while|whereas|although|though|which|who|whom|whose|where|when|after|before|since|as|because|following|including|even|if|until|with|without|amid)\b)|\s(?=(?:after|before|since|while|whereas|although|though|because|following|until|unless|amid|despite)\s)/gi;

/** Offsets (in the sentence) where a new clause starts, in order. */
export function clauseStarts(text: string): number[] {
  const starts: number[] = [];
  for (const m of text.matchAll(BOUNDARY)) starts.push((m.index ?? 0) + m[0].length);
  return starts;
}

/** The clause (0-based) an offset of the sentence falls in. */
export function clauseOf(starts: readonly number[], offset: number): number {
  let i = 0;
  while (i < starts.length && (starts[i] ?? Infinity) <= offset) i++;
  return i;
}

/**
 * The relative clause set off by a comma that an offset falls in (", who has led the firm since May
 * 2022,"), from its pronoun to the next comma or the sentence's end: it describes someone, and its
 * figures and dates belong to that description, not to the sentence's own event.
 */
export function relativeClauseAround(text: string, offset: number): { start: number; end: number } | undefined {
  const opened = [...text.slice(0, offset).matchAll(/,\s+(?:who|whom|whose|which)\b/gi)].at(-1);
  if (!opened || text.slice(opened.index + 1, offset).includes(',')) return undefined;
  const close = text.indexOf(',', offset);
  return { start: opened.index, end: close < 0 ? text.length : close };
}
