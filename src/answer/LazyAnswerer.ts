import type { Answer } from './Answer.js';
import type { Answerer, AnswerOptions } from './Answerer.js';
import type { QuestionAnalysis } from './question/QuestionAnalysis.js';
import type { RetrievedPassage } from '../retrieval/RetrievedPassage.js';

/**
 * An {@link Answerer} created on first use. The answerers' modules (compromise, chrono-node,
 * wink-nlp's model, the OpenAI client) take about a second to import, which start-up does not need
 * to pay: they load when the first question arrives, or earlier through {@link LazyAnswerer.warm}.
 */
export class LazyAnswerer implements Answerer {
  readonly #create: () => Promise<Answerer>;
  #answerer: Promise<Answerer> | undefined;

  /** @param create - imports and builds the real answerer; called once (again only after it failed). */
  constructor(create: () => Promise<Answerer>) {
    this.#create = create;
  }

  async answer(question: string, retrieved: RetrievedPassage[], options?: AnswerOptions): Promise<Answer> {
    return (await this.#get()).answer(question, retrieved, options);
  }

  async analyze(question: string): Promise<QuestionAnalysis | undefined> {
    return (await this.#get()).analyze?.(question);
  }

  async followUpQueries(question: string, retrieved: RetrievedPassage[], options?: AnswerOptions): Promise<string[]> {
    return (await (await this.#get()).followUpQueries?.(question, retrieved, options)) ?? [];
  }

  /** Loads the answerer now (e.g. while a bot connects), so the first question does not wait for it. */
  async warm(): Promise<void> {
    await this.#get();
  }

  #get(): Promise<Answerer> {
    this.#answerer ??= this.#create().catch((error: unknown) => {
      // A failed import or construction is not remembered: the next question tries again.
      this.#answerer = undefined;
      throw error;
    });
    return this.#answerer;
  }
}
