import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../../src/answer/question/analyzeQuestion.js';
import { askedMeasure, candidateMeasure, measureFits, namesDuration, type MeasureKind } from '../../../src/answer/evidence/measureKind.js';
import { extractCandidates } from '../../../src/answer/evidence/extractCandidates.js';
import { tokenize } from '../../../src/answer/evidence/tokenize.js';

describe('askedMeasure', () => {
  it.each<[string, MeasureKind | undefined]>([
    ['How many boats sank in the harbour?', 'count'],
    ['How many hours did the search last?', 'duration'],
    ['How many hectares burned near Eastport?', 'area'],
    ['What prison sentence did the treasurer receive?', 'duration'],
    ['What was the port authority’s revenue in 2030?', 'money'],
    ['At what speed was the ferry sailing?', 'speed'],
    ['How much did the council pay the contractor?', 'money'],
    ['How much will the new pier cost?', 'money'],
    // "What" as the object of a verb of paying is a sum of money.
    ['What did the council pay for the old ferry?', 'money'],
    ['According to the owner, what would the repairs cost?', 'money'],
    ['What was Acme Salvage paid?', 'money'],
    ['What share of members backed the deal?', 'percent'],
    ['What annual rate did the regulator propose for the levy?', 'percent'],
    ['What was the headline inflation in June?', 'percent'],
    ['What was the exchange rate against the dollar?', undefined],
    ['How fast was the ferry moving?', 'speed'],
    ['How deep is the channel?', 'length'],
    ['How long did the blockade last?', 'duration'],
    ['How long is the ferry?', undefined],
    ['How much sand was removed?', undefined],
    ['What was the exchange rate in July?', undefined],
  ])('%s → %s', async (question, kind) => {
    const part = (await analyzeQuestion(question)).parts[0];
    expect(part && askedMeasure(part)).toBe(kind);
  });
});

describe('candidateMeasure', () => {
  it.each<[string, string, MeasureKind | undefined]>([
    ['The repairs cost $1.7 billion.', '$1.7 billion', 'money'],
    ['The bill came to 7 billion euros.', '7 billion euros', 'money'],
    ['The fund holds Rs 500 crore.', '500', 'money'],
    // A nationality says whose currency it is.
    ['The appeal seeks 100 million Swiss francs.', '100 million', 'money'],
    ['Each family gets 2,500 Moroccan dirhams a month.', '2,500', 'money'],
    // A nationality before a noun that is no unit is a count of that noun.
    ['The ferry carried 40 Swiss tourists.', '40', 'count'],
    ['Turnout was 61%.', '61%', 'percent'],
    ['A quarter of the harbour burned.', 'A quarter', 'percent'],
    ['It was stuck for three months.', 'three months', 'duration'],
    ['The 1,312-foot ship ran aground.', '1,312', 'length'],
    ['Fires burned 400,000 hectares.', '400,000', 'area'],
    ['Crews removed 50,000 tons of steel.', '50,000', 'weight'],
    ['The ship made 7 knots.', '7', 'speed'],
    ['The strikes hit nine terror sites.', 'nine', 'count'],
    ['The toll rose to 26 on Friday.', '26', undefined],
  ])('in %j, %s is %s', (text, figure, kind) => {
    const candidate = extractCandidates(text, tokenize(text), 'number').find((c) => c.text === figure);
    expect(candidate, `candidates: ${extractCandidates(text, tokenize(text), 'number').map((c) => c.text).join(', ')}`).toBeDefined();
    if (candidate) expect(candidateMeasure(candidate, text)).toBe(kind);
  });
});

describe('measureFits', () => {
  it.each<[MeasureKind | undefined, MeasureKind | undefined, boolean]>([
    ['count', 'count', true],
    ['count', 'duration', false],
    ['count', 'money', false],
    ['count', undefined, true],
    ['money', 'money', true],
    ['money', 'percent', true],
    ['money', 'count', false],
    ['money', 'length', false],
    ['percent', 'count', true],
    ['percent', 'money', false],
    ['duration', 'duration', true],
    ['duration', undefined, true],
    ['duration', 'count', false],
    [undefined, 'money', true],
  ])('asked %s, found %s → %s', (asked, found, fits) => {
    expect(measureFits(asked, found)).toBe(fits);
  });

  it('wants a unit when the question names the duration by a noun', () => {
    expect(measureFits('duration', undefined, true)).toBe(false);
    expect(measureFits('duration', 'duration', true)).toBe(true);
  });
});

describe('namesDuration', () => {
  it.each<[string, boolean]>([
    ['What prison sentence did the treasurer receive?', true],
    ['How many years did the treasurer serve?', true],
    ['How long did the visit last?', false],
    ['How many ferries sank?', false],
  ])('%s → %s', async (question, names) => {
    const part = (await analyzeQuestion(question)).parts[0];
    expect(part && namesDuration(part)).toBe(names);
  });
});
