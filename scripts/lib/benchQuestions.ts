import type { EvalQuestion } from './eval/EvalQuestion.js';

/** Subjects State of the Union addresses keep returning to, so questions hit the large corpus, not only the seeds. */
const SOTU_TOPICS = [
  'the economy', 'taxes', 'the national debt', 'immigration', 'health care', 'public education', 'foreign trade',
  'the army and navy', 'slavery', 'the tariff', 'energy independence', 'terrorism', 'civil rights', 'agriculture and farmers',
  'the Panama Canal', 'veterans', 'inflation', 'the banking system', 'the war with Spain', 'Indian affairs', 'the railroads',
  'the postal service', 'public lands', 'Social Security', 'the Soviet Union', 'nuclear weapons', 'climate change',
  'roads and infrastructure', 'small businesses', 'the budget deficit', 'the gold standard', 'unemployment',
  'the Louisiana Purchase', 'Prohibition', 'space exploration', 'the Great Depression', 'the Marshall Plan', 'NATO',
];

const PRESIDENTS = [
  'George Washington', 'Thomas Jefferson', 'Abraham Lincoln', 'Theodore Roosevelt', 'Woodrow Wilson', 'Franklin D Roosevelt',
  'Harry S Truman', 'Dwight D Eisenhower', 'John F Kennedy', 'Lyndon B Johnson', 'Ronald Reagan', 'Barack Obama',
];

const TEMPLATES: Array<(topic: string, president: string) => string> = [
  (t, p) => `What did ${p} say about ${t}?`,
  (t) => `Which president talked about ${t} in a State of the Union address?`,
  (t) => `When was ${t} discussed before Congress?`,
  (t, p) => `How did ${p} propose to deal with ${t}?`,
];

/**
 * The query mix for latency runs: every eval question, two rewordings of each answerable one (lower
 * case; with a conversational prefix), and template questions about recurring SOTU topics.
 * Deterministic, so runs are comparable.
 */
export function benchQuestions(evalQuestions: readonly EvalQuestion[], minimum = 240): string[] {
  const out = new Set<string>();
  for (const q of evalQuestions) out.add(q.question);
  for (const q of evalQuestions.filter((e) => e.answerable)) {
    out.add(q.question.toLowerCase());
    out.add(`According to the articles, ${q.question.charAt(0).toLowerCase()}${q.question.slice(1)}`);
  }
  // Every (template, topic) pair once, in a fixed order, until there are enough questions.
  const combos = TEMPLATES.length * SOTU_TOPICS.length;
  for (let i = 0; i < combos && (out.size < minimum || i < SOTU_TOPICS.length * 2); i++) {
    const topic = SOTU_TOPICS[i % SOTU_TOPICS.length] ?? 'the economy';
    const template = TEMPLATES[Math.floor(i / SOTU_TOPICS.length)];
    const president = PRESIDENTS[(i * 7) % PRESIDENTS.length] ?? 'Abraham Lincoln';
    if (template) out.add(template(topic, president));
  }
  return [...out];
}
