import type { Answer, Turn } from './Answer.js';
import type { ArticleContext } from './evidence/EvidenceSentence.js';
import type { QuestionAnalysis } from './question/QuestionAnalysis.js';
import type { RetrievedPassage } from '../retrieval/RetrievedPassage.js';

/** Options for one answer. */
export interface AnswerOptions {
  /** Earlier turns of the conversation, oldest first, so follow-ups ("when was that?") resolve. */
  history?: Turn[];
  /** The question's analysis, when the caller already made it (the engine retrieves with it). */
  analysis?: QuestionAnalysis;
  /** The whole article a retrieved passage belongs to (names and dates beyond the passage). */
  article?: (source: string) => ArticleContext | undefined;
}

/**
 * Turns a question and the passages retrieved for it into a cited answer, or an abstention.
 * Implementations never throw for "the articles don't say"; that is `kind: 'no-answer'`.
 */
export interface Answerer {
  answer(question: string, retrieved: RetrievedPassage[], options?: AnswerOptions): Promise<Answer>;
  /** Analyses a question the way this answerer reads it, so the engine can retrieve with the analysis (optional). */
  analyze?(question: string): Promise<QuestionAnalysis | undefined>;
  /**
   * More to retrieve before answering, found by a first reading of what was retrieved (optional):
   * "Who chaired the session, and how many votes had she received?" needs a search for the votes
   * of whoever the first part names. Empty when the question needs nothing more.
   */
  followUpQueries?(question: string, retrieved: RetrievedPassage[], options?: AnswerOptions): Promise<string[]>;
}
