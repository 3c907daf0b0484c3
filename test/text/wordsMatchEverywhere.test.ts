import { describe, expect, it } from 'vitest';
import { tokenize as sentenceTokens } from '../../src/answer/evidence/tokenize.js';
import { termsMatch } from '../../src/answer/termsMatch.js';
import { wordForms } from '../../src/answer/wordForms.js';
import { processTerm, termSet, tokenize } from '../../src/text/searchTerms.js';

/** Whether the lexical index finds the question word in the sentence: its term is one of the sentence's. */
function searchFinds(word: string, sentence: string): boolean {
  const terms = tokenize(word).map(processTerm);
  const sentenceTerms = termSet(sentence);
  return terms.length > 0 && terms.every((t) => t !== null && sentenceTerms.has(t));
}

/** Whether the answerer finds the question word in the sentence at its `exact` level (matchTerm's first test). */
function answererFinds(word: string, sentence: string): boolean {
  const [asked] = wordForms(word);
  if (!asked) return false;
  return sentenceTokens(sentence).some((t) => termsMatch(t, asked));
}

// Words written for this test: accents, the United States, possessives, apostrophes, hyphens and
// inflections, each a case where search and answerer once normalised differently or could.
describe('search terms and the answerer agree on whether a word is in a sentence', () => {
  it.each<[string, string, boolean]>([
    ['Erdogan', 'Erdoğan spoke on Monday.', true],
    ['Erdoğan', 'Erdogan spoke on Monday.', true],
    ['Sean', 'Seán Ryan spoke on Monday.', true],
    ['US', 'U.S. officials spoke on Monday.', true],
    ['USA', 'U.S. officials spoke on Monday.', true],
    ['U.S.', 'The USA team won.', true],
    ['OpenAI', "OpenAI's board met on Friday.", true],
    ['Scholz', 'Scholz’s party won the vote.', true],
    ["Scholz's", 'Scholz won the vote.', true],
    ["O'Brien", 'O’Brien resigned in May.', true],
    ['OBrien', "O'Brien resigned in May.", true],
    ['Karabakh', 'Fighting in Nagorno-Karabakh resumed.', true],
    ['talk', 'The peace-talks ended early.', true],
    ['Russians', 'A pro-Russian party won.', true],
    ['negotiations', 'They negotiated for a week.', true],
    ['ministers', 'The minister spoke on Monday.', true],
    ['votes', 'The party voted against it.', true],
    ['UK', 'U.S. officials spoke on Monday.', false],
    ['talk', 'The tall man left.', false],
    ['Karabakh', 'Fighting in Nagorno resumed.', false],
    ['Erdem', 'Erdoğan spoke on Monday.', false],
  ])('%j in %j: %j', (word, sentence, found) => {
    expect(searchFinds(word, sentence)).toBe(found);
    expect(answererFinds(word, sentence)).toBe(found);
  });
});
