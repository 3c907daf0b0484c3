import type { Answer } from '../../../src/answer/Answer.js';
import type { AskOptions, Engine, IndexProgress, ReindexOutcome, SourceInfo } from '../../../src/engine/Engine.js';
import type { Timeline } from '../../../src/timeline/TimelineEvent.js';

/**
 * A scripted implementation of our own `Engine` interface, for Discord tests about the surface's
 * behaviour (failures, limits, escaping) where what the answer says does not matter.
 */
export class StubEngine implements Engine {
  reindexing = false;
  readonly asked: Array<{ question: string; options: AskOptions | undefined }> = [];
  answerFor: (question: string, options?: AskOptions) => Answer | Promise<Answer> = (question) => ({
    kind: 'answered',
    question,
    text: `Stub answer to: ${question} [1]`,
    citations: [{ n: 1, source: 'seeds/000_a.txt', title: 'A title', publisher: 'Reuters', date: '2025-08-08', quote: 'A quoted sentence.', start: 0, end: 18, passageId: 'seeds/000_a.txt#0' }],
    mode: 'extractive',
  });

  async ask(question: string, options?: AskOptions): Promise<Answer> {
    this.asked.push({ question, options });
    return this.answerFor(question, options);
  }
  async retrieve() {
    return [];
  }
  async timeline(): Promise<Timeline> {
    return { events: [] };
  }
  articleContext(): undefined {
    return undefined;
  }

  sources(): SourceInfo[] {
    return [];
  }
  async reindex(_onProgress?: (p: IndexProgress) => void): Promise<ReindexOutcome> {
    return { kind: 'busy' };
  }
  async close(): Promise<void> {}
}
