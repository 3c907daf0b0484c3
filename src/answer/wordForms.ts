import type { ItsFunction } from 'wink-nlp';
import { getIts, getNlp } from '../ingest/nlp.js';
import { LruMap } from '../util/LruMap.js';

/** One word of a text, with the forms used for matching. */
export interface WordForm {
  /** As written. */
  text: string;
  /** Lower case, with typographic apostrophes and dots removed ("U.S." -> "us"). */
  norm: string;
  /** Porter2 stem of `norm`. */
  stem: string;
  /** Dictionary form ("led" -> "lead"), so irregular forms still match. */
  lemma: string;
  /** Universal POS tag from wink-nlp (`PROPN`, `NOUN`, `NUM`, ...). */
  pos: string;
  /** wink-nlp's stop-word flag. */
  stop: boolean;
}

/**
 * Words of a text with their match forms, via the shared wink-nlp instance (tokenisation, POS,
 * stop words and stems all come from one pass).
 */
export function wordForms(text: string): WordForm[] {
  const nlp = getNlp();
  const its = getIts();
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value);
  const types = doc.tokens().out(its.type);
  const pos = doc.tokens().out(its.pos);
  // wink's typings declare stopWordFlag with the raw-document signature; at runtime it is a token its-function.
  const stop = doc.tokens().out(its.stopWordFlag as unknown as ItsFunction<boolean>);
  const stems = doc.tokens().out(its.stem as unknown as ItsFunction<string>);
  const lemmas = doc.tokens().out(its.lemma as unknown as ItsFunction<string>);
  const out: WordForm[] = [];
  values.forEach((value, i) => {
    const type = types[i];
    if (type !== 'word' && type !== 'number') return;
    const norm = value.toLowerCase().replace(/[.’']/g, '');
    if (norm === '' || norm === 's') return;
    const form = { text: value, norm, stem: (stems[i] ?? norm).toLowerCase(), lemma: (lemmas[i] ?? norm).toLowerCase(), pos: pos[i] ?? 'X', stop: Boolean(stop[i]) };
    out.push(form);
    // "Nagorno-Karabakh", "Azerbaijan–Armenia": each part can be what a question names.
    const parts = value.split(/[-–—]/).filter((p) => p.length > 1);
    if (parts.length > 1) for (const p of parts) out.push({ ...form, text: p, norm: p.toLowerCase(), stem: p.toLowerCase(), lemma: p.toLowerCase() });
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
