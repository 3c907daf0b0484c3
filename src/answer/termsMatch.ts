import { sameWord } from '../text/normalizeWord.js';

/**
 * One DP row, reused across calls: `termsMatch` runs for every token × question word of every
 * retrieved sentence, and a fresh array per row was most of its cost. Grown on demand, never shrunk.
 */
let row = new Int32Array(32);

/** Levenshtein distance with a cut-off; returns `max + 1` as soon as the distance exceeds `max`. */
function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (row.length <= n) row = new Int32Array(2 * (n + 1));
  const prev = row;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    // `diagonal` is the previous row's value at j - 1, `left` the current row's.
    let diagonal = prev[0] as number;
    let left = i;
    prev[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const up = prev[j] as number;
      const v = Math.min(up + 1, left + 1, diagonal + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      diagonal = up;
      prev[j] = v;
      left = v;
      if (v < rowMin) rowMin = v;
    }
    // Row minima never decrease, so past `max` the distance cannot come back under it.
    if (rowMin > max) return max + 1;
  }
  return prev[n] as number;
}

/** Whether the string holds an ASCII digit (what `/\d/` matches), without a regex. */
function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/**
 * Whether two normalised word forms refer to the same thing: the same word up to inflection (text/'s
 * `sameWord`: equal normal forms or stems, what an index term match means), the same dictionary
 * form, or — for longer words — a small edit distance with the same first letter. Transliterated
 * names vary by a letter or two between outlets (Hikmet/Hikmat, Nakhichevan/Nakhchivan,
 * Azerbaijani/Azerbaijan), and a question must still find them.
 * @param a - `{ norm, stem, lemma }` of the first word (`normalizeWord` / `stemWord` forms).
 */
export function termsMatch(a: { norm: string; stem: string; lemma?: string }, b: { norm: string; stem: string; lemma?: string }): boolean {
  return sameWord(a, b) || (a.lemma !== undefined && a.lemma === b.lemma) || closeSpellings(a.norm, b.norm);
}

/**
 * {@link termsMatch} for two words known only by their normalised form (each its own stem): the
 * same word, or close spellings of a long one. Takes the strings, so callers comparing many words
 * build no objects.
 */
export function normsMatch(a: string, b: string): boolean {
  return a === b || closeSpellings(a, b);
}

/**
 * Long words with the same first letter, no digit, and an edit distance of 1, or of 2 from 9 letters
 * when the last two letters agree too: transliterations differ inside a name ("Nakhichevan" /
 * "Nakhchivan"), while two words that share a long stem differ at their ends ("Christmas" /
 * "Christian", "protested" / "protestor").
 */
function closeSpellings(a: string, b: string): boolean {
  const len = Math.min(a.length, b.length);
  if (len < 5 || a.charCodeAt(0) !== b.charCodeAt(0)) return false;
  const max = len >= 9 && a.slice(-2) === b.slice(-2) ? 2 : 1;
  // Checked before the digits: most pairs of words differ in length by more than `max`.
  if (Math.abs(a.length - b.length) > max || hasDigit(a) || hasDigit(b)) return false;
  return boundedDistance(a, b, max) <= max;
}
