import nlp from 'compromise';
import { LruMap } from '../util/LruMap.js';

/* Every question pays a compromise run per capitalised word; questions reuse the same few names. */
const known = new LruMap<string, boolean>(4096);

/**
 * Nationality words in "-ish" ("British", "Turkish", "Kurdish", "Polish"), which compromise tags as
 * adjectives (or, for "Polish", a verb) rather than demonyms.
 */
const ISH_NATIONALITY = /^\p{Lu}\p{Ll}+ish$/u;

/**
 * Whether a capitalised word names a nationality or people ("American", "Pakistani", "British"):
 * taggers call it a proper noun, but it describes rather than names, so an answering article need
 * not repeat it. compromise knows most; those in "-ish" it calls adjectives.
 */
export function isDemonym(word: string): boolean {
  let answer = known.get(word);
  if (answer === undefined) {
    const doc = nlp(word);
    answer = doc.has('#Demonym') || (ISH_NATIONALITY.test(word) && !doc.has('#ProperNoun'));
    known.set(word, answer);
  }
  return answer;
}
