import nlp from 'compromise';
import { LruMap } from '../util/LruMap.js';
import { placeAliases } from './placeAliases.js';

/* Every question pays a compromise run per capitalised word; questions reuse the same few names. */
const known = new LruMap<string, boolean>(4096);

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
  if (answer === undefined) {
    const doc = nlp(word);
    answer = doc.has('#Demonym') || (ISH_NATIONALITY.test(word) && !doc.has('#ProperNoun')) || namesCountryPeople(word);
    known.set(word, answer);
  }
  return answer;
}
