import { foldLatin } from './foldLatin.js';
import { normalizeWord, stemWord } from './normalizeWord.js';
import { STOP_WORDS } from './stopWords.js';
import { memoizeText } from '../util/memoizeText.js';

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
 * Normalises one token into an index term, or `null` to drop it: stop words and single letters are
 * dropped, the rest is `stemWord(normalizeWord(token))` (accents folded, lower case, possessive 's and
 * apostrophes dropped, Porter2 stem, so "negotiations" meets "negotiated"). Applied identically at
 * index and query time, so names stem consistently on both sides.
 */
export function processTerm(token: string): string | null {
  return memo(token);
}

/**
 * A corpus repeats its words and a term is looked up per token, so whole results are memoised too;
 * bounded so a long-running process indexing many corpora cannot grow it without limit.
 */
const memo = memoizeText((token: string) => computeTerm(token), 200_000, 'all');

function computeTerm(token: string): string | null {
  // Stop words are checked as written first ("let's", "i'm" are on the list with their apostrophe),
  // then as normalised: the index was built in this order, and queries must drop the same words.
  const lower = foldLatin(token).toLowerCase().replace(/’/g, "'");
  if (STOP_WORDS.has(lower)) return null;
  // `tokenize` leaves no dots in a token and has already made "USA" "US", so this is `lower`
  // without a possessive 's and apostrophes: the answerer's normal form of the word, by construction.
  const bare = normalizeWord(token);
  if (bare.length < 2 && !/\d/.test(bare)) return null;
  if (STOP_WORDS.has(bare)) return null;
  return stemWord(bare);
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
