import { createHash } from 'node:crypto';
import type { Passage } from '../../src/ingest/Passage.js';

/** A Passage with plausible fields for store tests; offsets index into the joined text. */
export function syntheticPassage(source: string, index: number, text: string): Passage {
  return {
    id: `${source}#${index}`,
    source,
    index,
    start: 0,
    end: text.length,
    text,
    sentences: [{ start: 0, end: text.length, text }],
    meta: { title: `Title of ${source}`, publisher: null, date: '2025-08-08', url: null, author: null },
  };
}

/** One corpus file whose sha256 is derived from its texts, as a real file's would be. */
export function syntheticFile(source: string, texts: string[]): { source: string; sha256: string; passages: Passage[] } {
  return {
    source,
    sha256: createHash('sha256').update(texts.join('\u0000')).digest('hex'),
    passages: texts.map((t, i) => syntheticPassage(source, i, t)),
  };
}
