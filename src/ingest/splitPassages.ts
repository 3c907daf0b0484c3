import type { Article } from './Article.js';
import type { Passage } from './Passage.js';
import { splitSentences } from './splitSentences.js';
import type { Sentence } from './splitSentences.js';
import { endsLikeSentence, isBullet, isTableRow, wordCount } from './textShape.js';

/** How to pack sentences into passages. */
export interface SplitPassagesOptions {
  /** Target maximum passage length in characters (sentence texts joined by single spaces). */
  maxChars: number;
  /** How many trailing sentences of a passage are repeated at the start of the next. */
  overlapSentences: number;
}

/**
 * A sentence more than this many times `maxChars` long (a run-on table, a scraped blob without
 * punctuation) is cut at word boundaries into pieces of at most `maxChars`. Anything shorter
 * stays whole, as its own passage, because cutting a real sentence hurts quoting more than a
 * somewhat long passage hurts retrieval.
 */
export const OVERSIZE_FACTOR = 2;

/**
 * Packs an article's body sentences greedily into passages of at most `maxChars`, never splitting
 * a sentence (see `OVERSIZE_FACTOR` for the one exception). Consecutive passages share
 * `overlapSentences` sentences, reduced when the overlap would leave no room for a new sentence.
 */
export function splitPassages(article: Article, options: SplitPassagesOptions): Passage[] {
  const maxChars = Math.max(1, Math.floor(options.maxChars));
  const overlap = Math.max(0, Math.floor(options.overlapSentences));
  const sentences = splitSentences(article.raw, article.body).flatMap((s) => cutOversize(s, maxChars));
  const groups: Sentence[][] = [];
  let next = 0;
  while (next < sentences.length) {
    const previous = groups.at(-1);
    const group: Sentence[] = [];
    if (previous && overlap > 0 && !isHeading(sentences[next])) {
      const candidate = sentences[next];
      const keep = Math.min(overlap, previous.length);
      let carried = previous.slice(previous.length - keep);
      // Drop carried sentences until the first new sentence fits.
      while (carried.length > 0 && candidate && lengthOf([...carried, candidate]) > maxChars) carried = carried.slice(1);
      group.push(...carried);
    }
    const sizeBeforeNew = group.length;
    while (next < sentences.length) {
      const candidate = sentences[next];
      if (!candidate) break;
      const newChars = lengthOf(group.slice(sizeBeforeNew));
      if (group.length > sizeBeforeNew && lengthOf([...group, candidate]) > maxChars) break;
      // A new section starts a new passage unless the current one is still small.
      if (group.length > sizeBeforeNew && isHeading(candidate) && newChars >= maxChars / 3) break;
      group.push(candidate);
      next++;
    }
    // Never end a passage on a heading whose section continues in the next one.
    if (next < sentences.length && group.length - sizeBeforeNew > 1 && isHeading(group.at(-1))) {
      group.pop();
      next--;
    }
    groups.push(group);
  }
  return groups.map((group, index) => toPassage(article, group, index));
}

/** A subheading: its own short line without sentence punctuation ("The Conclusion"). */
function isHeading(sentence: Sentence | undefined): boolean {
  if (!sentence) return false;
  const text = sentence.text;
  return !endsLikeSentence(text) && !/[:;,]$/.test(text) && !isBullet(text) && !isTableRow(text) && wordCount(text, 15) <= 15;
}

function lengthOf(sentences: Sentence[]): number {
  return sentences.reduce((sum, s, i) => sum + s.text.length + (i > 0 ? 1 : 0), 0);
}

function toPassage(article: Article, sentences: Sentence[], index: number): Passage {
  const first = sentences[0];
  const last = sentences.at(-1);
  return {
    id: `${article.source}#${index}`,
    source: article.source,
    index,
    start: first?.start ?? 0,
    end: last?.end ?? 0,
    text: sentences.map((s) => s.text).join(' '),
    sentences: sentences.map((s) => ({ start: s.start, end: s.end, text: s.text })),
    meta: { ...article.meta },
  };
}

/** Cuts a sentence longer than `OVERSIZE_FACTOR * maxChars` at word boundaries. */
function cutOversize(sentence: Sentence, maxChars: number): Sentence[] {
  if (sentence.text.length <= OVERSIZE_FACTOR * maxChars) return [sentence];
  const pieces: Sentence[] = [];
  const text = sentence.text;
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + maxChars);
    if (to < text.length) {
      const space = text.lastIndexOf(' ', to);
      if (space > from) to = space;
    }
    const piece = text.slice(from, to).trimEnd();
    if (piece !== '') pieces.push({ start: sentence.start + from, end: sentence.start + from + piece.length, text: piece });
    from = to;
    while (from < text.length && /\s/.test(text[from] ?? '')) from++;
  }
  return pieces;
}
