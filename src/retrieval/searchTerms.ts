import { createRequire } from 'node:module';
import { foldLatin } from '../util/foldLatin.js';
import { STOP_WORDS } from './stopWords.js';

/** A Porter2 stemmer (the package ships no types). */
type Stem = (word: string) => string;

function isStem(value: unknown): value is Stem {
  return typeof value === 'function';
}

const require = createRequire(import.meta.url);
// wink-porter2-stemmer's main export: the function wink-nlp-utils' `string.stem` calls, so stems
// are those of indexes built before. Not wink-nlp-utils itself: its index loads every helper, and
// two of them build a whole wink-nlp English model on load (over a second at every start-up).
const stemModule: unknown = require('wink-porter2-stemmer');
if (!isStem(stemModule)) throw new Error('wink-porter2-stemmer does not export a stemmer function');
const stem = stemModule;

/**
 * Spellings of the United States that must meet as one term: "U.S." would otherwise tokenise into
 * the letters "u" and "s", and "United States" into two common words, so a question saying "US"
 * would miss the articles saying "U.S." (all five seeds use a different mix).
 */
const UNITED_STATES = /\b(?:U\.S\.A\.?|U\.S\.?(?![a-z])|USA\b|United States(?: of America)?\b)/g;

/** Words, keeping internal apostrophes (so possessives and contractions can be handled whole). */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/**
 * Splits text into raw tokens for the lexical index. Runs before lowercasing so the case-sensitive
 * "U.S."/"US" spellings can be recognised.
 */
export function tokenize(text: string): string[] {
  // `match` with a global pattern returns the strings alone: about twice as fast as `matchAll`,
  // which builds a match object per word (this runs over every passage of a build).
  return text.replace(UNITED_STATES, ' US ').match(WORD) ?? [];
}

/**
 * Normalises one token into an index term, or `null` to drop it: accents folded, lowercase, strip a possessive
 * 's, drop stop words and single letters, then Porter2-stem so "negotiations" meets "negotiated".
 * Applied identically at index and query time, so names stem consistently on both sides.
 */
export function processTerm(token: string): string | null {
  const known = memo.get(token);
  if (known !== undefined) return known;
  // Bounded so a long-running process indexing many corpora cannot grow it without limit.
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const term = computeTerm(token);
  memo.set(token, term);
  return term;
}

/** Stemming dominates index build time and a corpus repeats its words, so results are memoised. */
const memo = new Map<string, string | null>();
const MEMO_LIMIT = 200_000;

function computeTerm(token: string): string | null {
  // Outlets spell the same name with and without its accents ("Erdoğan", "Erdogan").
  const lower = foldLatin(token).toLowerCase().replace(/’/g, "'");
  if (STOP_WORDS.has(lower)) return null;
  const bare = lower.replace(/'s$/, '').replace(/'/g, '');
  if (bare.length < 2 && !/\d/.test(bare)) return null;
  if (STOP_WORDS.has(bare)) return null;
  return stem(bare);
}

/** The distinct index terms of a text (used for overlap between passages). */
export function termSet(text: string): Set<string> {
  const terms = new Set<string>();
  for (const token of tokenize(text)) {
    const term = processTerm(token);
    if (term) terms.add(term);
  }
  return terms;
}
