import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/Answer.js';
import type { ExtractiveAnswerer } from '../../src/answer/ExtractiveAnswerer.js';
import { contextualizeQuery } from '../../src/answer/contextualizeQuery.js';
import { assembleAnswer } from '../../src/answer/assembleAnswer.js';
import { article, offlineAnswerer } from './answerFixtures.js';
import { loadSeedRetrieval, type SeedRetrieval } from './seedRetrieval.js';

const A000 = 'seeds/000_84132c475ac0a92d.txt';
const A001 = 'seeds/001_85d2b148091b6640.txt';
const A002 = 'seeds/002_5592039cb36a44e3.txt';
const A004 = 'seeds/004_577e0fed1c43110c.txt';

let seeds: SeedRetrieval;
let answerer: ExtractiveAnswerer;

beforeAll(async () => {
  [seeds, answerer] = await Promise.all([loadSeedRetrieval(), offlineAnswerer()]);
});

async function ask(question: string, history?: Array<{ question: string; answer: string }>): Promise<Answer> {
  const query = history ? contextualizeQuery(question, history) : question;
  return answerer.answer(question, await seeds.retrieve(query), history ? { history } : {});
}

/** Every quote must be the exact text at its offsets in the real file. */
function expectVerbatim(answer: Answer): void {
  for (const c of answer.citations) {
    const raw = seeds.raw.get(c.source);
    expect(raw, c.source).toBeDefined();
    expect(raw?.slice(c.start, c.end)).toBe(c.quote);
  }
}

/** The answer's text before its first citation marker: what a reader sees first. */
const lead = (a: Answer) => a.text.split(/\[\d+\]/)[0]?.trim() ?? '';

describe('ExtractiveAnswerer on the real seeds', () => {
  it.each<[string, RegExp, string]>([
    ['Who leads the working group implementing the Trump Route?', /Sonata Coulter/, A001],
    ['When did Mirzoyan meet Verma?', /June 17/, A002],
    ['When did the US establish diplomatic relations with Azerbaijan?', /1992/, A000],
    ['When did Ilham Aliyev visit the United States?', /August 7-8, 2025/, A004],
    ['Who did Allison Hooker meet in Azerbaijan?', /Bayramov/, A001],
    ['What did Aliyev and Trump sign during the visit?', /Memorandum of Understanding/, A004],
    ['What is Armenia expected to amend to solidify the peace agreement?', /Constitution/, A004],
  ])('%s', async (question, fact, source) => {
    const answer = await ask(question);
    expect(answer.kind, answer.text).toBe('answered');
    // The fact leads: as a short answer, or in the first quoted sentence.
    expect(lead(answer)).toMatch(fact);
    expect(answer.citations[0]?.source).toBe(source);
    expect(answer.citations.length).toBeLessThanOrEqual(answerer.params.maxSentences);
    // Markers are numbered 1..n in order of first use and each refers to a citation.
    const used = [...answer.text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect([...new Set(used)]).toEqual(answer.citations.map((c) => c.n));
    expectVerbatim(answer);
  });

  it.each([
    'Who won the 2022 World Cup?',
    'What is the capital of France?',
    'What did Vladimir Putin say about the Trump Route?',
    'What is the recipe for Armenian lavash bread?',
  ])('abstains: %s', async (question) => {
    const answer = await ask(question);
    expect(answer.kind, answer.text).toBe('no-answer');
    expect(answer.text).toMatch(/^The articles don't say\./);
    expect(answer.text).not.toMatch(/\[\d+\]/);
    expectVerbatim(answer);
  });

  it('lists the closest sources when it abstains', async () => {
    const answer = await ask('What did Vladimir Putin say about the Trump Route?');
    expect(answer.text).toBe("The articles don't say. The closest sources are listed below.");
    expect(answer.citations.length).toBeGreaterThan(0);
  });

  it('quotes sentences without the dateline glued to them', async () => {
    const answer = await ask('Who did the presidential Assistant of Azerbaijan hold talks with in Washington?');
    expect(answer.citations.some((c) => c.source === A000)).toBe(true);
    for (const c of answer.citations) expect(c.quote).not.toMatch(/^Washington, 17 May 2024/);
  });

  it('carries the subject of a follow-up over from the previous turn', async () => {
    const first = await ask('What did Aliyev and Trump sign?');
    expect(first.text).toMatch(/Memorandum of Understanding/);
    const followUp = await ask('When was that?', [{ question: 'What did Aliyev and Trump sign?', answer: first.text }]);
    expect(followUp.kind, followUp.text).toBe('answered');
    expect(followUp.text).toMatch(/August 7-8, 2025/);
    expect(followUp.citations[0]?.source).toBe(A004);
    expectVerbatim(followUp);
  });
});

/**
 * Behaviour on short articles written for the test: what the named sentence rules guarantee
 * whatever the fitted weights.
 */
describe('ExtractiveAnswerer on articles written for the test', () => {
  const port = article('t/port.txt', 'Eastport Harbour said on Tuesday that 28 people were injured when the ferry Sample Star struck the pier. The harbour reopened to traffic two days later.', { date: '2031-03-12' });
  const airline = article('t/airline.txt', 'Delta Air Lines said the outage cost it $500 million in lost revenue. The carrier cancelled 7,000 flights.', { date: '2031-07-30' });
  const vote = article('t/vote.txt', 'In the first round of voting, Jane Roe received 310 votes, six fewer than she needed. She was elected in the second round with 325 votes.', { date: '2031-05-06' });
  const election = article('t/election.txt', 'In the 2031 election the Harbour Party won 85 seats, and the Port Party won 64 seats.', { date: '2031-02-24' });

  it('declines when the article never names who the question is about (no "United" in a Delta story)', async () => {
    const answer = await answerer.answer('How much money did United Airlines lose because of the outage?', [airline]);
    expect(answer.kind, answer.text).toBe('no-answer');
    const decision = await answerer.decide('How much money did United Airlines lose because of the outage?', [airline]);
    expect(decision.parts[0]?.ranked.every((s) => s.rejectedBy === 'name-not-in-article')).toBe(true);
  });

  it('declines a round the articles do not report, and answers the one they do', async () => {
    const third = await answerer.answer('How many votes did Jane Roe receive in the third round?', [vote]);
    expect(third.kind, third.text).toBe('no-answer');
    const first = await answerer.answer('How many votes did Jane Roe receive in the first round?', [vote]);
    expect(first.kind, first.text).toBe('answered');
    expect(lead(first)).toMatch(/\b310\b/);
  });

  it('declines a year the articles do not report', async () => {
    const answer = await answerer.answer('How many seats did the Port Party win in the 2026 election?', [election]);
    expect(answer.kind, answer.text).toBe('no-answer');
    const decision = await answerer.decide('How many seats did the Port Party win in the 2026 election?', [election]);
    expect(decision.parts[0]?.ranked[0]?.rejectedBy).toMatch(/constraint/);
  });

  it('declines a how-many question about an action the article never states, but not one asked with a verb of telling or asking', async () => {
    const delayed = await answerer.decide('How many flights did Delta delay?', [airline]);
    expect(delayed.parts[0]?.ranked.every((s) => s.rejectedBy === 'predicate-not-in-article')).toBe(true);
    expect((await answerer.answer('How many flights did Delta delay?', [airline])).kind).toBe('no-answer');
    const cancelled = await answerer.answer('How many flights did Delta cancel?', [airline]);
    expect(lead(cancelled)).toMatch(/7,000/);
    const announced = await answerer.decide('How many flights did Delta announce?', [airline]);
    expect(announced.parts[0]?.ranked.some((s) => s.rejectedBy === 'predicate-not-in-article')).toBe(false);
    // Asked for: an appeal "seeks" what it is launched for.
    const appeal = article('t/appeal.txt', 'The agency launched a $40 million appeal for the flood victims of Eastport.');
    const sought = await answerer.decide("How much did the agency's appeal seek?", [appeal]);
    expect(sought.parts[0]?.ranked.some((s) => s.rejectedBy === 'predicate-not-in-article')).toBe(false);
  });

  it('never answers with a sentence that is itself a question (an explainer\'s subheading)', async () => {
    const explainer = article('t/explainer.txt', 'Who is the third suspect? Police said the third suspect, a former volunteer firefighter, set the fire to cover up a theft.', { date: '2031-09-20' });
    const decision = await answerer.decide('Why did the third suspect set the fire?', [explainer]);
    const ranked = decision.parts[0]?.ranked ?? [];
    expect(ranked.find((s) => s.sentence.text === 'Who is the third suspect?')?.rejectedBy).toBe('is-a-question');
    const answer = await answerer.answer('Why did the third suspect set the fire?', [explainer]);
    expect(lead(answer)).not.toMatch(/\?/);
  });

  it('never gives an age or a date part as a count', async () => {
    const text = 'Jane Roe, 58, said 12 boats sank near Eastport in 2031.';
    const decision = await answerer.decide('How many boats sank near Eastport?', [article('t/boats.txt', text)]);
    const candidates = decision.parts[0]?.ranked[0]?.candidates.map((c) => c.candidate.text) ?? [];
    expect(candidates).toContain('12');
    expect(candidates).not.toContain('58');
    expect(candidates).not.toContain('2031');
  });

  it('gives a weekday as the date it was, from the article\'s date', async () => {
    const answer = await answerer.answer('On what day did the ferry Sample Star strike the pier in Eastport?', [port]);
    expect(answer.kind, answer.text).toBe('answered');
    const decision = await answerer.decide('On what day did the ferry Sample Star strike the pier in Eastport?', [port]);
    const best = decision.parts[0]?.ranked[0];
    expect(best?.candidates.map((c) => c.candidate.text)).toContain('Tuesday');
    // 12 March 2031 is a Wednesday: "Tuesday" in that day's article is 11 March. Whether a short
    // answer or the quoted sentence leads, the lead gives the full date.
    expect(lead(answer)).toMatch(/^11 March 2031 \(Tuesday\)/);
    expect(answer.text).toContain('Eastport Harbour said on Tuesday');
  });

  it('does not quote a sentence that only repeats the why-question\'s words', async () => {
    const text = 'The Harbour Party congress in Eastport began more than two hours late. Police said many delegates arrived late due to blockades.';
    const answer = await answerer.answer('Why did the Harbour Party congress in Eastport begin more than two hours late?', [article('t/congress.txt', text)]);
    expect(answer.text).toMatch(/^Police said many delegates arrived late due to blockades\. \[1\]$/);
  });

  it('leads with the sentence that gives the cause when the best one only retells the asked event', async () => {
    // "in the afternoon" keeps the retelling from being the question's words alone (adds-nothing).
    const text = 'The Harbour Party congress in Eastport began more than two hours late in the afternoon. Hundreds of members attended the congress in Eastport. Police said many delegates arrived late due to blockades. The party congress had been planned for months.';
    const question = 'Why did the Harbour Party congress in Eastport begin more than two hours late?';
    const decision = await answerer.decide(question, [article('t/congress.txt', text)]);
    expect(decision.parts[0]?.ranked[0]?.sentence.text).toMatch(/^The Harbour Party congress/);
    const answer = await answerer.answer(question, [article('t/congress.txt', text)]);
    expect(answer.text).toMatch(/^Police said many delegates arrived late due to blockades\. \[1\] The Harbour Party congress in Eastport began more than two hours late in the afternoon\. \[2\]$/);
  });

  it('searches again for a part about the first part\'s answer, and reads it as about that person', async () => {
    const session = article('t/session.txt', 'Jane Roe chaired the harbour committee session on Monday. The session lasted four hours.');
    const election = article('t/election2.txt', 'Jane Roe was elected chair of the harbour committee in 2029 with 382 votes. John Doe received 310 votes.');
    const question = 'Who chaired the harbour committee session, and how many votes had she received when she was elected chair?';
    expect(await answerer.followUpQueries(question, [session])).toEqual(['how many votes had she received when she was elected chair Jane Roe']);
    const decision = await answerer.decide(question, [session, election]);
    expect(decision.parts[1]?.part.subject.map((t) => t.text)).toEqual(['Jane', 'Roe']);
    expect(decision.parts[1]?.ranked[0]?.sentence.text).toMatch(/382 votes/);
    // A question with no such part needs no second search.
    expect(await answerer.followUpQueries('Who chaired the harbour committee session?', [session])).toEqual([]);
  });

  it('gives a later part of the same type another answer than the earlier part took, unless the sentence holds both', async () => {
    const canal = article('t/canal.txt', 'Port officials said 369 vessels were waiting to pass through the canal on Sunday. The last of 422 ships in the queue went through a week later.', { date: '2031-03-29' });
    const question = 'How many vessels were waiting on Sunday, and how many had passed through the canal once the queue was cleared?';
    const decision = await answerer.decide(question, [canal]);
    const [first, second] = decision.parts;
    expect(first?.ranked[0]?.sentence.text).toMatch(/369 vessels/);
    // The 369 sentence is the second part's likeliest too, but its figure is the first part's answer.
    expect(second?.taken?.sentence.text).toMatch(/369 vessels/);
    expect(second?.ranked[0]?.sentence.text).toMatch(/422 ships/);
    const answer = await answerer.answer(question, [canal]);
    expect(answer.text).toMatch(/^Port officials said 369 vessels[^[]*\[1\] The last of 422 ships[^[]*\[2\]$/);
    // A syndicated copy of the 369 sentence gives way too.
    const copy = article('t/copy.txt', 'Port officials said 369 vessels were waiting to pass through the canal on Sunday.', { date: '2031-03-29' });
    expect((await answerer.decide(question, [canal, copy])).parts[1]?.ranked[0]?.sentence.text).toMatch(/422 ships/);
    // One sentence that holds both figures answers both parts.
    const both = await answerer.decide('How many seats did the Harbour Party win, and how many did the Port Party win?', [election]);
    expect(both.parts.map((p) => p.taken)).toEqual([undefined, undefined]);
    expect(both.parts.map((p) => p.ranked[0]?.sentence.text)).toEqual([expect.stringMatching(/85 seats/), expect.stringMatching(/85 seats/)]);
  });

  it('gives each part of a two-part when-question its own full date, also when one sentence holds both', async () => {
    const question = 'When did the ferry Sample Star strike the pier at Eastport, and when did the harbour reopen?';
    const apart = article('t/apart.txt', 'The ferry Sample Star struck the pier at Eastport on Tuesday. Harbour officials said the first boats began leaving on Monday. The harbour reopened to traffic on Thursday, officials said.', { date: '2031-03-14' });
    expect((await answerer.answer(question, [apart])).text).toMatch(/^11 March 2031 \(Tuesday\): The ferry Sample Star struck[^[]*\[1\] 13 March 2031 \(Thursday\): The harbour reopened[^[]*\[2\]$/);
    const together = article('t/together.txt', 'The ferry Sample Star struck the pier at Eastport on Tuesday and the harbour reopened on Thursday.', { date: '2031-03-14' });
    expect((await answerer.answer(question, [together])).text).toMatch(/^11 March 2031 \(Tuesday\); 13 March 2031 \(Thursday\): The ferry Sample Star struck/);
  });

  it('does not lead a two-part when-question with a sentence that holds one date for both parts', async () => {
    const question = 'When did the ferry Sample Star strike the pier at Eastport, and when did the harbour reopen?';
    const text = 'The ferry Sample Star struck the pier at Eastport on Tuesday. The harbour reopened to traffic on Thursday. On Monday the harbour master said the ferry Sample Star that struck the pier at Eastport had left and the harbour would reopen.';
    const decision = await answerer.decide(question, [article('t/master.txt', text, { date: '2031-03-14' })]);
    // The harbour master's sentence is likely for both parts, but its one date cannot answer both.
    expect(decision.parts.map((p) => p.ranked.slice(0, 2).some((s) => s.sentence.text.startsWith('On Monday')))).toEqual([true, true]);
    expect(lead(await answerer.answer(question, [article('t/master.txt', text, { date: '2031-03-14' })]))).toMatch(/^11 March 2031 \(Tuesday\): The ferry Sample Star struck/);
  });

  it('says which dateline a weekday belongs to when the article gives no year', async () => {
    const wire = article('t/wire.txt', 'Divers boarded the ferry Sample Star on Monday, the harbour police said.', { date: null, datelineDay: '04-15' });
    const answer = await answerer.answer('On what date did divers board the ferry Sample Star?', [wire]);
    expect(lead(answer)).toMatch(/^Article dated April 15, year not given: Divers boarded the ferry Sample Star on Monday/);
    // With no dateline either, the sentence stands as written.
    const bare = article('t/bare.txt', 'Divers boarded the ferry Sample Star on Monday, the harbour police said.', { date: null });
    expect(lead(await answerer.answer('On what date did divers board the ferry Sample Star?', [bare]))).toMatch(/^Divers boarded/);
  });

  it('leads a when-answer with the article that places the weekday another article leaves bare', async () => {
    const undated = article('t/undated.txt', 'The ferry Sample Star and the ferry North Light collided off Eastport on Sunday. The harbour cafe sells fish soup.', { date: null });
    const dated = article('t/dated2.txt', 'The ferry Sample Star and the ferry North Light collided off Eastport early on Sunday. A choir sang in the town hall.', { date: '2031-03-10' });
    const question = 'When did the ferry Sample Star and the ferry North Light collide?';
    const decision = await answerer.decide(question, [undated, dated]);
    expect(decision.parts[0]?.ranked[0]?.article.date).toBeNull();
    // 10 March 2031 is a Monday: its article's "Sunday" is 9 March.
    const answer = await answerer.answer(question, [undated, dated]);
    expect(answer.text).toBe('9 March 2031 (Sunday): The ferry Sample Star and the ferry North Light collided off Eastport early on Sunday. [1] The ferry Sample Star and the ferry North Light collided off Eastport on Sunday. [2]');
  });

  it('leads with a sentence holding a name of the asked kind when the best one holds none and the other is nearly as likely', async () => {
    const text = 'In the deadliest bombing in Eastport since the 2029 Westport attack, 14 tourists were killed in the harbour market on Tuesday. The Harbour Front, a militant group, claimed responsibility for the bombing.';
    const question = 'Which militant group was named as responsible for the Eastport bombing of tourists?';
    const decision = await answerer.decide(question, [article('t/claim.txt', text, { date: '2031-03-10' })]);
    const part = decision.parts[0];
    const claim = part?.ranked.find((s) => s.sentence.text.startsWith('The Harbour Front'));
    const scene = part?.ranked.find((s) => s.sentence.text.startsWith('In the deadliest'));
    if (!part || !claim || !scene) throw new Error('both sentences should be assessed');
    expect(scene.features['candidateFit']).toBe(0);
    expect(claim.features['candidateFit']).toBeGreaterThanOrEqual(0.75);
    // Ranked as the model might on another article: the scene first, the claim nearly as likely (or not).
    const ranked = (claimP: number) => ({ ...decision, parts: [{ ...part, short: [], ranked: [{ ...scene, p: 0.6 }, { ...claim, p: claimP }] }] });
    expect(lead(assembleAnswer(question, ranked(0.5)))).toMatch(/^The Harbour Front/);
    expect(lead(assembleAnswer(question, ranked(0.2)))).toMatch(/^In the deadliest bombing/);
  });

  it('leads a when-answer with a sentence that writes the day out when the best one says only a weekday nothing places', async () => {
    const undated = article('t/undated.txt', 'The ferry Sample Star and the ferry North Light collided off Eastport on Sunday. The harbour cafe sells fish soup.', { date: null });
    const written = article('t/written.txt', 'The Sample Star and the North Light collided near Eastport on March 9, its owner said. A choir sang in the town hall.', { date: null });
    const question = 'When did the ferry Sample Star and the ferry North Light collide off Eastport?';
    const decision = await answerer.decide(question, [undated, written]);
    expect(decision.parts[0]?.ranked[0]?.sentence.text).toMatch(/on Sunday/);
    expect(lead(await answerer.answer(question, [undated, written]))).toMatch(/^The Sample Star and the North Light collided near Eastport on March 9/);
  });

  it('gives the days between two dates for "how much time passed between" when both dates are likely enough, each from its own article', async () => {
    const launch = article('t/launch.txt', 'The ferry Sample Star was launched at Eastport on 4 March 2031. Crowds cheered.', { date: '2031-03-05' });
    const sinking = article('t/sinking.txt', 'The ferry Sample Star sank off Westport on Sunday, the coast guard said. Divers searched.', { date: '2031-04-15' });
    const question = 'How much time passed between the launch of the ferry Sample Star and its sinking?';
    // Both dates are candidates at about 0.5 here: a threshold below that lets the interval lead.
    const sure = await offlineAnswerer({ intervalThreshold: 0.45 });
    const answer = await sure.answer(question, [launch, sinking]);
    // 15 April 2031 is a Tuesday: "Sunday" is 13 April, 40 days after 4 March.
    expect(lead(answer)).toBe('40 days, from 4 March 2031 to 13 April 2031');
    expect(answer.text).toMatch(/^40 days, from 4 March 2031 to 13 April 2031 \[\d\]\[\d\]\./);
    // Below the shipped threshold, it gives the sentences alone.
    expect(lead(await answerer.answer(question, [launch, sinking]))).toMatch(/^The ferry Sample Star was launched/);
  });

  it('never leads with a bare weekday nothing places', async () => {
    const eager = await offlineAnswerer({ shortThreshold: 0.01 });
    const text = 'Divers boarded the ferry Sample Star on Monday, the harbour police said.';
    const question = 'On what day did divers board the ferry Sample Star?';
    const undated = await eager.answer(question, [article('t/bare.txt', text, { date: null })]);
    expect(lead(undated)).toMatch(/^Divers boarded/);
    const datelined = await eager.answer(question, [article('t/wire.txt', text, { date: null, datelineDay: '04-15' })]);
    expect(lead(datelined)).toBe('Monday (article dated April 15, year not given)');
    const dated = await eager.answer(question, [article('t/dated.txt', text, { date: '2031-04-15' })]);
    expect(lead(dated)).toBe('14 April 2031 (Monday)');
  });

  it('answers each part of a two-part question, and says which part the articles leave open', async () => {
    const answer = await answerer.answer('How many votes did Jane Roe receive in the first round, and how many did she receive in the fifth round?', [vote]);
    expect(answer.kind, answer.text).toBe('answered');
    expect(answer.text).toMatch(/\b310\b/);
    expect(answer.text).toMatch(/The articles don't say: “how many did she receive in the fifth round\?”/);
  });
});
