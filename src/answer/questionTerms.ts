import { isDemonym } from './isDemonym.js';
import { wordForms, type WordForm } from './wordForms.js';

/** A word of the question that the answer's source must contain (or a close variant of it). */
export interface QuestionTerm extends WordForm {
  /** A name (proper noun or capitalised mid-sentence word): if no source mentions it, the articles cannot answer. */
  proper: boolean;
  /** Relative importance before corpus statistics: names count more, carried-over context less. */
  weight: number;
}

/*
 * Words that frame a question rather than say what it is about ("Name the...", "according to the
 * articles"). Content words only; function words are already dropped by wink's stop-word flag.
 */
const FRAMING = new Set([
  'name', 'list', 'tell', 'give', 'mention', 'mentioned', 'article', 'articles', 'say', 'says', 'said', 'according',
  'happen', 'happened', 'did', 'do', 'does', 'know', 'describe', 'explain', 'please', 'source', 'sources', 'text',
]);


/**
 * The content words of a question, for matching against sentences. Stop words, punctuation and
 * framing words are dropped; duplicates (by stem) are kept once.
 * @param carried - words carried over from earlier turns; they count at half weight.
 */
export function questionTerms(question: string, carried = ''): QuestionTerm[] {
  const seen = new Set<string>();
  const out: QuestionTerm[] = [];
  const add = (forms: WordForm[], factor: number) => {
    forms.forEach((f, i) => {
      // A capitalised stop word mid-sentence is a name: "May" (the month), "US".
      const named = i > 0 && /^\p{Lu}/u.test(f.text) && f.stop;
      if ((f.stop && !named) || FRAMING.has(f.norm) || seen.has(f.stem)) return;
      if (!named && (f.pos === 'PUNCT' || f.pos === 'SYM' || f.pos === 'AUX' || f.pos === 'DET' || f.pos === 'PRON')) return;
      if (f.norm.length < 2) return;
      seen.add(f.stem);
      // Capitalised adjectives ("American", "Armenian") describe; only nouns name something the text must mention.
      const capitalised = /^\p{Lu}/u.test(f.text) && i > 0 && f.pos !== 'ADJ';
      const proper = (f.pos === 'PROPN' || (capitalised && f.pos === 'NOUN')) && /\p{L}/u.test(f.text) && !isDemonym(f.text);
      // Short capitalised function-word forms ("US", "May") are ambiguous and often written another
      // way in the text ("United States", "17 May"): they count, but for less.
      out.push({ ...f, proper: proper && !named, weight: (named ? 0.5 : proper ? 1.5 : 1) * factor });
    });
  };
  add(wordForms(question), 1);
  if (carried.trim() !== '') add(wordForms(carried), 0.5);
  return out;
}
