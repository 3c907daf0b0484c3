import nlp from 'compromise';
import { mentionsAlias } from '../placeAliases.js';
import { normsMatch } from '../termsMatch.js';
import { LruMap } from '../../util/LruMap.js';
import { articleWordList, sameInitial } from './articleWords.js';
import type { ArticleContext } from './EvidenceSentence.js';
import { escapeRegExp } from '../../util/escapeRegExp.js';
import { foldLatin } from '../../text/foldLatin.js';
import { normalizeWord } from '../../text/normalizeWord.js';

/** Last words that make a name an organisation, place or thing rather than a person ("Trump Corridor", "Key Bridge"). */
export const THING_SUFFIX =
  /^(?:airlines?|airways|air|service|services|bridge|party|court|council|ministry|department|bank|group|association|agency|company|corporation|corp|inc|ltd|llc|plc|university|college|committee|commission|union|army|navy|forces?|front|airport|port|park|river|lake|street|square|station|conference|summit|club|institute|foundation|fund|organi[sz]ation|authority|board|office|administration|assembly|parliament|senate|house|congress|hospital|school|church|mosque|temple|museum|stadium|cent(?:er|re)|market|exchange|times|post|news|network|systems?|technologies|media|treaty|agreement|accord|act|law|bill|operation|project|programme|program|county|city|state|province|district|region|republic|kingdom|federation|union|emirates|island|islands|valley|mountains?|sea|ocean|gulf|bay|canal|corridor|route|highway|road|tower|building|palace|hall|plaza|prize|award|cup|games|league|festival|airbase|base|camp|crossing|border|dam|plant|reactor|mine|field|fleet|ship|vessel|aircraft)$/i;

const CONNECTORS = new Set(['of', 'the', 'and', 'for', 'de', 'la', 'du', 'am', 'van', 'von', '&']);

interface Word {
  text: string;
  norm: string;
}

/**
 * Sentences recur across questions; whole articles recur too but are large (a long speech is
 * thousands of words), so they get a small cache of their own that sentences cannot evict.
 */
const sentenceWords = new LruMap<string, Word[]>(4096);
const articleWords = new LruMap<string, Word[]>(16);
const LONG_TEXT = 2000;

/** Words of a text; a hyphenated word also counts as its parts ("Lashkar-e-Toiba" names "Lashkar"). */
function wordsOf(text: string): Word[] {
  const wordsCache = text.length >= LONG_TEXT ? articleWords : sentenceWords;
  const hit = wordsCache.get(text);
  if (hit) return hit;
  const out: Word[] = [];
  for (const w of text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []) {
    const clean = w.replace(/['’]s$/u, '').replace(/[.'’-]+$/u, '');
    out.push({ text: clean, norm: normalizeWord(clean) });
    if (clean.includes('-')) for (const part of clean.split('-')) if (part.length > 1) out.push({ text: part, norm: normalizeWord(part) });
  }
  wordsCache.set(text, out);
  return out;
}

const same = (a: Word, b: Word) => normsMatch(a.norm, b.norm);

/** Whether `needle` occurs as consecutive words of `hay` (each word matching up to a spelling variant). */
function hasRun(hay: Word[], needle: Word[]): boolean {
  if (needle.length === 0) return false;
  // Plain loops: this runs over every word of every sentence near the evidence, for every name.
  for (let i = 0; i + needle.length <= hay.length; i++) {
    let k = 0;
    while (k < needle.length && same(hay[i + k] as Word, needle[k] as Word)) k++;
    if (k === needle.length) return true;
  }
  return false;
}

/** Initials of a multi-word name, connectors skipped ("National Health Service" → "NHS"). */
function acronymOf(words: Word[]): string | undefined {
  const significant = words.filter((w) => !CONNECTORS.has(w.norm));
  return significant.length >= 2 ? significant.map((w) => w.text[0]?.toUpperCase() ?? '').join('') : undefined;
}

/** Whether an acronym ("JBC") is spelled out in the text ("Joint Boundary Commission"). */
function expandedIn(acronym: string, hay: Word[]): boolean {
  const letters = acronym.toUpperCase();
  for (let i = 0; i + letters.length <= hay.length; i++) {
    let k = 0;
    let j = i;
    while (j < hay.length && k < letters.length) {
      const w = hay[j] as Word;
      if (CONNECTORS.has(w.norm) && k > 0) {
        j++;
        continue;
      }
      if (!/^\p{Lu}/u.test(w.text) || w.text[0]?.toUpperCase() !== letters[k]) break;
      k++;
      j++;
    }
    if (k === letters.length) return true;
  }
  return false;
}

const undotted = new LruMap<string, string>(48);

/** The text with initialisms written without dots ("U.S." → "US"), cached for long texts. */
function withoutInitialDots(text: string): string {
  const undot = (t: string) => t.replace(/\b(?:\p{Lu}\.){2,}/gu, (m) => m.replace(/\./g, ''));
  if (text.length < LONG_TEXT) return undot(text);
  let hit = undotted.get(text);
  if (hit === undefined) {
    hit = undot(text);
    undotted.set(text, hit);
  }
  return hit;
}

const people = new Map<string, boolean>();

/** A person's name: compromise says so, or two or three words none of which marks an organisation or place. */
function isPersonName(name: string, words: Word[]): boolean {
  let known = people.get(name);
  if (known === undefined) {
    known = words.length >= 2 && words.length <= 3 && !THING_SUFFIX.test(words.at(-1)?.norm ?? '') && (nlp(name).has('#Person') || !nlp(name).has('(#Place|#Organization)'));
    if (people.size > 2000) people.clear();
    people.set(name, known);
  }
  return known;
}

/**
 * Whether a text mentions a name the question gives. Written the way news refers back to names:
 * a person by surname ("Scholz" for "Olaf Scholz"), an organisation by its acronym ("NHS") or its
 * last words ("Key Bridge"), an acronym by its expansion, a country by its capital and back, and
 * any word up to a transliteration variant ("Hikmet" / "Hikmat"). "United Airlines" is not
 * mentioned by a text that names only "Delta Air Lines" and the "United States".
 */
export function mentionsName(name: string, text: string): boolean {
  const needle = wordsOf(name);
  if (needle.length === 0) return true;
  const hay = wordsOf(text);
  if (hasRun(hay, needle)) return true;
  // "U.S." is how news writes the "US" that place aliases list.
  if (mentionsAlias(withoutInitialDots(text), name)) return true;
  if (needle.length === 1) {
    const only = needle[0] as Word;
    return /^\p{Lu}{2,6}$/u.test(only.text) && expandedIn(only.text, hay);
  }
  if (isPersonName(name, needle)) return hay.some((w) => same(w, needle.at(-1) as Word));
  const acronym = acronymOf(needle);
  if (acronym && hay.some((w) => w.text === acronym)) return true;
  if (needle.length >= 3 && hasRun(hay, needle.slice(-2))) return true;
  return needle.length >= 3 && THING_SUFFIX.test(needle.at(-1)?.norm ?? '') && hasRunThenLast(hay, needle);
}

/**
 * Whether all but the last word of `needle` occur as a run with the last word at most five words
 * later: a body's name shortened by its official middle words ("Senate Commerce Committee" in
 * "Senate Commerce, Science and Transportation Committee").
 */
function hasRunThenLast(hay: Word[], needle: Word[]): boolean {
  const head = needle.slice(0, -1);
  const last = needle.at(-1) as Word;
  for (let i = 0; i + head.length <= hay.length; i++) {
    let k = 0;
    while (k < head.length && same(hay[i + k] as Word, head[k] as Word)) k++;
    if (k < head.length) continue;
    const after = hay.slice(i + k, i + k + 6);
    if (after.some((w) => same(w, last))) return true;
  }
  return false;
}

/** Verdicts per article and name: articles are fixed while an index is served, names recur. */
const verdicts = new WeakMap<ArticleContext, Map<string, boolean>>();


/** The article's spellings of a word: its words with the same initial that {@link same} accepts. */
function spellings(words: readonly string[], word: string): string[] {
  return sameInitial(words, word).filter((w) => normsMatch(w, word));
}

/** A name's words as the article's word list splits them: folded, at anything not a letter or digit ("U.S." → u, s). */
function pieces(name: string): string[] {
  return foldLatin(name).toLowerCase().replace(/['’]s\b/gu, '').split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/**
 * Whether the words occur one after another in the article, each up to a spelling variant: the
 * article's spellings of each word, found in its sorted word list, joined into one pattern over
 * its lower-case text.
 */
function articleHasRun(run: readonly string[], article: ArticleContext, lower: () => string, gapBeforeLast = false): boolean {
  if (run.length === 0) return false;
  const words = articleWordList(article);
  const alternatives: string[] = [];
  for (const w of run) {
    const found = spellings(words, w);
    if (found.length === 0) return false;
    alternatives.push(`(?:${found.map(escapeRegExp).join('|')})`);
  }
  const between = '[^\\p{L}\\p{N}]+';
  const last = alternatives.pop() ?? '';
  // Up to five more words before the last, within the sentence: "Commerce, Science and Transportation Committee".
  const gap = gapBeforeLast ? '(?:[^\\p{L}\\p{N}.;]+[\\p{L}\\p{N}]+){0,5}' : '';
  const pattern = alternatives.length > 0 ? `${alternatives.join(between)}${gap}${between}${last}` : last;
  return new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'u').test(lower());
}

/**
 * {@link mentionsName} for a whole article (its title and text), remembered per article. Works
 * from the article's sorted distinct words and one pattern over its text, so a long article is
 * never split into word objects; a lone acronym, whose expansion needs the words' capitals, is
 * checked by {@link mentionsName} itself.
 */
export function articleMentionsName(name: string, article: ArticleContext): boolean {
  let known = verdicts.get(article);
  if (!known) {
    known = new Map();
    verdicts.set(article, known);
  }
  const hit = known.get(name);
  if (hit !== undefined) return hit;
  const found = checkArticle(name, article);
  if (known.size >= 256) known.clear();
  known.set(name, found);
  return found;
}

function checkArticle(name: string, article: ArticleContext): boolean {
  const needle = wordsOf(name);
  if (needle.length === 0) return true;
  const text = `${article.title ?? ''}\n${article.text}`;
  if (needle.length === 1 && /^\p{Lu}{2,6}$/u.test(needle[0]?.text ?? '')) return mentionsName(name, text);
  let lowered: string | undefined;
  // Folded like the article's word list, one letter for one: "Erdogan" is found in "Erdoğan".
  const lower = () => (lowered ??= foldLatin(text).toLowerCase());
  const run = pieces(name);
  // "U.S." is also written "US", which the word list keeps as one word.
  const undotted = pieces(name.replace(/(?<=\p{Lu})\.(?=\p{Lu}|$|\s)/gu, ''));
  if (articleHasRun(run, article, lower) || (undotted.join(' ') !== run.join(' ') && articleHasRun(undotted, article, lower))) return true;
  if (mentionsAlias(withoutInitialDots(text), name)) return true;
  if (needle.length === 1) return false;
  if (isPersonName(name, needle)) return spellings(articleWordList(article), run.at(-1) ?? '').length > 0;
  const acronym = acronymOf(needle);
  if (acronym && new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(acronym)}(?![\\p{L}\\p{N}])`, 'u').test(text)) return true;
  if (needle.length >= 3 && articleHasRun(run.slice(-2), article, lower)) return true;
  // A body's name shortened by its official middle words: "Senate Commerce Committee" is the "Senate
  // Commerce, Science and Transportation Committee".
  return needle.length >= 3 && THING_SUFFIX.test(run.at(-1) ?? '') && articleHasRun(run, article, lower, true);
}
