/** Clause boundaries: the cut goes right after these, so no clause is cut in the middle. */
const BOUNDARY = /[,;:](?=\s)|\s[—–-](?=\s)|\.(?=\s+\p{Lu})/gu;

/**
 * A readable line of at most `max` characters from `text` that contains position `at` (where the
 * date is mentioned). Whole text when it fits; otherwise the clause holding `at`, widened clause by
 * clause (first to the left, where the subject usually is, then to the right) while it fits. A
 * single clause that is still too long is cut at word boundaries around `at`. Cuts are marked `…`.
 */
export function shortenAround(text: string, at: number, max = 200): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  // A line barely over the limit reads better than one cut before its verb.
  const soft = Math.floor(max * 1.15);
  if (clean.length <= soft) return clean;
  // `at` refers to `text`; whitespace collapsing only moves it left.
  const pos = Math.min(clean.length - 1, Math.max(0, at - (text.length - text.trimStart().length)));
  const cuts = [0];
  for (const m of clean.matchAll(BOUNDARY)) cuts.push((m.index ?? 0) + m[0].length);
  cuts.push(clean.length);
  let i = 0;
  while (i + 1 < cuts.length - 1 && (cuts[i + 1] ?? 0) <= pos) i++;
  let lo = i;
  let hi = i + 1;
  const width = (a: number, b: number): number => (cuts[b] ?? 0) - (cuts[a] ?? 0);
  for (;;) {
    if (lo > 0 && width(lo - 1, hi) <= soft) lo--;
    else if (hi < cuts.length - 1 && width(lo, hi + 1) <= soft) hi++;
    else break;
  }
  let piece = clean.slice(cuts[lo] ?? 0, cuts[hi] ?? clean.length).trim();
  let start = cuts[lo] ?? 0;
  if (piece.length > soft) {
    // One long clause: a word-aligned window around the date.
    const from = Math.max(start, pos - Math.floor(max / 3));
    const windowStart = from === start ? start : clean.indexOf(' ', from) + 1;
    let windowEnd = Math.min(clean.length, windowStart + max);
    if (windowEnd < clean.length) windowEnd = clean.lastIndexOf(' ', windowEnd);
    piece = clean.slice(windowStart, windowEnd).trim();
    start = windowStart;
  }
  const end = start + piece.length;
  piece = piece.replace(/[,;:—–-]\s*$/u, '').trim();
  const prefix = start > 0 ? '…' : '';
  const suffix = end < clean.length && !/[.!?]["'”’)]?$/u.test(piece) ? '…' : '';
  return `${prefix}${piece}${suffix}`;
}
