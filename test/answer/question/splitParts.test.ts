import { describe, expect, it } from 'vitest';
import { PART_RULES, splitParts, splitQuestion } from '../../../src/answer/question/splitParts.js';

describe('splitParts', () => {
  it.each<[string, string[]]>([
    ['How many votes did the mayor get, and how many did she need?', ['How many votes did the mayor get', 'how many did she need']],
    ['Who wrote the letter, and to whom was it addressed?', ['Who wrote the letter', 'to whom was it addressed']],
    ['On what date did the strike start and on what date did it end?', ['On what date did the strike start', 'on what date did it end']],
    ['To which court, and in which city, can the party take its case?', ['To which court can the party take its case', 'in which city, can the party take its case']],
    // Two interrogative phrases sharing one clause, with no comma: the first takes the clause from the second's auxiliary.
    ['On what date and at what time did the pier collapse?', ['On what date did the pier collapse', 'at what time did the pier collapse']],
    ['Who leads the harbour authority?', ['Who leads the harbour authority?']],
    ['Which towns and villages were flooded?', ['Which towns and villages were flooded?']],
    ['How much time passed between the harbour fire and the reopening of the pier?', ['When was the harbour fire', 'When was the reopening of the pier']],
    ['How long after the storm did the ferry sail again?', ['When was the storm', 'When did the ferry sail again']],
    ['How many days after the vote was the mayor sworn in?', ['When was the vote', 'When was the mayor sworn in']],
    ['How long did the strike last?', ['How long did the strike last?']],
    ['What share of the vote did the mayor win in the first round and in the runoff?', ['What share of the vote did the mayor win in the first round', 'What share of the vote did the mayor win in the runoff']],
    ['Which plans were proposed by the council and by the port?', ['Which plans were proposed by the council', 'Which plans were proposed by the port']],
    ['Which plans were proposed by the council and the port?', ['Which plans were proposed by the council and the port?']],
    ['Which firms took over the branches of the first bank and of the second bank?', ['Which firms took over the branches of the first bank', 'Which firms took over the branches of the second bank']],
    ['What was the depth of the first well, and of the well dug a week later?', ['What was the depth of the first well', 'What was the depth of the well dug a week later']],
    ['What were the results of the two votes: the motion on Monday and the bill on Friday?', ['What were the results of the votes: the motion on Monday', 'What were the results of the votes: the bill on Friday']],
    ['Which two wardens spoke: the one who found the boat, and the one who rang the bell?', ['Which wardens spoke: the one who found the boat', 'Which wardens spoke: the one who rang the bell']],
    ['Who won the vote: the mayor or her rival?', ['Who won the vote: the mayor or her rival?']],
    ['How deep was the well according to the first survey and according to the second?', ['How deep was the well according to the first survey', 'How deep was the well according to the second']],
    ['On what dates did the mayor and the harbour master each resign?', ['On what dates did the mayor resign', 'On what dates did the harbour master resign']],
    ['When did the mayor and her rival face each other in a debate?', ['When did the mayor and her rival face each other in a debate?']],
    ['On what dates were the first and second curfews of the winter declared?', ['On what dates were the first curfew of the winter declared', 'On what dates were the second curfew of the winter declared']],
    ['How old were the youngest and the oldest of the rescued miners?', ['How old were the youngest of the rescued miners', 'How old were the oldest of the rescued miners']],
    ['Which interest and protest groups met the mayor?', ['Which interest and protest groups met the mayor?']],
  ])('%s', (question, parts) => {
    expect(splitParts(question)).toEqual(parts);
  });

  it.each([
    ['How much time passed between the fire and the reopening?', 'time-between'],
    ['How many votes did she get, and how many did she need?', 'second-interrogative'],
    ['Who won?', undefined],
    ['How much did the appeals seek: the one for the north and the one for the south?', 'colon-enumeration'],
    ['What did the levy raise in the first year and in the second?', 'repeated-preposition'],
    ['When did the mayor and the warden each resign?', 'each-of-two'],
    ['How old were the youngest and the oldest miners?', 'paired-ordinals'],
  ])('names the rule that split %j', (question, rule) => {
    expect(splitQuestion(question).rule).toBe(rule);
  });

  it('gives every rule a name and a reason', () => {
    for (const r of PART_RULES) {
      expect(r.name).toMatch(/^[a-z-]+$/);
      expect(r.reason.length).toBeGreaterThan(30);
    }
  });
});
