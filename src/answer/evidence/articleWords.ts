import { foldLatin } from '../../text/foldLatin.js';
import type { ArticleContext } from './EvidenceSentence.js';

/**
 * An article's distinct words (title included), accents folded as text/'s `normalizeWord` folds them,
 * lower case and sorted, so that a word, a word beginning (a stem) or a word's close spellings can be
 * looked up without reading the article.
 * Kept per article while its index is served; words are interned, so a large corpus costs one
 * pointer per distinct word of each article.
 */
const lists = new WeakMap<ArticleContext, string[]>();
const interned = new Map<string, string>();

/** The article's distinct folded lower-case words, sorted (split at anything not a letter or digit). */
export function articleWordList(article: ArticleContext): string[] {
  let words = lists.get(article);
  if (!words) {
    const text = foldLatin(`${article.title ?? ''}\n${article.text}`).toLowerCase();
    words = [...new Set(text.match(/[\p{L}\p{N}]+/gu) ?? [])].sort().map(intern);
    lists.set(article, words);
  }
  return words;
}

function intern(word: string): string {
  const known = interned.get(word);
  if (known !== undefined) return known;
  // A bound for a bot that serves for months: past it, words are simply no longer shared.
  if (interned.size < 500_000) interned.set(word, word);
  return word;
}

/** Index of the first word not below `prefix` in a sorted list. */
function lowerBound(sorted: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? '') < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether some word of the sorted list starts with `prefix`. */
export function hasPrefix(sorted: readonly string[], prefix: string): boolean {
  return (sorted[lowerBound(sorted, prefix)] ?? '').startsWith(prefix);
}

/** The words of the sorted list that start with the same letter as `word` (its possible spellings). */
export function sameInitial(sorted: readonly string[], word: string): readonly string[] {
  const first = word.charAt(0);
  if (first === '') return [];
  const from = lowerBound(sorted, first);
  const to = lowerBound(sorted, String.fromCodePoint((first.codePointAt(0) ?? 0) + 1));
  return sorted.slice(from, to);
}
