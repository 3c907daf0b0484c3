import { FITTED_MODEL } from './scoring/fittedModel.js';
import { AnswerModelSchema, type AnswerModel } from './scoring/AnswerModel.js';

/**
 * Every threshold of the offline answerer, in one place. The two decision thresholds come with the
 * fitted model (`scoring/fittedModel.ts`): `scripts/fitAnswerModel.ts` chooses them on corpora
 * held out of each fit (leave one corpus out), for few wrong short answers and honest abstention.
 * The rest are shape settings, documented with why they are what they are.
 */
export interface AnswerParams {
  /**
   * A part is answered when its best sentence's probability reaches this; below it, the articles
   * are taken not to state the answer ("not in the articles", with the closest sources).
   */
  answerThreshold: number;
  /**
   * A short answer ("Sonata Coulter [1].") leads only when the candidate's probability reaches
   * this; otherwise the best sentence leads. A wrong short answer is worse than none, so this is
   * set high, for at most ~5% wrong short answers on held-out corpora.
   */
  shortThreshold: number;
  /**
   * "How much time passed between A and B?" leads with the days between the two dates only when
   * each date's candidate probability reaches this. The interval is a short answer built from two,
   * so each end must be more likely right than wrong, with a margin: on the development sets, 0.6
   * kept every interval given right (two questions) and dropped the one whose first date belonged
   * to another event (its candidate was at 0.43). Few examples: revisit as the sets grow.
   */
  intervalThreshold: number;
  /** Most sentences quoted in one answer: enough for a multi-part answer, short enough to read. */
  maxSentences: number;
  /**
   * Another sentence joins the answer when its probability is at least this share of the best
   * one's (and above `answerThreshold`): a second article telling the same fact helps a reader
   * check it, loosely related sentences do not.
   */
  joinShare: number;
  /**
   * The same share for a question that asks for several things ("Which officials…", "Who were the
   * victims…", a plural head noun): each sentence naming another one belongs in the answer.
   */
  listShare: number;
  /**
   * When a name, date or figure is asked and the best sentence holds none bound to the asked
   * category, a sentence within `joinShare` of it leads instead if its best candidate is bound at
   * least this well (`candidateFit`; 1 is a name in apposition to the asked noun). At 0.75, on
   * seventeen development sets: six leads gained, one lost; places were left out (three lost).
   */
  fittingLeadMin: number;
  /** Closest sources listed under "not in the articles". */
  closest: number;
  /** Retrieved passages the answerer reads: 8 covered 98% of gold articles on the development corpora (4 covered 95%). */
  passages: number;
}

/** The fitted model, validated once at load (a corrupt file is a programming error, caught by tests). */
export const ANSWER_MODEL: AnswerModel = AnswerModelSchema.parse(FITTED_MODEL);

export const ANSWER_PARAMS: Readonly<AnswerParams> = Object.freeze({
  answerThreshold: ANSWER_MODEL.thresholds.answer,
  shortThreshold: ANSWER_MODEL.thresholds.short,
  intervalThreshold: 0.6,
  maxSentences: 4,
  joinShare: 0.6,
  listShare: 0.4,
  fittingLeadMin: 0.75,
  closest: 3,
  passages: 8,
});
