import type { Answer, Turn } from './Answer.js';
import type { RetrievedPassage } from '../retrieval/RetrievedPassage.js';

/** Options for one answer. */
export interface AnswerOptions {
  /** Earlier turns of the conversation, oldest first, so follow-ups ("when was that?") resolve. */
  history?: Turn[];
}

/**
 * Turns a question and the passages retrieved for it into a cited answer, or an abstention.
 * Implementations never throw for "the articles don't say"; that is `kind: 'no-answer'`.
 */
export interface Answerer {
  answer(question: string, retrieved: RetrievedPassage[], options?: AnswerOptions): Promise<Answer>;
}
