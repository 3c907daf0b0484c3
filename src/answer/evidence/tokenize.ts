import { sentenceForms } from '../wordForms.js';
import type { Token } from './EvidenceSentence.js';

/**
 * The words of a sentence with their offsets. wink-nlp's tokens keep the text as written, so each
 * is found by scanning forward; a hyphenated word's parts (which `wordForms` adds after the whole)
 * share its offset.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let cursor = 0;
  let whole = 0;
  for (const form of sentenceForms(text)) {
    const at = text.indexOf(form.text, cursor);
    if (at >= 0 && at >= whole) {
      tokens.push({ ...form, start: at, index: tokens.length });
      whole = at;
      cursor = at + form.text.length;
    } else {
      // A part of the hyphenated word just read ("Nagorno" of "Nagorno-Karabakh").
      const part = text.indexOf(form.text, whole);
      tokens.push({ ...form, start: part >= 0 ? part : whole, index: tokens.length });
    }
  }
  return tokens;
}
