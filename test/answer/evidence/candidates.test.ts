import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../../src/answer/question/analyzeQuestion.js';
import { CANDIDATE_RULES, questionGiven, rejectingRule } from '../../../src/answer/evidence/candidateRules.js';
import { extractCandidates } from '../../../src/answer/evidence/extractCandidates.js';
import { tokenize } from '../../../src/answer/evidence/tokenize.js';
import type { AnswerType, QuestionTerm } from '../../../src/answer/question/QuestionAnalysis.js';
import { wordForms } from '../../../src/answer/wordForms.js';

describe('extractCandidates', () => {
  it.each<[AnswerType, string, string[]]>([
    ['person', 'Finance Minister Jane Roe met Gerold Sample and the Eastport Harbour Board.', ['Jane Roe', 'Gerold Sample']],
    ['person', 'Ruling party MP Tharindu Welagedara has died in Eastport, police said.', ['Tharindu Welagedara']],
    // A particle joined to a name ("al-", "el-") is part of it.
    ['person', 'Mayor Karim al-Sample told the Eastport Herald channel that the toll would rise.', ['Karim al-Sample']],
    // A title of several words, some of them no title words, is trimmed up to its last title word.
    ['person', 'The board named Chief Financial Officer Mark Sample president and CEO.', ['Mark Sample']],
    // A later mention with an honorific names the person by the surname.
    ['person', 'Mr. Tarrow, who took over in May, said Ms Welagedara had left.', ['Tarrow', 'Welagedara']],
    ['number', 'The strikes hit nine terror sites, killing over 100 people.', ['nine', '100']],
    ['number', 'The drones, 300-400 of them, came between 80 and 90 minutes apart.', ['300-400', 'between 80 and 90']],
    ['number', 'A 41-year-old man and 28 others were hurt.', ['41', '28']],
    ['number', 'Repairs will cost $1.7 billion, or 32% of the budget.', ['$1.7 billion', '32%']],
    ['number', 'The channel reopened 11 weeks after the collapse.', ['11 weeks']],
    ['number', 'A quarter of the harbour burned, and two-thirds of the boats sank.', ['A quarter', 'two-thirds']],
    ['number', 'After a two-year closure, the works rehired ninety staff and seventeen drivers.', ['two', 'ninety', 'seventeen']],
    ['date', 'The port reopened on May 10, 2031, at 5 p.m. local time.', ['May 10, 2031', '5 p.m. local time']],
    ['date', 'Divers found him on Wednesday.', ['Wednesday']],
    ['named', 'The claim was filed with the Fulton County Superior Court by the Resistance Front.', ['Fulton County Superior Court', 'Resistance Front']],
    // A quantifier opening the sentence is no name.
    ['named', 'Several firms run ferries from Eastport Harbour.', ['Eastport Harbour']],
    ['named', 'The hearing was titled “An Outage Strikes: Assessing the Impact” by the panel.', ['An Outage Strikes: Assessing the Impact']],
    // A letter glued to a figure or degree sign is a unit, not a name.
    ['place', 'A detector in Eastport recorded the bearing at 103°F, up from 38°F.', ['Eastport']],
    ['reason', 'The match was delayed because protesters blocked the roads.', ['because protesters blocked the roads']],
    ['description', 'The council met.', []],
  ])('%s in %j', (type, text, expected) => {
    expect(extractCandidates(text, tokenize(text), type).map((c) => c.text)).toEqual(expected);
  });

  it('gives a number the words it counts', () => {
    const text = 'The strikes hit nine terror sites.';
    const [nine] = extractCandidates(text, tokenize(text), 'number');
    expect(nine?.unit.map((t) => t.text)).toEqual(['terror', 'sites']);
  });
});

/** The candidates of a question's kind that the rules keep in `text`, and which rule dropped the others. */
async function judged(question: string, text: string, unitIsOther?: (lemma: string) => boolean): Promise<Array<[string, string]>> {
  const analysis = await analyzeQuestion(question);
  const part = analysis.parts[0];
  if (!part) throw new Error('no part');
  const tokens = tokenize(text);
  const given = questionGiven(analysis);
  const context = { text, tokens, part, given, ...(unitIsOther ? { unitIsOther } : {}) };
  return extractCandidates(text, tokens, part.type).map((candidate) => [candidate.text, rejectingRule({ candidate, ...context })?.name ?? 'kept']);
}

describe('CANDIDATE_RULES', () => {
  it('rejects as in-question the earlier answer a pronoun stands for ("…, and who took over after his death?")', async () => {
    const analysis = await analyzeQuestion('Who took over after his death?');
    const asked = analysis.parts[0];
    if (!asked) throw new Error('no part');
    // As the answerer reads the part once an earlier part has answered "Jane Roe".
    const part = { ...asked, subject: wordForms('Jane Roe').map((f): QuestionTerm => ({ ...f, role: 'subject', related: new Set(), broader: new Set() })) };
    const text = 'Jane Roe led the works until her death; her successor, Mark Poole, took over in May.';
    const tokens = tokenize(text);
    const verdicts = extractCandidates(text, tokens, 'person').map((candidate) => [candidate.text, rejectingRule({ candidate, text, tokens, part, given: questionGiven(analysis) })?.name ?? 'kept']);
    expect(verdicts).toEqual([['Jane Roe', 'in-question'], ['Mark Poole', 'kept']]);
  });

  it.each<[string, string, string, Array<[string, string]>]>([
    ['in-question', 'Who did Mayor Jane Roe dismiss?', 'Mayor Jane Roe dismissed Treasurer John Sample.', [['Jane Roe', 'in-question'], ['John Sample', 'kept']]],
    // A hyphenated surname is the question's own when each of its parts is.
    ['in-question', 'Who took over when Jane Roe-Sample stepped down?', 'John Tarrow took over when Jane Roe-Sample stepped down.', [['John Tarrow', 'kept'], ['Jane Roe-Sample', 'in-question']]],
    ['age', 'How many people were hurt?', 'Jane Roe, 58, said 28 people were hurt and a 41-year-old man died.', [['58', 'age'], ['28', 'kept'], ['41', 'age']]],
    ['age', 'How old was the diver Jane Roe?', 'The diver Jane Roe, 38, died on Friday.', [['38', 'kept']]],
    ['age-of-another', 'How old was Jane Roe when she died?', 'Mark Poole, who was 62, died with Jane Roe.', [['62', 'age-of-another']]],
    ['age-of-another', 'How old was Jane Roe when she died?', 'Jane Roe, who was 62, died with Mark Poole.', [['62', 'kept']]],
    ['not-an-age', 'How old was Jane Roe when she died?', 'Jane Roe died on 23 August with nine other people.', [['nine', 'not-an-age']]],
    ['not-an-age', 'How old was Jane Roe when she died?', 'Jane Roe died at 62, a 62-year-old ferry captain.', [['62', 'kept'], ['62', 'kept']]],
    ['time-of-day', 'How many boats were lost?', 'It was 2.30 pm when 12 boats were lost.', [['2.30', 'time-of-day'], ['12', 'kept']]],
    ['year-as-count', 'How many sites were hit?', 'Since 2019, nine sites were hit.', [['2019', 'year-as-count'], ['nine', 'kept']]],
    ['rank-or-label', 'How many claims were filed?', 'Case No. 24 lists 300 claims.', [['24', 'rank-or-label'], ['300', 'kept']]],
    // A bare number right after a noun names which one; a count follows a verb or comes before its noun.
    ['rank-or-label', 'How many people jumped into the harbour?', 'The passengers on ferry 8 watched as 12 people jumped into the harbour.', [['8', 'rank-or-label'], ['12', 'kept']]],
    ['rank-or-label', 'How many people were injured?', 'The blast injured 23 on the ferry.', [['23', 'kept']]],
    // The second label of a pair after one noun, and a noun the question uses but does not ask for.
    ['rank-or-label', 'How many divers reached the camp?', 'Twelve divers reached Camps 1 and 2 above the lake.', [['Twelve', 'kept'], ['1', 'rank-or-label'], ['2', 'rank-or-label']]],
    // After a phrase with an article the figure starts a clause of its own.
    ['rank-or-label', 'How many people died?', 'In the Eastport storm 28 died.', [['28', 'kept']]],
    // After the question's own measure word the number is its value.
    ['rank-or-label', 'What magnitude did the Eastport quake reach?', 'The Eastport quake reached magnitude 5 on Friday.', [['5', 'kept']]],
    ['one-of-many', 'How many people died in the crash?', 'One of the drivers said two people died in the crash.', [['One', 'one-of-many'], ['two', 'kept']]],
    ['percent-for-count', 'How many votes did the party receive?', 'The party received 28.5% of the vote, or 9,529 votes.', [['28.5%', 'percent-for-count'], ['9,529', 'kept']]],
    ['other-measure', 'How many containers were on the ship?', 'The ship sat in port for three months with 4,700 containers aboard.', [['three months', 'other-measure'], ['4,700', 'kept']]],
    ['other-measure', 'How much did the repairs cost?', 'The 55 workers finished repairs that cost $3 million.', [['55', 'other-measure'], ['$3 million', 'kept']]],
    ['other-measure', 'What prison sentence did the treasurer receive?', 'One of the two accused, the treasurer, was jailed for six years.', [['One', 'one-of-many'], ['two', 'other-measure'], ['six years', 'kept']]],
    ['total-not-each', 'How much did each of the three banks lend?', 'The banks lent a combined $9 billion, or $3 billion each.', [['$9 billion', 'total-not-each'], ['$3 billion', 'kept']]],
    ['total-not-each', 'How much did the three banks lend in total?', 'The banks lent a combined $9 billion, or $3 billion each.', [['$9 billion', 'kept'], ['$3 billion', 'total-not-each']]],
    ['total-not-each', 'How much did the three banks lend?', 'The banks lent a combined $9 billion, or $3 billion each.', [['$9 billion', 'kept'], ['$3 billion', 'kept']]],
    ['running-total', 'How many tonnes of water were released in the first round?', 'The firm will have released 31,200 tonnes since the first round began, after 7,800 tonnes in the first round.', [['31,200', 'running-total'], ['7,800', 'kept']]],
    ['running-total', 'How many tonnes of water had been released in total since the first round?', 'The firm will have released 31,200 tonnes since the first round began.', [['31,200', 'kept']]],
    ['running-total', 'How many tonnes of water were released?', 'The firm has released 31,200 tonnes so far.', [['31,200', 'kept']]],
    ['figure-in-question', 'How many seats did the party win in the 630-seat chamber?', 'The party won 208 of the 630 seats.', [['208', 'kept'], ['630', 'figure-in-question']]],
    ['figure-in-question', 'The shares closed at $1,343.05. At what price did they open?', 'They opened at $1,294.51 after closing at $1,343.05.', [['$1,294.51', 'kept'], ['$1,343.05', 'figure-in-question']]],
    ['figure-of-another-action', 'How many cars fell into the harbour?', 'The Eastport bridge carried about 31,000 cars a day before two cars fell into the harbour.', [['31,000', 'figure-of-another-action'], ['two', 'kept']]],
    // Verbs that tell or total a figure, and phrasal verbs WordNet does not relate, leave it to the model.
    ['figure-of-another-action', 'How much money did customers withdraw from the bank?', 'Customers tried to pull $42 billion out of the bank, officials said.', [['$42 billion', 'kept']]],
    ['figure-of-another-action', 'How many cars fell into the harbour?', 'Officials said the cars that fell into the harbour numbered 12.', [['12', 'kept']]],
    // Verbs of getting give most counts, whatever the question asks ("drew 3.1 million viewers" for "how many watched").
    ['figure-of-another-action', 'How many viewers watched the final episode?', 'The final episode drew 3.1 million viewers.', [['3.1 million', 'kept']]],
    // Verbs of telling give figures too ("announced 200 million euros" for "how much did they pledge").
    ['figure-of-another-action', 'How much did the Roe family pledge for the cathedral?', 'The Roe family announced 200 million euros for the cathedral.', [['200 million euros', 'kept']]],
    ['other-casualty-kind', 'How many people died in the crash?', 'At least 28 people were injured and two were killed in the crash.', [['28', 'other-casualty-kind'], ['two', 'kept']]],
    ['other-casualty-kind', 'How many people were wounded?', 'Six people were killed, while 40 were wounded.', [['Six', 'other-casualty-kind'], ['40', 'kept']]],
    ['other-casualty-kind', 'What was the death toll?', 'The toll rose to 12 dead and 30 injured.', [['12', 'kept'], ['30', 'other-casualty-kind']]],
    // The verb before a figure says what it counts too ("killed at least 137").
    ['other-casualty-kind', 'How many firefighters were injured?', 'The fires killed at least 137 people and injured 40 firefighters.', [['137', 'other-casualty-kind'], ['40', 'kept']]],
    ['threshold-figure', 'What share of the vote did Jane Roe win?', 'Jane Roe won 48% of the vote, short of the 50% needed to win outright.', [['48%', 'kept'], ['50%', 'threshold-figure']]],
    ['threshold-figure', 'How many votes did the mayor get?', 'The mayor got 310 votes, six short of the required 316 votes.', [['310', 'kept'], ['six', 'kept'], ['316', 'threshold-figure']]],
    ['threshold-figure', 'How many votes did the mayor need?', 'The mayor got 310 votes, six short of the required 316 votes.', [['310', 'kept'], ['six', 'kept'], ['316', 'kept']]],
    ['nationality-word', 'Which team did the Eastport Rovers beat?', 'The Eastport Rovers beat the Thai side Tarrow United on Sunday.', [['Eastport Rovers', 'in-question'], ['Thai', 'nationality-word'], ['Tarrow United', 'kept']]],
    ['nationality-word', 'What nationality was the diver who found the boys?', 'The diver who found the boys was British.', [['British', 'kept']]],
    ['location-of-asked', 'To which hospital were the divers taken?', 'The divers were taken to hospital in Tarrow, then to Eastport General Hospital.', [['Tarrow', 'location-of-asked'], ['Eastport General Hospital', 'kept']]],
    ['date-of-another-event', 'On what date did the mayor dissolve the council?', 'The mayor dissolved the council on March 3, after the treasurer resigned on February 20.', [['March 3', 'kept'], ['February 20', 'date-of-another-event']]],
    ['date-of-another-event', 'On what date did the mayor dissolve the council?', 'The mayor dissolved the council and called an election on March 30.', [['March 30', 'date-of-another-event']]],
    ['date-of-another-event', 'On what date did Jane Roe testify before the committee?', 'Jane Roe, who has led the ferry firm since May 2022, testified before the committee.', [['May 2022', 'date-of-another-event']]],
    ['date-of-another-event', 'On what date did Jane Roe resign?', 'Jane Roe, who resigned on May 2, will stay as adviser.', [['May 2', 'kept']]],
    ['agent-of-passive', 'Who was sworn in as mayor?', 'Jane Roe was sworn in by Judge John Sample on Monday.', [['Jane Roe', 'kept'], ['John Sample', 'agent-of-passive']]],
    ['agent-of-passive', 'Who swore in the mayor?', 'Jane Roe was sworn in by Judge John Sample on Monday.', [['Jane Roe', 'kept'], ['John Sample', 'kept']]],
    ['agent-of-passive', 'By whom was the mayor sworn in?', 'Jane Roe was sworn in by Judge John Sample on Monday.', [['Jane Roe', 'kept'], ['John Sample', 'kept']]],
    ['date-of-another-event', 'When was the ferry refloated and towed to port?', 'The ferry was refloated and towed to port on March 30.', [['March 30', 'kept']]],
    ['date-of-publication', 'On what day did the Eastport fire break out?', 'The Eastport fire began in a shed, according to a report released on Wednesday by the fire service.', [['Wednesday', 'date-of-publication']]],
    ['date-of-publication', 'When did the fire service release its report on the Eastport fire?', 'The report on the Eastport fire was released on Wednesday by the fire service.', [['Wednesday', 'kept']]],
    ['date-of-anniversary', 'On what day did the Eastport fire break out?', 'A minute of silence was held on Thursday as Eastport marked one year since the fire.', [['Thursday', 'date-of-anniversary']]],
    ['date-of-anniversary', 'On what day did Eastport mark the anniversary of the fire?', 'A minute of silence was held on Thursday as Eastport marked one year since the fire.', [['Thursday', 'kept']]],
    // "Six months after" times another event; the asked action told in the sentence keeps its date.
    ['date-of-anniversary', 'On what day did Jane Roe announce that she was leaving Acme?', 'Jane Roe announced on Tuesday that she was leaving Acme, six months after the vote.', [['Tuesday', 'kept'], ['six months after', 'not-a-date']]],
    ['date-of-anniversary', 'On what day did the Eastport fire break out?', 'The Eastport fire broke out on a Monday, a year since the last one.', [['Monday', 'kept']]],
    // "Said" dates an announcement, which is often the asked action itself ("said Wednesday it will not buy").
    ['date-of-publication', 'On what day did Acme pull out of its deal to buy Globex?', 'Acme said Wednesday it will not buy Globex.', [['Wednesday', 'kept']]],
    ['not-a-date', 'When did the port reopen?', 'The port reopened in five days, on May 10.', [['in five days', 'not-a-date'], ['May 10', 'kept']]],
    ['not-a-date', 'On what date did the ferry run aground?', 'The ferry ran aground at 7:40 a.m. local time on Tuesday, March 23.', [['7:40 a.m. local time', 'not-a-date'], ['on Tuesday, March 23', 'kept']]],
    ['not-a-date', 'At what time did the ferry run aground?', 'The ferry ran aground at 7:40 a.m. local time.', [['7:40 a.m. local time', 'kept']]],
    ['asked-verb-as-modifier', 'On what date was the harbour master sacked?', 'The sacked harbour master told the council on Monday that he had done nothing wrong.', [['Monday', 'asked-verb-as-modifier']]],
    ['asked-verb-as-modifier', 'On what date was the harbour master sacked?', 'The harbour master was sacked on Monday.', [['Monday', 'kept']]],
    ['date-in-question', 'On what day in 2029 was the wreck of the Sample Star found?', 'The wreck was found in 2029 by divers from Eastport.', [['2029', 'date-in-question']]],
    ['date-in-question', 'On what day in 2029 was the wreck of the Sample Star found?', 'The wreck was found on 4 May 2029 by divers from Eastport.', [['on 4 May 2029', 'kept']]],
    ['date-in-question', 'When in July 2029 did the ferry sink?', 'The ferry sank in July 2029, on a Monday.', [['July 2029', 'date-in-question'], ['Monday', 'kept']]],
    ['name-not-month', 'On what day did the engineer resign?', 'Hours later, Jan Roe, who led the team, said he had resigned on Friday.', [['Jan', 'name-not-month'], ['Friday', 'kept']]],
    ['name-not-month', 'When was the fire in Villa del Mar put out?', 'Crews in Villa del Mar put out the fire on Friday.', [['Mar', 'name-not-month'], ['Friday', 'kept']]],
  ])('%s', async (_rule, question, text, expected) => {
    expect(await judged(question, text)).toEqual(expected);
  });

  describe('other-counted-thing', () => {
    // What the answerer looks up in WordNet for the nouns after numbers: here, places and buildings are not people.
    const others = new Set(['country', 'home', 'site']);
    const unitIsOther = (lemma: string) => others.has(lemma);
    it.each<[string, string, Array<[string, string]>]>([
      ['How many people attended the Eastport summit?', 'Leaders of the two countries met at the Eastport summit.', [['two', 'other-counted-thing']]],
      ['How many people were evacuated from Eastport?', 'Some 300 homes and 1,200 residents were evacuated from Eastport.', [['300', 'other-counted-thing'], ['1,200', 'kept']]],
      // A count of the dead counts people; a question about sites is not about people.
      ['How many people died in Eastport?', 'The storm left 12 dead in Eastport.', [['12', 'kept']]],
      ['How many sites were hit in Eastport?', 'Drones hit nine sites in Eastport.', [['nine', 'kept']]],
    ])('%s / %s', async (question, text, expected) => {
      expect(await judged(question, text, unitIsOther)).toEqual(expected);
    });

    it('does nothing when WordNet was not consulted', async () => {
      expect(await judged('How many people attended the Eastport summit?', 'Leaders of the two countries met at the Eastport summit.')).toEqual([['two', 'kept']]);
    });
  });

  it('gives every rule a name and a reason', () => {
    for (const r of CANDIDATE_RULES) {
      expect(r.name).toMatch(/^[a-z-]+$/);
      expect(r.reason.length).toBeGreaterThan(30);
    }
  });
});
