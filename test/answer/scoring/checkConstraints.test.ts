import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../../src/answer/question/analyzeQuestion.js';
import { checkConstraints } from '../../../src/answer/scoring/checkConstraints.js';
import type { ArticleContext, EvidenceSentence } from '../../../src/answer/evidence/EvidenceSentence.js';
import { tokenize } from '../../../src/answer/evidence/tokenize.js';

/** A lone sentence of an article that says only it, dated `date`. */
function sentence(text: string, neighbour = ''): EvidenceSentence {
  const next = neighbour ? sentence(neighbour) : undefined;
  return { passage: { id: 'p', source: 'a.txt', text, start: 0, end: text.length } as EvidenceSentence['passage'], start: 0, end: text.length, text, tokens: tokenize(text), retrieval: 1, rank: 0, position: 0, previous: undefined, next };
}

async function verdict(question: string, text: string, article: Partial<ArticleContext> = {}) {
  const analysis = await analyzeQuestion(question);
  const constraints = analysis.parts[0]?.constraints ?? [];
  const context: ArticleContext = { text: article.text ?? text, title: null, date: article.date ?? '2031-05-04' };
  return checkConstraints(constraints, sentence(text), context);
}

describe('checkConstraints', () => {
  it.each([
    ['a year the sentence states', 'How many people died in the 2031 floods?', 'The 2031 floods killed 40 people.', { met: 1, conflict: false }],
    ['the fiscal year the sentence states', 'How many ferries did the port plan to buy in fiscal 2031?', 'In fiscal 2031 the port plans to buy four ferries.', { met: 1, conflict: false }],
    ['another fiscal year, though the calendar year is written', 'How many ferries did the port plan to buy in fiscal 2031?', 'In fiscal 2030, which runs through March 2031, the port plans to buy four ferries.', { met: 0, conflict: true }],
    ['a year that is only the point of comparison', 'How many people died in the 1987 storm?', 'The flood, the deadliest since the 1987 storm, killed 40 people.', { met: 0, conflict: false }],
    ['a comparison the question asks about too', 'How many died in the worst flood since 1987?', 'The flood, the deadliest since 1987, killed 40 people.', { met: 1, conflict: false }],
    ['another year in the sentence', 'How many people died in the 2029 floods?', 'The 2031 floods killed 40 people.', { met: 0, conflict: true }],
    // In an article of the asked year (2031), another year is mentioned in passing, unless the sentence sets its fact in it.
    ['another year the sentence sets its fact in', 'How many ferries called at Eastport in 2031?', 'Eastport welcomed 400 ferries in 2030, a record.', { met: 0.5, conflict: true }],
    ['another year in a clause of its own', 'How many ferries called at Eastport in 2031?', 'The harbour master, who was hired in 2030, counted 400 ferries.', { met: 0.5, conflict: false }],
    ['another year in passing', 'How many ferries called at Eastport in 2031?', 'Eastport, which targets a 2035 expansion, counted 400 ferries.', { met: 0.5, conflict: false }],
    ['a figure the sentence states', 'How many were hurt by the magnitude 7.5 quake?', 'The magnitude 7.5 quake hurt 300 people.', { met: 1, conflict: false }],
    ['a figure with the same label but another value', 'How many were hurt by the magnitude 7.5 quake?', 'A magnitude 6.4 quake hurt 30 people.', { met: 0, conflict: true }],
    ['a hyphenated label', 'How many were hurt by the magnitude 7.5 quake?', 'A 6.4-magnitude quake hurt 30 people.', { met: 0, conflict: true }],
    ['a figure labelled with what the question counts', 'How many seats did the Port Party win in the 630-seat assembly?', 'The Port Party won 208 seats.', { met: 0, conflict: false }],
    ['a figure stated elsewhere in the article only', 'Who built the 120 homes?', 'The homes were built by Larch Ltd.', { met: 0.3, conflict: false }],
  ])('%s', async (_name, question, text, expected) => {
    const article = expected.met === 0.3 ? { text: `${text} Larch finished 120 homes.` } : {};
    const r = await verdict(question, text, article);
    expect({ met: r.met, conflict: r.conflict }).toEqual(expected);
  });

  it.each<[string, string, number]>([
    ['writes no year at all: nothing says it is another year', 'Police said on Friday the suspect was arrested.', 0.2],
    ['writes only earlier years', 'Police said on Friday the suspect was arrested. The 2029 fires were smaller.', 0.2],
    ['writes a later year', 'Police said on Friday the suspect was arrested. A trial is set for 2032.', 0],
    ['mentions the year only as a date to come', 'Police said on Friday the suspect was arrested. His term ends in May 2031.', 0],
  ])('an undated article that %s', async (_name, text, met) => {
    const analysis = await analyzeQuestion('Who was arrested in May 2031?');
    const constraints = (analysis.parts[0]?.constraints ?? []).filter((c) => c.kind === 'year');
    const first = text.split('. ')[0] ?? text;
    const r = checkConstraints(constraints, sentence(first), { text, title: null, date: null });
    expect(r.met).toBe(met);
  });

  describe('a place the question sets its event in', () => {
    it.each<[string, string, string, Partial<ArticleContext>, number]>([
      ['stated by the sentence', 'The fire destroyed 40 homes in Eastport.', '', {}, 1],
      ['stated by the sentence before or after', 'The fire destroyed 40 homes.', 'Crews were still working in Eastport on Monday.', {}, 0.6],
      ["stated by the article's title", 'The fire destroyed 40 homes.', '', { title: 'Fire sweeps through Eastport' }, 0.6],
      ["stated by the article's dateline", 'The fire destroyed 40 homes.', '', { datelinePlace: 'Eastport' }, 0.6],
      ['named elsewhere in the article only', 'The fire destroyed 40 homes.', '', { text: 'The fire destroyed 40 homes. Eastport was spared last year.' }, 0],
      ['named only as an owner', 'The fire destroyed 40 homes.', "Eastport's mayor praised the crews.", {}, 0],
    ])('%s', async (_name, text, neighbour, article, met) => {
      const analysis = await analyzeQuestion('How many homes did the fire destroy in Eastport?');
      const constraints = analysis.parts[0]?.constraints ?? [];
      const s = { ...sentence(text), previous: neighbour ? sentence(neighbour) : undefined };
      const context: ArticleContext = { text: article.text ?? text, title: article.title ?? null, date: '2031-05-04', datelinePlace: article.datelinePlace ?? null };
      const r = checkConstraints(constraints, s, context);
      expect(r.unmet.length === 0 ? 'met' : 'unmet').toBe(met > 0 ? 'met' : 'unmet');
      // A place gates only: the share met that the answer model reads counts times and figures.
      expect(r.met).toBe(1);
    });

    it.each<[string, string, boolean]>([
      ['In the village of Northby, 40 homes burned down.', 'Eastport lost its school the same night.', true],
      ['In Northby, 40 homes burned down.', 'In Eastport, the school burned.', true],
      // Its own opening place is the asked one: met.
      ['In the town of Eastport, 40 homes burned down.', '', false],
      // A sentence that opens on something else, or on a time, is not set elsewhere.
      ['In all, 40 homes burned down.', 'Eastport lost its school the same night.', false],
      ['In March, 40 homes burned down.', 'Eastport lost its school the same night.', false],
    ])('a sentence opening on another place of its own contradicts the asked place: %s', async (text, neighbour, conflict) => {
      const constraints = (await analyzeQuestion('How many homes burned down in Eastport?')).parts[0]?.constraints ?? [];
      const s = { ...sentence(text), next: neighbour ? sentence(neighbour) : undefined };
      const r = checkConstraints(constraints, s, { text, title: null, date: null });
      expect(r.conflict).toBe(conflict);
    });

    it('takes a country for no sign of an event in its capital, but a capital for one in its country', async () => {
      const inCapital = (await analyzeQuestion('Whom did the envoy meet in Paris?')).parts[0]?.constraints ?? [];
      const inCountry = (await analyzeQuestion('Whom did the envoy meet in France?')).parts[0]?.constraints ?? [];
      const ctx: ArticleContext = { text: '', title: null, date: null };
      expect(checkConstraints(inCapital, sentence('The envoy met Jane Roe in France.'), ctx).unmet).toHaveLength(1);
      expect(checkConstraints(inCountry, sentence('The envoy met Jane Roe in Paris.'), ctx).unmet).toHaveLength(0);
    });
  });

  describe('a month the question dates its event by', () => {
    it.each<[string, string, string, string | null, boolean]>([
      ['stated by the sentence', 'Inflation reached 40% in December.', '', '2031-01-20', true],
      ['stated by the sentence before', 'Inflation reached 40%.', 'The December figures were published on Monday.', '2031-01-20', true],
      ["the article's month, told by a weekday", 'Inflation reached 40% on Monday, the bank said.', '', '2030-12-16', true],
      ['an article filed a few days after the month', 'Inflation reached 40% last week, the bank said.', '', '2031-01-05', true],
      ['another month in the sentence of another month\'s article', 'Inflation peaked at 70% in September.', '', '2030-10-03', false],
      ['no month in the sentence of another month\'s article', 'Inflation reached 40%, the bank said.', '', '2030-10-03', false],
      ['another month in passing, in an article of that month', 'Inflation, which peaked in September, fell to 40%.', '', '2030-12-20', true],
    ])('%s', async (_name, text, neighbour, date, met) => {
      const analysis = await analyzeQuestion('What was the inflation rate in December 2030?');
      const constraints = (analysis.parts[0]?.constraints ?? []).filter((c) => c.kind === 'month');
      const s = { ...sentence(text), previous: neighbour ? sentence(neighbour) : undefined };
      const r = checkConstraints(constraints, s, { text, title: null, date });
      expect(r.unmet.length === 0).toBe(met);
      // A month only gates: the share the answer model reads is of years, days, rounds and figures.
      expect(r.met).toBe(1);
    });
  });

  describe('an article written before the asked day', () => {
    it.each<[string, string, string, boolean, boolean]>([
      // Dated 4 May, it cannot report the 28 May vote: written some days before it.
      ['some days before', 'What was the turnout in the 28 May runoff?', '2031-05-04', false, true],
      // A day or two before is a late page stamp, and months before is likely the year before's day.
      ['the day before', 'What was the turnout in the 28 May runoff?', '2031-05-27', false, false],
      ['months before', 'What was the turnout in the 28 December runoff?', '2031-02-04', false, false],
      // A reason is given before what it explains.
      ['asked for a reason', 'Why was the 28 May runoff called?', '2031-05-04', true, false],
    ])('%s', async (_name, question, date, earlier, conflict) => {
      const analysis = await analyzeQuestion(question);
      const r = checkConstraints(analysis.parts[0]?.constraints ?? [], sentence('Turnout was about 88%.'), { text: 'Turnout was about 88%.', title: null, date }, earlier);
      expect(r.conflict).toBe(conflict);
    });
  });

  it('reads a figure with a thousands separator as the same figure', async () => {
    expect((await verdict('Which firm built the 2500 homes?', 'Larch Ltd built 2,500 homes.')).met).toBe(1);
  });
});
