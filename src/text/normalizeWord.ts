import { createRequire } from 'node:module';
import { foldLatin } from './foldLatin.js';
import { memoizeText } from '../util/memoizeText.js';

/**
 * The one normalisation of a single word that indexing, retrieval, answering and timelines share,
 * so that two parts of the system cannot disagree on whether two words are the same word:
 * {@link normalizeWord} (the written word → its normal form), {@link stemWord} (normal form → Porter2
 * stem) and {@link sameWord} (the exact-or-inflection rule). Index terms (`searchTerms.ts`) are
 * `stemWord(normalizeWord(token))` after the stop words; the answerer's `WordForm.norm` and `.stem`
 * are `normalizeWord` and `stemWord` of each word wink-nlp reads.
 */

/** A Porter2 stemmer (the package ships no types). */
type Stemmer = (word: string) => string;

function isStemmer(value: unknown): value is Stemmer {
  return typeof value === 'function';
}

const require = createRequire(import.meta.url);
// wink-porter2-stemmer's main export: the function wink-nlp-utils' `string.stem` calls (so index
// terms are those of indexes built before) and the algorithm wink-nlp's model applies as `its.stem`.
// Not wink-nlp-utils itself: its index loads every helper, and two of them build a whole wink-nlp
// English model on load (over a second at every start-up).
const stemModule: unknown = require('wink-porter2-stemmer');
if (!isStemmer(stemModule)) throw new Error('wink-porter2-stemmer does not export a stemmer function');
const porter2 = stemModule;

/**
 * The United States written as one word: "USA" and "U.S.A." are the "US" (and "U.S.") of other
 * outlets. Upper case only: "usa" in running text is not the country. (Index text also meets
 * "United States" as this term: `searchTerms.tokenize` rewrites the phrase before splitting words.)
 */
const UNITED_STATES_WORD = /^U\.?S\.?A\.?$/;

/** Trailing possessive 's (apostrophes already made straight). */
const POSSESSIVE = /'s$/;

/** Apostrophes and dots inside a word: "O'Brien" is "OBrien", "U.S." is "US", "3.5" is "35". */
const APOSTROPHES_AND_DOTS = /[.']/g;

/**
 * A written word's normal form: accents folded one letter for one ("Erdoğan" → "erdogan"), lower
 * case, a possessive "'s" dropped ("OpenAI's" → "openai"), apostrophes and dots dropped ("O’Brien" →
 * "obrien", "U.S." → "us"), and "USA" / "U.S.A." as "us". Two spellings of one word get one form.
 * Stop words are not judged here: that depends on the use (see `searchTerms.processTerm`).
 */
export function normalizeWord(word: string): string {
  if (UNITED_STATES_WORD.test(word)) return 'us';
  // Typographic apostrophes first, so "Scholz’s" loses its possessive like "Scholz's".
  return foldLatin(word).toLowerCase().replace(/’/g, "'").replace(POSSESSIVE, '').replace(APOSTROPHES_AND_DOTS, '');
}

/** Stemming dominates index build time and a corpus repeats its words, so stems are memoised. */
// Bounded so a long-running process reading many corpora cannot grow it without limit.
const STEM_MEMO_LIMIT = 200_000;
const stems = memoizeText((norm) => porter2(norm), STEM_MEMO_LIMIT, 'all');

/**
 * The Porter2 stem of a normal form ({@link normalizeWord}): "negotiations" and "negotiated" →
 * "negoti". Porter2 reads "y" as a consonant by writing it "3" and back, so a "3" in a number comes
 * out as "y" ("350" → "y50"); harmless, since both sides of every comparison stem the same way.
 */
export function stemWord(norm: string): string {
  return stems(norm);
}

/** A word's two matching forms. */
export interface WordKeys {
  /** {@link normalizeWord} of the word. */
  norm: string;
  /** {@link stemWord} of `norm`. */
  stem: string;
}

/** {@link WordKeys} of a written word. */
export function wordKeys(word: string): WordKeys {
  const norm = normalizeWord(word);
  return { norm, stem: stemWord(norm) };
}

/**
 * Whether two words are the same word up to spelling and inflection: the same normal form or the
 * same stem. This is what an index term match means (a term is a stem), and the first test of the
 * answerer's `termsMatch`, which adds dictionary forms and transliteration variants on top.
 */
export function sameWord(a: WordKeys, b: WordKeys): boolean {
  return a.norm === b.norm || a.stem === b.stem;
}
