import { mentionsAlias } from '../placeAliases.js';
import type { QuestionTerm } from '../question/QuestionAnalysis.js';
import type { WordSimilarity } from '../lexicon/WordSimilarity.js';
import { termsMatch } from '../termsMatch.js';
import type { Token } from './EvidenceSentence.js';

/**
 * How a question word is found in a sentence, strongest first:
 * - `exact`: the same word (form, stem, dictionary form, or a spelling variant of a long name);
 * - `related`: a WordNet synonym or derived form ("dismiss" for "fire", "withdraw" for "withdrawal"),
 *   or, scoring less, a word one step broader or narrower ("massacre" for "kill");
 * - `similar`: a word whose vector is close (topic evidence only: "injured" is close to "killed");
 * - `none`.
 */
export type MatchLevel = 'exact' | 'related' | 'similar' | 'none';

/** Where and how well a question word is found in a sentence. */
export interface TermMatch {
  level: MatchLevel;
  /** 1 exact, 0.8 related, the cosine for similar, 0 none. */
  score: number;
  /** The sentence token it matched (for distances), when any. */
  token: Token | undefined;
}

/** Vector similarity at or above which a word counts as `similar`. */
export const SIMILAR_MIN = 0.6;

const NONE: TermMatch = { level: 'none', score: 0, token: undefined };

/** Words that look like verbs or nouns but work as prepositions or auxiliaries in news copy. */
const FUNCTION_LIKE = new Set(['according', 'including', 'following', 'regarding', 'concerning', 'considering', 'given', 'has', 'have', 'had', 'having', 'is', 'was', 'were', 'be', 'been', 'being', 'do', 'does', 'did', 'get', 'got']);

/**
 * Whether a sentence word may stand for a question word through the lexicon: a content word that
 * is no auxiliary ("has" for "receive"), and no proper name unless the question word is one ("Post
 * Office" for "sent").
 */
function canStandFor(t: Token, term: QuestionTerm): boolean {
  return t.content && !FUNCTION_LIKE.has(t.norm) && (t.pos !== 'PROPN' || term.pos === 'PROPN');
}

/** The multi-word entries of a related-words set, split into words, once per set (it is matched against every sentence). */
const phrases = new WeakMap<ReadonlySet<string>, string[][]>();

function phrasesOf(related: ReadonlySet<string>): string[][] {
  let split = phrases.get(related);
  if (!split) {
    split = [...related].filter((p) => p.includes(' ')).map((p) => p.split(' '));
    phrases.set(related, split);
  }
  return split;
}

/**
 * Finds a question word in a sentence's tokens. Names match exactly or, for places, under their
 * other names ("Washington" for "United States"); descriptive words also match through the
 * lexicon and, weakly, through the word vectors.
 */
export function matchTerm(term: QuestionTerm, tokens: readonly Token[], text: string, similarity?: WordSimilarity): TermMatch {
  for (const t of tokens) if (termsMatch(t, term)) return { level: 'exact', score: 1, token: t };
  if (term.role === 'subject') {
    return mentionsAlias(text, term.text) ? { level: 'related', score: 0.8, token: undefined } : NONE;
  }
  if (term.related.size > 0) {
    for (const t of tokens) if (canStandFor(t, term) && (term.related.has(t.lemma) || term.related.has(t.norm))) return { level: 'related', score: 0.8, token: t };
    for (const words of phrasesOf(term.related)) {
      for (let i = 0; i + words.length <= tokens.length; i++) {
        let k = 0;
        while (k < words.length && tokens[i + k]?.lemma === words[k]) k++;
        if (k === words.length) return { level: 'related', score: 0.8, token: tokens[i] };
      }
    }
  }
  // A verb's hypernyms and hyponyms are too loose to stand for it ("injure" → "fire"); a noun's are not.
  if (term.broader.size > 0 && term.pos === 'NOUN') {
    for (const t of tokens) if (t.pos === 'NOUN' && canStandFor(t, term) && (term.broader.has(t.lemma) || term.broader.has(t.norm))) return { level: 'related', score: 0.6, token: t };
  }
  if (similarity) {
    let best: TermMatch = NONE;
    for (const t of tokens) {
      if (!t.content) continue;
      const s = similarity(term.lemma, t.lemma);
      if (s >= SIMILAR_MIN && s > best.score) best = { level: 'similar', score: s, token: t };
    }
    return best;
  }
  return NONE;
}
