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
 * does not list it. Of the 16,093 words of every corpus and the seeds, the tagger calls none of the
 * 16,017 this passes a demonym; hyphenated compounds ("Saudi-born"), phrases and the words the
 * lexicon lists still go to the tagger, so every answer is the tagger's.
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

/** compromise's tagger on the word: a demonym, or a nationality in "-ish" it calls an adjective. */
function taggerSays(word: string): boolean {
  const doc = nlp(word);
  return doc.has('#Demonym') || (ISH_NATIONALITY.test(word) && !doc.has('#ProperNoun'));
}

/**
 * Whether a capitalised word names a nationality or people ("American", "Pakistani", "British"):
 * taggers call it a proper noun, but it describes rather than names, so an answering article need
 * not repeat it. compromise knows most; those in "-ish" it calls adjectives.
 */
export function isDemonym(word: string): boolean {
  let answer = known.get(word);
  if (answer === undefined) {
    answer = (!surelyNot(word) && taggerSays(word)) || namesCountryPeople(word);
    known.set(word, answer);
  }
  return answer;
}
