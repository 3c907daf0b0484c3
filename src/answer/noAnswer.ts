import type { Answer, Citation } from './Answer.js';

/** The fixed sentence for "the articles do not hold the answer"; the LLM is told to say exactly this. */
export const NO_ANSWER_SENTENCE = "The articles don't say.";

/** Builds an abstention, listing the closest sources when there are any. */
export function noAnswer(question: string, closest: Citation[], mode: 'extractive' | 'llm', notice?: string): Answer {
  const text = closest.length > 0 ? `${NO_ANSWER_SENTENCE} The closest sources are listed below.` : NO_ANSWER_SENTENCE;
  return { kind: 'no-answer', question, text, citations: closest, mode, ...(notice ? { notice } : {}) };
}
