import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtractiveAnswerer } from '../../src/answer/ExtractiveAnswerer.js';
import { sharperDate, type ShortPick } from '../../src/answer/sharperDate.js';
import type { SentenceAssessment } from '../../src/answer/scoring/SentenceAssessment.js';
import { article, offlineAnswerer } from './answerFixtures.js';

const QUESTION = 'When did Acme Ferries announce its $60 million settlement with Eastport residents?';
const MONTH = article('monthly.txt', 'Acme Ferries agreed in April 2031 to a $60 million settlement with Eastport residents.', { date: '2031-06-02' });

let answerer: ExtractiveAnswerer;
beforeAll(async () => {
  answerer = await offlineAnswerer();
});

/** The part's ranked sentences over the articles, and the month-only pick from the first article. */
async function ranked(...others: string[]): Promise<{ pick: ShortPick; ranked: SentenceAssessment[] }> {
  const passages = [MONTH, ...others.map((text, i) => article(`day${i}.txt`, text, { date: '2031-04-09' }))];
  const part = (await answerer.decide(QUESTION, passages)).parts[0];
  const sentence = part?.ranked.find((s) => s.sentence.passage.source === 'monthly.txt');
  const candidate = sentence?.candidates.find((c) => c.candidate.text.includes('April 2031'));
  if (!part || !sentence || !candidate) throw new Error('the month-only sentence was not assessed');
  return { pick: { candidate, sentence }, ranked: part.ranked };
}

describe('sharperDate', () => {
  it('gives the day in the same month that another answering sentence tells (a weekday placed by its article)', async () => {
    const { pick, ranked: all } = await ranked('Acme Ferries said Tuesday it has agreed to pay $60 million to settle the lawsuit brought by Eastport residents.');
    const sharper = sharperDate(pick, all, 0);
    expect(sharper?.candidate.candidate.text).toBe('Tuesday');
    expect(sharper?.sentence.sentence.passage.source).toBe('day0.txt');
  });

  it('keeps the month when the only day told falls in another month', async () => {
    const { pick, ranked: all } = await ranked('Acme Ferries said on March 30 it would settle the lawsuit brought by Eastport residents.');
    expect(sharperDate(pick, all, 0)).toBeUndefined();
  });

  it('keeps a short answer that already names a day', async () => {
    const { pick, ranked: all } = await ranked('Acme Ferries said Tuesday it has agreed to pay $60 million to settle the lawsuit brought by Eastport residents.');
    const day = all.find((s) => s.sentence.passage.source === 'day0.txt');
    const tuesday = day?.candidates[0];
    expect(tuesday).toBeDefined();
    if (day && tuesday) expect(sharperDate({ candidate: tuesday, sentence: day }, all, 0)).toBeUndefined();
    expect(pick.candidate.candidate.text).toContain('April 2031');
  });
});
