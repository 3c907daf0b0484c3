import type { ItsFunction } from 'wink-nlp';
import { getIts, getNlp } from '../ingest/nlp.js';
import { foldLatin } from '../text/foldLatin.js';
import { normalizeWord, stemWord } from '../text/normalizeWord.js';
import { LruMap } from '../util/LruMap.js';

/** One word of a text, with the forms used for matching. */
export interface WordForm {
  /** As written. */
  text: string;
  /** `normalizeWord` (text/): folded, lower case, possessive, apostrophes and dots removed ("U.S." -> "us"). */
  norm: string;
  /** `stemWord(norm)` (text/): the Porter2 stem, as the lexical index stems. */
  stem: string;
  /** Dictionary form ("led" -> "lead"), so irregular forms still match. */
  lemma: string;
  /** Universal POS tag from wink-nlp (`PROPN`, `NOUN`, `NUM`, ...). */
  pos: string;
  /** wink-nlp's stop-word flag. */
  stop: boolean;
  /** Followed by a possessive "'s" ("Coast Guard's New England district"): a name ends here. */
  possessive?: boolean;
  /** Joined by a hyphen to the word before ("stand-*in*"): part of one compound, not a word of the sentence's own. */
  afterHyphen?: boolean;
}

/**
 * Words of a text with their match forms, via the shared wink-nlp instance (tokenisation, POS,
 * stop words and dictionary forms come from one pass). `norm` and `stem` come from text/'s
 * `normalizeWord` and `stemWord`, the functions index terms are made with, so the answerer and the
 * search agree on whether two words are one ("Erdoğan"/"Erdogan", "U.S."/"USA", "OpenAI's"/"OpenAI").
 */
export function wordForms(text: string): WordForm[] {
  const nlp = getNlp();
  const its = getIts();
  // wink splits words at letters beyond Latin-1 ("Erdoğan"): it reads the folded text, one letter
  // for one, and each word keeps its spelling as written (`text`) with a folded `norm`, so
  // "Erdoğan" and "Erdogan" match as the outlets spell them.
  const folded = foldLatin(text);
  const doc = nlp.readDoc(folded);
  const values = doc.tokens().out(its.value);
  const types = doc.tokens().out(its.type);
  const pos = doc.tokens().out(its.pos);
  // wink's typings declare stopWordFlag with the raw-document signature; at runtime it is a token its-function.
  const stop = doc.tokens().out(its.stopWordFlag as unknown as ItsFunction<boolean>);
  const lemmas = doc.tokens().out(its.lemma as unknown as ItsFunction<string>);
  const out: WordForm[] = [];
  let cursor = 0;
  values.forEach((value, i) => {
    const at = folded.indexOf(value, cursor);
    if (at >= 0) cursor = at + value.length;
    const type = types[i];
    if (type !== 'word' && type !== 'number') return;
    const norm = normalizeWord(value);
    if (/^['’]s$/i.test(value)) {
      const owner = out.findLast((f) => !f.text.includes('-') || f.norm.includes('-'));
      if (owner) owner.possessive = true;
    }
    if (norm === '' || norm === 's') return;
    const written = at >= 0 ? text.slice(at, at + value.length) : value;
    const form: WordForm = { text: written, norm, stem: stemWord(norm), lemma: (lemmas[i] ?? norm).toLowerCase(), pos: pos[i] ?? 'X', stop: Boolean(stop[i]) };
    if (at > 0 && /[-–]/.test(folded[at - 1] ?? '') && /\p{L}/u.test(folded[at - 2] ?? '')) form.afterHyphen = true;
    out.push(form);
    // "Nagorno-Karabakh", "Azerbaijan–Armenia": each part can be what a question names. Parts are
    // stemmed like any word, as the index (which splits at hyphens) stems them: "peace-talks" has "talk".
    const parts = written.split(/[-–—]/).filter((p) => p.length > 1);
    for (const p of parts.length > 1 ? parts : []) {
      const partNorm = normalizeWord(p);
      out.push({ ...form, text: p, norm: partNorm, stem: stemWord(partNorm), lemma: partNorm });
    }
  });
  return out;
}

/* Passage sentences recur across questions (see sentenceEntities.ts); their forms are kept, bounded. */
const formsCache = new LruMap<string, readonly WordForm[]>(4096);

/**
 * `wordForms` of a passage sentence, memoised per text. The same array is returned on every hit, so
 * it is read-only. Use plain `wordForms` for one-off text such as the question.
 */
export function sentenceForms(text: string): readonly WordForm[] {
  const hit = formsCache.get(text);
  if (hit) return hit;
  const forms = wordForms(text);
  formsCache.set(text, forms);
  return forms;
}
