import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtractiveAnswerer } from '../../../src/answer/ExtractiveAnswerer.js';
import { matchTerm } from '../../../src/answer/evidence/matchTerms.js';
import { tokenize } from '../../../src/answer/evidence/tokenize.js';
import { offlineAnswerer } from '../answerFixtures.js';

let answerer: ExtractiveAnswerer;
beforeAll(async () => {
  answerer = await offlineAnswerer();
});

/** How the question's main verb is found in the sentence (WordNet on, word vectors off). */
async function predicateIn(question: string, sentence: string): Promise<string> {
  const analysis = await answerer.analyze(question);
  const predicate = analysis.parts[0]?.predicate;
  if (!predicate) throw new Error(`no predicate in ${question}`);
  const m = matchTerm(predicate, tokenize(sentence), sentence);
  return m.level === 'none' ? 'none' : `${m.level}:${m.token?.text ?? ''}`;
}

describe('matchTerm through the lexicon', () => {
  it.each<[string, string, string]>([
    ['Who was appointed as the harbour administrator?', 'The county named Jane Roe as harbour administrator.', 'related:named'],
    ['Who was dismissed by the minister?', 'The minister sacked the port chairman.', 'related:sacked'],
    // Auxiliaries and prepositions are no synonyms: "has" is not "received", "according" is not "agreed".
    ['How much compensation has Jane Roe received?', 'Jane Roe has spoken to the board twice.', 'none'],
    ['What was agreed at the harbour summit?', 'According to the mayor, the summit was long.', 'none'],
    // A proper name stands for no ordinary word: the "Post" of "Post Office" is not "sent".
    ['How many clerks were sent to prison?', 'Many Post Office clerks were convicted.', 'none'],
  ])('%j in %j -> %s', async (question, sentence, expected) => {
    expect(await predicateIn(question, sentence)).toBe(expected);
  });
});
