import path from 'node:path';
import type { ArticleMeta } from '../../src/ingest/Article.js';
import type { Passage } from '../../src/ingest/Passage.js';
import type { RetrievedPassage } from '../../src/retrieval/RetrievedPassage.js';
import type { AnswerParams } from '../../src/answer/AnswerParams.js';
import { createExtractiveAnswerer } from '../../src/answer/createExtractiveAnswerer.js';
import type { ExtractiveAnswerer } from '../../src/answer/ExtractiveAnswerer.js';
import { loadWordVectorTable, type WordVectorTable } from '../../src/embeddings/WordVectorCache.js';
import { splitSentences } from '../../src/ingest/splitSentences.js';

const CACHE = path.resolve(import.meta.dirname, '../../.cache');
let table: Promise<WordVectorTable> | undefined;

/** The real word-vector table (built into `.cache/` on first use), shared by a test file. */
export function wordVectors(): Promise<WordVectorTable> {
  table ??= loadWordVectorTable(CACHE).then((t) => t.table);
  return table;
}

/** The offline answerer exactly as the app builds it (word vectors, WordNet, fitted model). */
export async function offlineAnswerer(params?: Partial<AnswerParams>): Promise<ExtractiveAnswerer> {
  return createExtractiveAnswerer(await wordVectors(), { params });
}

/**
 * A short article written for a test, as one retrieved passage: sentences split by the real
 * splitter with exact offsets, metadata as given (dated by default).
 */
export function article(source: string, text: string, meta: Partial<ArticleMeta> = {}, score = 1): RetrievedPassage {
  const sentences = splitSentences(text, [{ start: 0, end: text.length }]);
  const passage: Passage = {
    id: `${source}#0`,
    source,
    index: 0,
    start: 0,
    end: text.length,
    text: sentences.map((s) => s.text).join(' '),
    sentences,
    meta: { title: null, publisher: null, date: '2031-03-12', url: null, author: null, ...meta },
  };
  return { passage, score, lexical: score, dense: 0 };
}
