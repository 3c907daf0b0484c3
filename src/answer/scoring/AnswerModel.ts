import { z } from 'zod';

/** A logistic model over named features: p = σ(bias + Σ weight·value). */
export interface LogisticWeights {
  bias: number;
  weights: Record<string, number>;
}

const Weights = z.object({ bias: z.number(), weights: z.record(z.string(), z.number()) });

/** The fitted answer model (`fittedModel.ts`, written by `scripts/fitAnswerModel.ts`). */
export const AnswerModelSchema = z.object({
  version: z.literal(1),
  /** How it was fitted: the corpora, the date, and the leave-one-corpus-out figures. */
  fitted: z.object({ corpora: z.array(z.string()), date: z.string(), note: z.string() }),
  /** P(the sentence states the answer to the part). */
  sentence: Weights,
  /** P(the candidate is the answer), given its sentence. */
  candidate: Weights,
  /** Decision thresholds chosen on held-out corpora (see `AnswerParams.ts`). */
  thresholds: z.object({ answer: z.number(), short: z.number() }),
});

export type AnswerModel = z.infer<typeof AnswerModelSchema>;

/** The model's log-odds for a feature vector; features the model has no weight for count 0. */
export function logit(model: LogisticWeights, features: Record<string, number>): number {
  let z = model.bias;
  // for…in visits the keys in the order Object.entries would, without an array per feature
  // (this runs for every sentence and candidate); feature records are plain objects.
  for (const name in features) z += (model.weights[name] ?? 0) * (features[name] as number);
  return z;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
