import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/Answer.js';
import type { Passage } from '../../src/ingest/Passage.js';
import type { RetrievedPassage } from '../../src/retrieval/RetrievedPassage.js';
import { ExtractiveAnswerer } from '../../src/answer/ExtractiveAnswerer.js';
import { contextualizeQuery } from '../../src/answer/contextualizeQuery.js';
import { loadSeedRetrieval, type SeedRetrieval } from './seedRetrieval.js';

const A000 = 'seeds/000_84132c475ac0a92d.txt';
const A001 = 'seeds/001_85d2b148091b6640.txt';
const A002 = 'seeds/002_5592039cb36a44e3.txt';
const A003 = 'seeds/003_771a817d65f74398.txt';
const A004 = 'seeds/004_577e0fed1c43110c.txt';

let seeds: SeedRetrieval;
let answerer: ExtractiveAnswerer;

beforeAll(async () => {
  seeds = await loadSeedRetrieval();
  answerer = new ExtractiveAnswerer({ rarity: seeds.rarity });
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

describe('ExtractiveAnswerer on the real seeds', () => {
  it.each<[string, RegExp, string[]]>([
    ['Who leads the working group implementing the Trump Route?', /^Sonata Coulter \[1\]\./, [A001]],
    ['Who leads the joint working group?', /^Sonata Coulter \[1\]\./, [A001]],
    ['When did Mirzoyan meet Verma?', /^June 17 \[1\]\./, [A002]],
    ['When did the US establish diplomatic relations with Azerbaijan?', /^1992 \[1\]\./, [A000]],
    ['When did Ilham Aliyev visit the United States?', /August 7-8, 2025/, [A004]],
    ['When did Hikmat Hajiyev hold talks in Washington?', /^17 May 2024 \[1\]/, [A000]],
    ['Who did Allison Hooker meet in Azerbaijan?', /Bayramov/, [A001]],
    ['Who signed the memorandum of understanding with Ilham Aliyev?', /^Donald Trump \[1\]/, [A004]],
    ['What did Aliyev and Trump sign during the visit?', /Memorandum of Understanding/, [A004]],
    ['What is Armenia expected to amend to solidify the peace agreement?', /amend its Constitution/, [A004]],
    ['What project initiated by Armenia was discussed with Verma?', /Crossroads of Peace/, [A002]],
    ['What is the expected timeline for the Joint Security Task Force?', /6 months/, [A003]],
    ['What did the trilateral summit of Azerbaijan, the US and Armenia lead to?', /Joint Declaration/, [A004]],
    // Paraphrases: few words shared with the text; a transliteration variant (Nakhichevan).
    ['Why were Baku and Washington on cool terms under the previous American administration?', /human rights|political prisoners/, [A001]],
    ['What will the Trump Route connect with Nakhichevan?', /Nakhchivan/, [A001]],
  ])('%s', async (question, fact, sources) => {
    const answer = await ask(question);
    expect(answer.kind, answer.text).toBe('answered');
    expect(answer.text).toMatch(fact);
    expect(answer.citations.map((c) => c.source)).toEqual(expect.arrayContaining(sources));
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.citations.length).toBeLessThanOrEqual(4);
    // Markers are numbered 1..n in order of first use and each refers to a citation.
    const used = [...answer.text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect([...new Set(used)]).toEqual(answer.citations.map((c) => c.n));
    expectVerbatim(answer);
  });

  it('combines articles for Hajiyev\'s US meetings (000 and 001)', async () => {
    const answer = await ask('Which US officials has Hikmat Hajiyev met?');
    expect(answer.kind).toBe('answered');
    for (const name of ['John Bass', 'Yuri Kim', 'Robert Gilchrist', 'Allison Hooker']) expect(answer.text).toContain(name);
    expect(new Set(answer.citations.map((c) => c.source))).toEqual(new Set([A000, A001]));
    expectVerbatim(answer);
  });

  it('combines articles for the August 2025 Washington meeting (001 and 004)', async () => {
    const answer = await ask('What happened at the August 2025 Washington meeting?');
    expect(answer.kind).toBe('answered');
    expect(answer.text).toMatch(/August 8|August 7-8, 2025/);
    expect(answer.citations.map((c) => c.source)).toEqual(expect.arrayContaining([A001, A004]));
    expectVerbatim(answer);
  });

  it.each([
    'What is the population of Azerbaijan?',
    'Who won the 2022 World Cup?',
    'What is the capital of France?',
    'What did Vladimir Putin say about the Trump Route?',
    'When was Jeyhun Bayramov born?',
    'How many soldiers serve in Azerbaijan\'s army?',
    'What is the recipe for Armenian lavash bread?',
  ])('abstains: %s', async (question) => {
    const answer = await ask(question);
    expect(answer.kind, answer.text).toBe('no-answer');
    expect(answer.text).toMatch(/^The articles don't say\./);
    expect(answer.text).not.toMatch(/\[\d+\]/);
    expectVerbatim(answer);
  });

  it('lists the closest sources when abstaining on an on-topic question', async () => {
    const answer = await ask('What is the population of Azerbaijan?');
    expect(answer.text).toBe("The articles don't say. The closest sources are listed below.");
    expect(answer.citations.length).toBeGreaterThan(0);
  });

  it('understands a follow-up from the previous turn ("When was that?")', async () => {
    const first = await ask('What did Aliyev and Trump sign?');
    expect(first.text).toMatch(/Memorandum of Understanding/);
    const followUp = await ask('When was that?', [{ question: 'What did Aliyev and Trump sign?', answer: first.text }]);
    expect(followUp.kind, followUp.text).toBe('answered');
    expect(followUp.text).toMatch(/^August 7-8, 2025 \[1\]/);
    expect(followUp.citations[0]?.source).toBe(A004);
    expectVerbatim(followUp);
  });

  it('dates an elliptical follow-up from the sentence that ties the date to the previous subject', async () => {
    const first = await ask('Who leads the working group?');
    expect(first.text).toMatch(/^Sonata Coulter \[1\]/);
    const followUp = await ask('When was that?', [{ question: 'Who leads the working group?', answer: first.text }]);
    expect(followUp.kind, followUp.text).toBe('answered');
    expect(followUp.text).toMatch(/^November 15 \[1\]\./);
    expect(followUp.citations.map((c) => c.quote)).toEqual([
      'The Deputy Secretary’s visit to the region began on November 15.',
      expect.stringMatching(/^During her visit to Armenia, it was announced that a joint working group/),
    ]);
    expectVerbatim(followUp);
  });

  it('prefers the sentence holding the question\'s rare term over generic ones', async () => {
    const answer = await ask('What did the Minister discuss with the State Department official about cybersecurity?');
    expect(answer.citations[0]?.quote).toMatch(/cybersecurity threats\.$/);
    expect(answer.citations[0]?.source).toBe(A003);
  });

  it('adds no unrelated sentences to a single-valued answer', async () => {
    const answer = await ask('When did the United States establish diplomatic relations with Azerbaijan?');
    expect(answer.text).toMatch(/^1992 \[1\]\./);
    expect(answer.text).not.toMatch(/John Bass|August 7-8/);
    expect(answer.citations).toHaveLength(1);
  });

  it('names only the person the question describes', async () => {
    const answer = await ask("Who is Armenia's foreign minister?");
    expect(answer.text).toMatch(/^Ararat Mirzoyan \[1\]\./);
    expect(answer.citations[0]?.source).toBe(A002);
  });

  it.each([
    ['Who is the president of Azerbaijan?', /^Aliyev \[1\]\. .*Azerbaijan's President Ilham Aliyev/],
    ["Who is Armenia's prime minister?", /^Nikol Pashinyan \[1\]\. /],
    ["Who is Azerbaijan's foreign minister?", /^Jeyhun Bayramov \[1\]\. /],
    // Capitalised titles: the one whose title holds most of the role's words, not everyone in the sentence.
    ['Who is the Principal Deputy Assistant Secretary for European and Eurasian Affairs?', /^Yuri Kim \[1\]\. /],
    ['Who was the Secretary of State for Political Affairs?', /^John Bass \[1\]\. /],
  ])('names the one holder of a role, titled by it right before the name: %s', async (question, expected) => {
    const answer = await ask(question);
    expect(answer.text).toMatch(expected);
    // One holder, not one person per cited article.
    expect(answer.text).not.toMatch(/^[^.]*\[1\];/);
  });

  it('cites only sentences about the role holder once it is named', async () => {
    const answer = await ask('Who is the president of Azerbaijan?');
    // Not the quote about "Assistant to the President of Azerbaijan Hikmat Hajiyev".
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.citations.every((c) => c.quote.includes('Aliyev'))).toBe(true);
  });

  it('abstains on a role no article names a holder for, rather than naming someone nearby', async () => {
    // Every article is about the US and Azerbaijan, and names people; none names an ambassador.
    expect((await ask('Who is the US ambassador to Azerbaijan?')).kind).toBe('no-answer');
  });

  it('takes no date from a sentence about another country than the one asked about', async () => {
    // The seeds date US relations with Azerbaijan (1992), never with Armenia.
    expect((await ask('When were diplomatic relations between the US and Armenia established?')).kind).toBe('no-answer');
    expect((await ask('When did the US establish diplomatic relations with Azerbaijan?')).text).toMatch(/^1992 \[1\]\./);
  });

  it.each(['What are the priority actions and expected outcomes?', 'What are the recommendations in the report?'])(
    'never answers with a table header row: %s',
    async (question) => {
      // Seed 003's tables start with "Focus Area | Priority Actions | Expected Outcomes |" and "Recommendation | Expected Impact | Timeline |".
      const answer = await ask(question);
      expect(answer.citations.map((c) => c.quote)).not.toContainEqual(expect.stringMatching(/^(?:Focus Area|Recommendation|Proposed Measure) \|/));
    },
  );

  it('answers a "which city" question with a city, never a country', async () => {
    expect((await ask('In which city was the strategic dialogue session held?')).text).toMatch(/^Yerevan \[1\]\./);
    // No retrieved sentence names a city Hooker visited: no short answer ("Azerbaijan" before).
    expect((await ask('Which cities did Allison Hooker visit?')).text).not.toMatch(/^Azerbaijan/);
  });

  it('treats a city and its country as no swap of names', async () => {
    // The sentence says "Azerbaijan", the question "Baku": still the answer.
    expect((await ask('Who did Allison Hooker meet in Baku?')).text).toMatch(/^Jeyhun Bayramov \[1\]\./);
  });

  it.each(['Who met Bayramov?', 'Who met Bayramof?'])('does not answer %s with the person it asks about', async (question) => {
    // The question gives only the surname (or a misspelling of it): "Jeyhun Bayramov" is its subject.
    const answer = await ask(question);
    expect(answer.text).toMatch(/^Allison Hooker \[1\]\./);
  });

  it.each(['When did Aliyev go to Washington?', 'when did aliyev go to washington'])(
    'counts a capital as mentioned by its country ("Washington" by "the United States"): %s',
    async (question) => {
      expect((await ask(question)).text).toMatch(/^August 7-8, 2025 \[1\]\./);
    },
  );

  it('does not count the year of a date as a quantity', async () => {
    // "August 7-8, 2025" holds the only number near the visit; "2025" is not how many days it lasted.
    const answer = await ask("How many days did Aliyev's visit last?");
    expect(answer.text).not.toMatch(/^2025/);
  });

  it('answers "who is <name>?" with what the person is, not with the other people in those sentences', async () => {
    const answer = await ask('Who is Sonata Coulter?');
    expect(answer.text).toMatch(/^The working group will be led by Sonata Coulter, Deputy Assistant to the U\.S\. Assistant Secretary of State\. \[1\]$/);
    const hajiyev = await ask('Who is Hikmet Hajiyev?');
    expect(hajiyev.kind).toBe('answered');
    // No short answer naming Hooker, Bass or Kim: the sentences that describe Hajiyev's post are the answer.
    expect(hajiyev.text).toMatch(/^U\.S\. Deputy Secretary of State for Political Affairs Allison Hooker also met with the President’s Assistant and Head of the Foreign Policy Department/);
    expect(hajiyev.text).not.toMatch(/^[^.]*\[1\];/);
  });

  it('answers nothing from nothing', async () => {
    const answer = await answerer.answer('Who leads the joint working group?', []);
    expect(answer).toMatchObject({ kind: 'no-answer', text: "The articles don't say.", citations: [] });
  });

  it('honours an explicit abstain threshold', async () => {
    const strict = new ExtractiveAnswerer({ abstainThreshold: 0.99 });
    const q = 'What does American aid to Baku try to achieve?';
    expect((await strict.answer(q, await seeds.retrieve(q))).kind).toBe('no-answer');
  });
});

interface FixtureArticle {
  source: string;
  title: string | null;
  date: string | null;
  sentences: string[];
}

/** A one-passage article whose raw text is its sentences joined by spaces. */
function passageOf(a: FixtureArticle): Passage {
  let at = 0;
  const sentences = a.sentences.map((text) => {
    const span = { start: at, end: at + text.length, text };
    at += text.length + 1;
    return span;
  });
  return {
    id: `${a.source}#0`,
    source: a.source,
    index: 0,
    start: 0,
    end: at - 1,
    text: a.sentences.join(' '),
    sentences,
    meta: { title: a.title, publisher: null, date: a.date, url: null, author: null },
  };
}

/** Real State of the Union passages that the large bench corpus retrieves for off-topic questions. */
const SOTU: FixtureArticle[] = JSON.parse(readFileSync(new URL('../fixtures/answer/sotu-distractors.json', import.meta.url), 'utf8')) as FixtureArticle[];

function sotu(year: string): FixtureArticle {
  const a = SOTU.find((x) => x.source.includes(year));
  if (!a) throw new Error(`no fixture for ${year}`);
  return a;
}

/** Retrieval over the seeds plus unrelated articles ranked as high as the best seed passage, as in a large corpus. */
async function withDistractors(question: string, extra: FixtureArticle[]): Promise<RetrievedPassage[]> {
  const retrieved = await seeds.retrieve(question);
  const top = retrieved[0]?.score ?? 1;
  return [...extra.map((a) => ({ passage: passageOf(a), score: top, lexical: 1, dense: 0.5 })), ...retrieved];
}

describe('ExtractiveAnswerer with unrelated articles retrieved (a large corpus)', () => {
  it('abstains when the question\'s name only appears in an article that does not answer', async () => {
    const q = "What did Iran's foreign ministry say about the Joint Declaration?";
    const retrieved = await withDistractors(q, [sotu('1981')]);
    const decision = answerer.decide(q, retrieved);
    expect(decision.missingNames).toEqual([]);
    expect(decision.unrelatedNames).toEqual(['Iran']);
    expect((await answerer.answer(q, retrieved)).kind).toBe('no-answer');
  });

  it('still answers when the question\'s names are spread over the articles that answer', async () => {
    const q = "Which aide to Azerbaijan's president met US officials both in Washington in 2024 and during the Deputy Secretary's later visit to Baku?";
    const answer = await answerer.answer(q, await withDistractors(q, [sotu('1981')]));
    expect(answer.kind, answer.text).toBe('answered');
    expect(answer.text).toMatch(/Hajiyev/);
  });

  it('abstains when a word as specific as a name is in no retrieved sentence', async () => {
    const q = 'What is the recipe for Armenian lavash bread?';
    const retrieved = await withDistractors(q, [sotu('1892')]);
    expect(answerer.decide(q, retrieved).missingNames).toEqual(['lavash']);
    expect((await answerer.answer(q, retrieved)).kind).toBe('no-answer');
  });

  it('answers the same question when an article does have the specific word', async () => {
    const q = 'What is the recipe for Armenian lavash bread?';
    const recipe = 'The recipe for Armenian lavash bread needs only flour, water and salt, baked against the wall of a tonir.';
    const answer = await answerer.answer(q, await withDistractors(q, [{ source: 'food/lavash.txt', title: null, date: null, sentences: [recipe] }]));
    expect(answer.kind, answer.text).toBe('answered');
    expect(answer.citations[0]?.quote).toBe(recipe);
  });

  it('does not take a number from a sentence that shares only the question\'s names', async () => {
    const q = 'How many people attended the signing ceremony at the White House?';
    const answer = await answerer.answer(q, await withDistractors(q, [sotu('1993')]));
    expect(answer.kind, answer.text).toBe('no-answer');
  });

  it('takes the number from a sentence about what is asked', async () => {
    const q = 'How many people attended the signing ceremony at the White House?';
    const fact = 'About 300 people attended the signing ceremony at the White House on August 8.';
    const answer = await answerer.answer(q, await withDistractors(q, [sotu('1993'), { source: 'news/ceremony.txt', title: null, date: null, sentences: [fact] }]));
    expect(answer.kind, answer.text).toBe('answered');
    expect(answer.text).toMatch(/^(?:About )?300 \[1\]\./);
    expect(answer.citations[0]?.quote).toBe(fact);
  });
});
