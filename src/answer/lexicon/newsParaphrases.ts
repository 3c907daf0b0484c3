import { phrasalVerbsIn } from './phrasalVerbs.js';

/**
 * How news says the same thing in other words: a role or body described instead of titled ("the top
 * diplomat" for a foreign minister, "the stand-in chief executive" for the interim one, "the upper
 * chamber" for the Senate), or a relation written two ways ("headquartered in" / "Austin-based").
 * WordNet knows few of these, and the word vectors place them loosely. General newsroom English, not
 * one story's words: each entry is a wording any outlet uses, the word of the question it hangs on,
 * and what an article may write instead.
 */
export interface NewsParaphrase {
  name: string;
  /** Where the description is (the part's text, lower case). */
  when: RegExp;
  /** The question word (lemma) whose related words the titles join. */
  word: string;
  /** What articles may write instead (single words or phrases). */
  titles: readonly string[];
}

export const NEWS_PARAPHRASES: readonly NewsParaphrase[] = [
  { name: 'top-diplomat', when: /\b(?:top|chief|senior(?:most)?) diplomat\b/, word: 'diplomat', titles: ['foreign minister', 'foreign secretary', 'secretary of state', 'foreign affairs'] },
  { name: 'head-of-state', when: /\bhead of state\b/, word: 'head', titles: ['president', 'king', 'queen', 'monarch'] },
  { name: 'head-of-government', when: /\bhead of (?:the )?(?:[\p{L}'’]+ )?government\b/u, word: 'head', titles: ['prime minister', 'premier', 'chancellor', 'chief minister', 'minister-president', 'first minister'] },
  { name: 'premier', when: /\bpremier\b/, word: 'premier', titles: ['prime minister', 'chancellor'] },
  { name: 'stand-in', when: /\bstand-in\b/, word: 'stand', titles: ['interim', 'acting', 'caretaker', 'temporary'] },
  { name: 'interim', when: /\b(?:interim|caretaker|stopgap)\b/, word: 'interim', titles: ['acting', 'caretaker', 'temporary', 'stand-in'] },
  { name: 'boss', when: /\bboss\b/, word: 'boss', titles: ['chief executive', 'ceo', 'chairman', 'chairwoman', 'chief', 'head', 'president', 'director', 'governor', 'leader'] },
  { name: 'head-of', when: /\bhead(?:s|ed)? (?:of|the)\b(?! state\b| (?:the )?(?:[\p{L}'’]+ )?government\b)/u, word: 'head', titles: ['chief', 'chairman', 'chairwoman', 'chair', 'director', 'secretary', 'governor', 'commissioner', 'executive'] },
  { name: 'treasury-head', when: /\btreasury\b/, word: 'treasury', titles: ['treasury secretary', 'finance minister', 'chancellor of the exchequer', 'finance'] },
  { name: 'internal-security', when: /\b(?:internal security|interior|home affairs)\b/, word: 'security', titles: ['interior minister', 'interior', 'home secretary', 'home minister', 'home affairs'] },
  { name: 'law-officer', when: /\b(?:top|chief|senior) (?:law|legal) officer\b/, word: 'officer', titles: ['attorney general', 'prosecutor', 'justice minister', 'chief prosecutor'] },
  { name: 'presiding-officer', when: /\bpresiding officer\b/, word: 'officer', titles: ['speaker', 'president of the'] },
  { name: 'upper-chamber', when: /\bupper (?:chamber|house)\b/, word: 'chamber', titles: ['senate', 'upper house', 'house of lords', 'bundesrat', 'rajya sabha'] },
  { name: 'lower-chamber', when: /\blower (?:chamber|house)\b/, word: 'chamber', titles: ['house of representatives', 'house of commons', 'bundestag', 'lok sabha', 'national assembly', 'lower house'] },
  { name: 'legislature', when: /\blegislature\b/, word: 'legislature', titles: ['parliament', 'congress', 'assembly', 'senate', 'bundestag'] },
  { name: 'lawmakers', when: /\blawmakers?\b/, word: 'lawmaker', titles: ['legislator', 'mp', 'mps', 'senator', 'congressman', 'representative', 'member of parliament', 'parliamentarian'] },
  { name: 'lender', when: /\blender\b/, word: 'lender', titles: ['bank'] },
  { name: 'carrier', when: /\b(?:air )?carrier\b/, word: 'carrier', titles: ['airline'] },
  { name: 'planemaker', when: /\b(?:planemaker|plane maker|jet ?maker|aircraft maker|aerospace company)\b/, word: 'planemaker', titles: ['aircraft manufacturer', 'manufacturer'] },
  { name: 'central-banker', when: /\bcentral bank (?:chief|head|boss)\b/, word: 'chief', titles: ['governor'] },
  { name: 'headquartered', when: /\bheadquartered\b/, word: 'headquarter', titles: ['based', 'base', 'headquarters'] },
  { name: 'based', when: /\bbased\b/, word: 'base', titles: ['headquartered', 'headquarter', 'headquarters'] },
  { name: 'regulator', when: /\bregulator\b/, word: 'regulator', titles: ['authority', 'commission', 'agency', 'administration', 'regulatory'] },
  // A conviction is reported as a verdict: "a jury found him guilty on all seven counts".
  { name: 'convicted', when: /\bconvict(?:ed|s|ion)?\b/, word: 'convict', titles: ['guilty'] },
];

/** What an article may write for the part's wordings (NEWS_PARAPHRASES), by question word (lemma). */
export function newsParaphrases(partText: string): Map<string, string[]> {
  const text = partText.toLowerCase();
  const out = new Map<string, string[]>();
  for (const role of NEWS_PARAPHRASES) if (role.when.test(text)) out.set(role.word, [...(out.get(role.word) ?? []), ...role.titles]);
  // "took over", "stepped down": what articles write for a phrasal verb, under its verb.
  for (const p of phrasalVerbsIn(text)) out.set(p.verb, [...(out.get(p.verb) ?? []), ...p.related]);
  return out;
}
