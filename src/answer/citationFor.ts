import type { Citation } from './Answer.js';
import type { Passage } from '../ingest/Passage.js';

/** A citation quoting one sentence of a passage verbatim (its exact span in the source file). */
export function citationFor(n: number, passage: Passage, sentence: { text: string; start: number; end: number }): Citation {
  return {
    n,
    source: passage.source,
    title: passage.meta.title,
    publisher: passage.meta.publisher,
    date: passage.meta.date,
    quote: sentence.text,
    start: sentence.start,
    end: sentence.end,
    passageId: passage.id,
  };
}
