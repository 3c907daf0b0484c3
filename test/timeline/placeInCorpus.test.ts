import { describe, expect, it } from 'vitest';
import { corpusDates, isOutlierDate, yearFromCorpus } from '../../src/timeline/placeInCorpus.js';

const dates = (...ds: Array<string | null>) => corpusDates(ds.map((date) => ({ meta: { date } })));

describe('placeInCorpus', () => {
  const story = ['2031-07-19', '2031-07-20', '2031-08-04', '2031-09-10', '2032-01-15'];

  it.each<[string, string | null, string[], boolean]>([
    ['a stamp eleven years before a story of one summer', '2020-08-24', story, true],
    ['a date inside the story', '2031-08-24', story, false],
    ['an anniversary piece a year on', '2032-07-19', story, false],
    ['too few dated articles to tell', '2020-08-24', story.slice(0, 3), false],
    ['no date', null, story, false],
    ['a year alone', '2020', story, false],
  ])('%s: outlier %s', (_name, date, others, outlier) => {
    expect(isOutlierDate(date, dates(...others, date))).toBe(outlier);
  });

  it('places a yearless day in the year its neighbours vouch for', () => {
    expect(yearFromCorpus('--08-24', dates(...story))).toBe(2031);
    expect(yearFromCorpus('--08-24', [])).toBeUndefined();
  });
});
