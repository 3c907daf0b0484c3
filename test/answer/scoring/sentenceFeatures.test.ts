import { beforeAll, describe, expect, it } from 'vitest';
import { datePrecision } from '../../../src/answer/scoring/sentenceFeatures.js';
import type { ExtractiveAnswerer } from '../../../src/answer/ExtractiveAnswerer.js';
import { article, offlineAnswerer } from '../answerFixtures.js';

let answerer: ExtractiveAnswerer;
beforeAll(async () => {
  answerer = await offlineAnswerer();
});

describe('datePrecision', () => {
  it.each<[string, number]>([
    ['September 10', 1],
    ['10 September 2031', 1],
    ['Sept. 10', 1],
    ['2031-09-10', 1],
    ['on Sunday', 0.8],
    ['in September', 0.5],
    ['2031', 0.25],
    ['5 p.m.', 0.1],
  ])('%j -> %d', (text, expected) => {
    expect(datePrecision(text)).toBe(expected);
  });
});

describe('sentence features on articles written for the test', () => {
  it('tells a why-question\'s retold event from the sentence giving its cause', async () => {
    const text = 'The harbour festival started two hours late on Saturday. The start was delayed because protesters blocked the bridge.';
    const decision = await answerer.decide('Why did the harbour festival start two hours late?', [article('t/festival.txt', text)]);
    const byText = new Map(decision.parts[0]?.ranked.map((s) => [s.sentence.text, s.features]));
    expect(byText.get('The harbour festival started two hours late on Saturday.')).toMatchObject({ restatesEvent: 1, causal: 0 });
    expect(byText.get('The start was delayed because protesters blocked the bridge.')).toMatchObject({ restatesEvent: 0, causal: 1 });
  });

  it('reads "is due to" as a schedule, not a cause', async () => {
    const text = 'The harbour festival started two hours late on Saturday. The mayor is due to speak on Sunday. The start was delayed due to fog.';
    const decision = await answerer.decide('Why did the harbour festival start two hours late?', [article('t/festival2.txt', text)]);
    const byText = new Map(decision.parts[0]?.ranked.map((s) => [s.sentence.text, s.features['causal']]));
    expect(byText.get('The mayor is due to speak on Sunday.')).toBe(0);
    expect(byText.get('The start was delayed due to fog.')).toBe(1);
  });

  it('does not miss the words of where to look ("According to the ferry report, …") in a sentence that states what is asked', async () => {
    const text = 'Jane Roe, 38, had been placing air tanks along the harbour tunnel.';
    const decision = await answerer.decide('According to the ferry report of her death, how old was Jane Roe?', [article('t/age.txt', text)]);
    const part = decision.parts[0];
    expect(part?.part.relation.filter((t) => t.identifying).map((t) => t.text)).toEqual(['ferry', 'report', 'death']);
    // Nothing but where to look is asked beside the age: none of it is missing.
    expect(part?.ranked[0]?.features).toMatchObject({ relation: 1, relationSoft: 1, relationLocal: 1 });
  });

  it('prefers the day to the month for a when-question', async () => {
    const text = 'The council will meet in September. On September 10 the council will vote on the harbour plan.';
    const decision = await answerer.decide('When will the council vote on the harbour plan?', [article('t/council.txt', text)]);
    const byText = new Map(decision.parts[0]?.ranked.map((s) => [s.sentence.text, s.features['datePrecision']]));
    expect(byText.get('The council will meet in September.')).toBe(0.5);
    expect(byText.get('On September 10 the council will vote on the harbour plan.')).toBe(1);
  });
});
