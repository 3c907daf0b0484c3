import { describe, expect, it } from 'vitest';
import { FURNITURE_RULES, leadingFurniture } from '../../src/ingest/leadingFurniture.js';

/** Sentences written for the test: [paragraph, what is cut, the rules that cut it]. */
const cut: Array<[string, string, string[]]> = [
  ['date 2031-02-03 The council voted on Tuesday.', 'date 2031-02-03 ', ['page-stamp']],
  [' date 2031-02-03 HARBOURTON — The ferry sank.', ' date 2031-02-03 HARBOURTON — ', ['page-stamp', 'caps-place']],
  ['Feb. 4 (UPI) -- A ferry sank off the coast.', 'Feb. 4 (UPI) -- ', ['date-agency']],
  ['March 27 (Reuters) - The port reopened.', 'March 27 (Reuters) - ', ['date-agency']],
  ['Eastport, June 4: The mayor resigned.', 'Eastport, June 4: ', ['place-date-agency']],
  ['North Vale/Eastport, May 7 (PTI) At least 13 people were hurt.', 'North Vale/Eastport, May 7 (PTI) ', ['place-date-agency']],
  ['Lakeside, 9th Aug, 2030 (XYZ): Talks began.', 'Lakeside, 9th Aug, 2030 (XYZ): ', ['place-date-agency']],
  ['PORTVILLE, Sept 5 (TNA) – The assembly met.', 'PORTVILLE, Sept 5 (TNA) – ', ['place-date-agency']],
  ['HARBOURTON: As part of the drill, sirens sounded.', 'HARBOURTON: ', ['caps-place']],
  ['HARBOURTON — (AP) — The airline sued.', 'HARBOURTON — (AP) — ', ['caps-place']],
  ['NORTH VALE, Lake Region - At least 28 people were hurt.', 'NORTH VALE, Lake Region - ', ['caps-place']],
  ['RIVERTON (WESTLAND), (APP - Daily Wire - 9th Aug, 2030) The president visited.', 'RIVERTON (WESTLAND), (APP - Daily Wire - 9th Aug, 2030) ', ['place-paren-agency']],
  ['Riverton (Westland) (AFP) – Hundreds of residents rallied.', 'Riverton (Westland) (AFP) – ', ['place-region-agency']],
  ['(HARBOURTON) — The chancellor lost the vote.', '(HARBOURTON) — ', ['paren-lead']],
  ['(example-news.net) – The party leader quit.', '(example-news.net) – ', ['paren-lead']],
  ['Berlin: The coalition collapsed.', 'Berlin: ', ['place-colon']],
];

/** Paragraphs that open with their own words. */
const kept = [
  'The statement read: "The government has approved the plan."',
  'US-Westland relations improved in 2030.',
  'Vote: The motion passed with 348 votes.',
  'What Happened: In a letter on Sunday, the firm said no.',
  'Operation Lantern: The minister spoke with the chiefs.',
  'NATO said on Monday that it would meet.',
  'The mayor, who was re-elected in 2030, spoke.',
  'Jane Roe (Labour) (pictured) – a councillor since 2030 – spoke first.',
];

describe('leadingFurniture', () => {
  it.each(cut)('cuts the furniture from %j', (paragraph, furniture, rules) => {
    const found = leadingFurniture(paragraph, (w) => w === 'Berlin');
    expect(found.map((f) => f.rule)).toEqual(rules);
    expect(paragraph.slice(0, found.reduce((n, f) => n + f.length, 0))).toBe(furniture);
  });

  it.each(kept)('leaves %j alone', (paragraph) => {
    expect(leadingFurniture(paragraph, (w) => w === 'Berlin')).toEqual([]);
  });

  it('takes a title-case word before a colon for a place only when told it is one', () => {
    expect(leadingFurniture('Riverton: The flood receded.', () => false)).toEqual([]);
    expect(leadingFurniture('Riverton: The flood receded.', (w) => w === 'Riverton')).toEqual([{ rule: 'place-colon', length: 10 }]);
  });

  it('gives every rule a name and a reason', () => {
    for (const rule of FURNITURE_RULES) {
      expect(rule.name).toMatch(/^[a-z-]+$/);
      expect(rule.reason.length).toBeGreaterThan(20);
    }
  });
});
