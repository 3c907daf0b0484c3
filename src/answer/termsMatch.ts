/** Levenshtein distance with a cut-off; returns `max + 1` as soon as the distance exceeds `max`. */
function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/**
 * Whether two normalised word forms refer to the same thing: equal stems, or — for longer words —
 * a small edit distance with the same first letter. Transliterated names vary by a letter or two
 * between outlets (Hikmet/Hikmat, Nakhichevan/Nakhchivan, Azerbaijani/Azerbaijan), and a question
 * must still find them.
 * @param a - `{ norm, stem, lemma }` of the first word (lower case).
 */
export function termsMatch(a: { norm: string; stem: string; lemma?: string }, b: { norm: string; stem: string; lemma?: string }): boolean {
  if (a.norm === b.norm || a.stem === b.stem || (a.lemma !== undefined && a.lemma === b.lemma)) return true;
  const len = Math.min(a.norm.length, b.norm.length);
  if (len < 5 || a.norm[0] !== b.norm[0] || /\d/.test(a.norm) || /\d/.test(b.norm)) return false;
  const max = len >= 9 ? 2 : 1;
  return boundedDistance(a.norm, b.norm, max) <= max;
}
