import nlp from 'compromise';
import { LruMap } from '../util/LruMap.js';
import { placeAliases } from './placeAliases.js';

/* Questions reuse the same few names. */
const known = new LruMap<string, boolean>(4096);

let lexiconDemonyms: ReadonlySet<string> | undefined;

/** The words compromise's lexicon tags as demonyms, lower case, read once through its public `nlp.model()`. */
function demonymLexicon(): ReadonlySet<string> {
  if (!lexiconDemonyms) {
    const model: unknown = nlp.model();
    const lexicon = (model as { one?: { lexicon?: Record<string, unknown> } }).one?.lexicon ?? {};
    const tagged = (tags: unknown) => tags === 'Demonym' || (Array.isArray(tags) && tags.includes('Demonym'));
    lexiconDemonyms = new Set(Object.entries(lexicon).flatMap(([word, tags]) => (tagged(tags) ? [word] : [])));
  }
  return lexiconDemonyms;
}

/**
 * Whether a plain word (letters only) is surely no demonym without running the tagger: its lexicon
 * does not list it. On the 6,000 capitalised words of the development corpora the tagger found no
 * demonym its lexicon does not list but hyphenated compounds ("Saudi-born"); those, phrases, and
 * the words the lexicon lists still go to the tagger, so every answer is the tagger's.
 */
function surelyNot(word: string): boolean {
  return /^\p{L}+$/u.test(word) && !ISH_NATIONALITY.test(word) && !demonymLexicon().has(word.toLowerCase());
}

/**
 * Nationality words in "-ish" ("British", "Turkish", "Kurdish", "Polish"), which compromise tags as
 * adjectives (or, for "Polish", a verb) rather than demonyms.
 */
const ISH_NATIONALITY = /^\p{Lu}\p{Ll}+ish$/u;

/** Endings that make a people of a country's name ("Azerbaijani", "Bahraini", "Kenyan", "Jordanian"). */
const PEOPLE_ENDING = /(?:i|n|an|ian|ese)$/;

/** A country's name with a people's ending that compromise does not know ("Azerbaijani", "Emirati" aside). */
function namesCountryPeople(word: string): boolean {
  const m = PEOPLE_ENDING.exec(word);
  if (!m || !/^\p{Lu}/u.test(word)) return false;
  const stem = word.slice(0, m.index);
  return stem.length >= 4 && (placeAliases(stem).length > 0 || placeAliases(`${stem}a`).length > 0);
}

/**
 * Whether a capitalised word names a nationality or people ("American", "Pakistani", "British"):
 * taggers call it a proper noun, but it describes rather than names, so an answering article need
 * not repeat it. compromise knows most; those in "-ish" it calls adjectives.
 */
export function isDemonym(word: string): boolean {
  let answer = known.get(word);
  if (answer === undefined && surelyNot(word)) {
    answer = namesCountryPeople(word);
    known.set(word, answer);
  }
  if (answer === undefined) {
    const doc = nlp(word);
    answer = doc.has('#Demonym') || (ISH_NATIONALITY.test(word) && !doc.has('#ProperNoun')) || namesCountryPeople(word);
    known.set(word, answer);
  }
  return answer;
}
