import path from 'node:path';
import { readFile } from 'node:fs/promises';
import type { Passage } from '../../src/ingest/Passage.js';
import type { RetrievedPassage } from '../../src/retrieval/RetrievedPassage.js';
import { readCorpus } from '../../src/ingest/readCorpus.js';
import { splitPassages } from '../../src/ingest/splitPassages.js';
import { LexicalIndex } from '../../src/retrieval/LexicalIndex.js';

/** The real seeds, passaged with the default settings, and a BM25 retriever over them. */
export interface SeedRetrieval {
  passages: Passage[];
  raw: Map<string, string>;
  retrieve(query: string, k?: number): RetrievedPassage[];
}

/** Loads `seeds/` exactly as the engine does (readCorpus + splitPassages) and indexes it lexically. */
export async function loadSeedRetrieval(root = path.resolve(import.meta.dirname, '../..')): Promise<SeedRetrieval> {
  const corpus = await readCorpus(path.join(root, 'seeds'), { root, maxFileBytes: 2 * 1024 * 1024 });
  const passages = corpus.articles.flatMap((a) => splitPassages(a, { maxChars: 1000, overlapSentences: 1 }));
  const raw = new Map<string, string>();
  for (const a of corpus.articles) raw.set(a.source, await readFile(path.join(root, a.source), 'utf8'));
  const index = LexicalIndex.build(passages);
  return {
    passages,
    raw,
    retrieve(query, k = 4) {
      return index.search(query, { limit: k }).map((h) => ({ passage: h.passage, score: h.normalized, lexical: h.normalized, dense: 0 }));
    },
  };
}
