import type { Turn } from './Answer.js';
import { questionTerms } from './questionTerms.js';
import { sentenceEntities } from './sentenceEntities.js';

const ANAPHORA = /\b(?:it|its|that|this|those|these|they|them|their|he|him|his|she|her|there|then|the same|the latter|the former)\b/i;

/** Whether a question leans on the previous turn: pronouns/demonstratives, or too few words of its own. */
export function isElliptical(question: string): boolean {
  const own = questionTerms(question);
  return ANAPHORA.test(question) || own.length <= 1;
}

/**
 * The retrieval query for a follow-up: the question itself, plus — when it is elliptical ("when was
 * that?", "who leads it?") — the key words of the previous turn's question and the names in its
 * answer, so retrieval and scoring find the same topic again.
 * @param history - earlier turns, oldest first.
 */
export function contextualizeQuery(question: string, history: Turn[]): string {
  const last = history.at(-1);
  if (!last || !isElliptical(question)) return question;
  const own = new Set(questionTerms(question).map((t) => t.stem));
  const carried: string[] = [];
  const push = (w: string) => {
    if (!carried.some((c) => c.toLowerCase() === w.toLowerCase())) carried.push(w);
  };
  for (const t of questionTerms(last.question)) if (!own.has(t.stem)) push(t.text);
  // Names from the answer ("Sonata Coulter") are what "she"/"they" most often point to.
  const answerLead = last.answer.replace(/\[\d+\]/g, ' ').slice(0, 400);
  for (const p of sentenceEntities(answerLead).people.slice(0, 3)) push(p);
  return carried.length > 0 ? `${question} ${carried.slice(0, 12).join(' ')}` : question;
}
