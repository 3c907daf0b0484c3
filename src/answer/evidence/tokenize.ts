import { LruMap } from '../../util/LruMap.js';
import { sentenceForms } from '../wordForms.js';
import type { Token } from './EvidenceSentence.js';

const FUNCTION_POS = new Set(['PUNCT', 'DET', 'ADP', 'PRON', 'AUX', 'CCONJ', 'SCONJ', 'PART']);

/** Function words and punctuation never stand for a question word. */
function isContent(form: { stop: boolean; text: string; pos: string }): boolean {
  return !form.stop && /\p{L}/u.test(form.text) && !FUNCTION_POS.has(form.pos);
}

/* Retrieval returns the same passages for many questions; their sentences are tokenised once. */
const cache = new LruMap<string, readonly Token[]>(8192);

/**
 * The words of a sentence with their offsets. wink-nlp's tokens keep the text as written, so each
 * is found by scanning forward; a hyphenated word's parts (which `wordForms` adds after the whole)
 * share its offset.
 */
export function tokenize(text: string): readonly Token[] {
  const hit = cache.get(text);
  if (hit) return hit;
  const tokens: Token[] = [];
  let cursor = 0;
  let whole = 0;
  for (const form of sentenceForms(text)) {
    const at = text.indexOf(form.text, cursor);
    if (at >= 0 && at >= whole) {
      tokens.push({ ...form, start: at, index: tokens.length, content: isContent(form) });
      whole = at;
      cursor = at + form.text.length;
    } else {
      // A part of the hyphenated word just read ("Nagorno" of "Nagorno-Karabakh").
      const part = text.indexOf(form.text, whole);
      tokens.push({ ...form, start: part >= 0 ? part : whole, index: tokens.length, content: isContent(form) });
    }
  }
  cache.set(text, tokens);
  return tokens;
}
