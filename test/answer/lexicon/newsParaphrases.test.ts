import { describe, expect, it } from 'vitest';
import { NEWS_PARAPHRASES, newsParaphrases } from '../../../src/answer/lexicon/newsParaphrases.js';
import { analyzeQuestion } from '../../../src/answer/question/analyzeQuestion.js';
import { WordNetLexicon } from '../../../src/answer/lexicon/Lexicon.js';

describe('newsParaphrases', () => {
  it.each<[string, string, string]>([
    ['Who is the country\'s top diplomat?', 'diplomat', 'foreign minister'],
    ['What did the head of state say?', 'head', 'president'],
    ['Which head of the regional government resigned?', 'head', 'premier'],
    ['Who was the stand-in chief executive?', 'stand', 'interim'],
    ['Which utility boss testified?', 'boss', 'chief executive'],
    ['Which former head of the Treasury joined the board?', 'head', 'secretary'],
    ['Before which panel of the upper chamber did he speak?', 'chamber', 'senate'],
    ['Which presiding officer announced the vote?', 'officer', 'speaker'],
    ['What did the lender report?', 'lender', 'bank'],
    ['In which city is the software company headquartered?', 'headquarter', 'based'],
    ['Where is the ferry operator based?', 'base', 'headquartered'],
    ['On how many counts was the ferry owner convicted?', 'convict', 'guilty'],
    // A phrasal verb (lexicon/phrasalVerbs.ts), under its verb.
    ['Who took over the ferry company?', 'take', 'succeed'],
    ['When did the harbour master step down?', 'step', 'resign'],
  ])('%s: %s may be written %j', (question, word, title) => {
    expect(newsParaphrases(question).get(word)).toContain(title);
  });

  it.each([
    // "Head of state" and "head of … government" are their own roles, not any head.
    ['What did the head of state say?', 'chief'],
    ['Which head of the regional government resigned?', 'chief'],
  ])('%s: head is not read as %s', (question, title) => {
    expect(newsParaphrases(question).get('head')).not.toContain(title);
  });

  it('finds nothing in a question that describes no role', () => {
    expect(newsParaphrases('How many ferries sank off Eastport?').size).toBe(0);
    // The verb without its particle is itself ("took the ferry").
    expect(newsParaphrases('When did Jane Roe take the ferry?').size).toBe(0);
  });

  it('names every role', () => {
    for (const r of NEWS_PARAPHRASES) expect(r.name).toMatch(/^[a-z-]+$/);
  });
});

describe('analyzeQuestion with news roles', () => {
  it('lets the question word match the titles articles write, and searches for them', async () => {
    const part = (await analyzeQuestion('Who was the stand-in chief executive of the harbour board?', new WordNetLexicon())).parts[0];
    expect(part?.relation.find((t) => t.lemma === 'stand')?.related.has('interim')).toBe(true);
    expect(part?.query).toMatch(/\binterim\b/);
  });
});
