import type { ArticleContext, EvidenceSentence } from '../evidence/EvidenceSentence.js';
import type { AnswerCandidate } from '../evidence/extractCandidates.js';
import type { TermMatch } from '../evidence/matchTerms.js';
import type { AskedPart } from '../question/QuestionAnalysis.js';
import type { ArticleCoverage } from './assessEvidence.js';
import type { ConstraintCheck } from './checkConstraints.js';

/** A candidate short answer with its evidence. */
export interface CandidateAssessment {
  candidate: AnswerCandidate;
  /** Named feature values (see `candidateFeatures.ts`). */
  features: Record<string, number>;
  /** Probability that this is the answer, from the fitted model. */
  p: number;
}

/** How well one sentence answers one part of a question: what was matched, and the verdict. */
export interface SentenceAssessment {
  sentence: EvidenceSentence;
  part: AskedPart;
  article: ArticleContext;
  /** One per `part.relation` term. */
  relation: TermMatch[];
  /** Weight of each relation term (how specific the word is; carried-over words weigh less). */
  relationWeights: number[];
  /** The same, times how few of the retrieved sentences contain the word (inverse sentence frequency). */
  localWeights: number[];
  /** One per `part.subject` term: in the sentence itself. */
  subject: TermMatch[];
  /** One per `part.subject` term: anywhere in the article (or its title). */
  subjectInArticle: boolean[];
  /** One per `part.head` term. */
  head: TermMatch[];
  predicate: TermMatch | undefined;
  /** Relation coverage of the sentences around it (an event told over two sentences). */
  neighbourCoverage: number;
  /** How the sentence (or its neighbours, or its article) fares on the question's year, day, round and figures. */
  constraints: ConstraintCheck;
  /** Similarity of the whole sentence to the part (word vectors), rescaled over the retrieved sentences to [0, 1]. */
  similarity: number;
  /** How much of what is asked the sentence's whole article mentions. */
  inArticle: ArticleCoverage;
  /** Share of the part's names near the sentence (two sentences either side, the title) or that are its article's main subject. */
  namesNearby: number;
  /** The part's names (see `AskedPart.names`) that the sentence's article never mentions. */
  namesMissing: string[];
  /** The sentence rule that rules the sentence out (see `sentenceRules.ts`); its probability is then 0. */
  rejectedBy: string | undefined;
  /** Candidates of the asked type that no rule rejects, best first once scored. */
  candidates: CandidateAssessment[];
  /** Named feature values (see `sentenceFeatures.ts`). */
  features: Record<string, number>;
  /** Probability that the sentence states the answer to the part, from the fitted model. */
  p: number;
}
