import { describe, expect, it } from 'vitest';
import { KIND_RULES, mentionKind } from '../../src/timeline/eventKind.js';

/** [sentence, the date as written in it, expected kind]. Sentences written for the test. */
const cases: Array<[string, string, string]> = [
  ['The council voted on 3 May to close the harbour.', '3 May', 'event'],
  ['The mayor said on Tuesday that the council would vote again.', 'Tuesday', 'event'],
  ['The mayor will return to office, the council said late Tuesday.', 'Tuesday', 'event'],
  ['The council will vote on 3 May.', '3 May', 'planned'],
  ["We'll be back on 11 January.", '11 January', 'planned'],
  ["I'm not going to commit to that here today.", 'today', 'planned'],
  ['The mayor is going to sign the order on Friday.', 'Friday', 'planned'],
  ['A final report is expected in June 2032.', 'June 2032', 'planned'],
  ['The port aims to double its traffic by 2035.', '2035', 'planned'],
  ['Repairs must be finished by the end of March.', 'March', 'planned'],
  ['Repairs must be finished before 3 May.', '3 May', 'planned'],
  ['The attack happened shortly before noon on Wednesday near the lake.', 'noon on Wednesday', 'event'],
  ['The ferry left just after 10 a.m. on 3 May.', '10 a.m. on 3 May', 'event'],
  ['The parties will sign the agreement next Monday, May 5.', 'May 5', 'planned'],
  ['She has led the party since December 2013.', 'December 2013', 'state'],
  ['Photo: the mayor at a rally in June 2031.', 'June 2031', 'caption'],
  ['Divers search the river on March 27, 2031. (AP Photo/Jane Roe)', 'March 27, 2031', 'caption'],
  ['The ferry sank in May 2031, and the inquiry will report in 2033.', 'May 2031', 'event'],
  ['The ferry sank in May 2031, and the inquiry will report in 2033.', '2033', 'planned'],
  ['What happened in March 2031?', 'March 2031', 'state'],
  ['Four bolts that were supposed to hold the door were missing, a report released Tuesday said.', 'Tuesday', 'event'],
  ['Operators expect traffic to recover in 2032.', '2032', 'planned'],
  ['Traffic recovered in 2032, the operators said.', '2032', 'event'],
];

describe('mentionKind', () => {
  it.each(cases)('%s — "%s" is %s', (sentence, date, kind) => {
    const index = sentence.indexOf(date);
    expect(index).toBeGreaterThanOrEqual(0);
    expect(mentionKind(sentence, index, date.length).kind).toBe(kind);
  });

  it('gives every rule a name and a reason', () => {
    for (const r of KIND_RULES) {
      expect(r.name).toMatch(/^[a-z-]+$/);
      expect(r.reason.length).toBeGreaterThan(30);
    }
  });
});
