import path from 'node:path';
import { readFile } from 'node:fs/promises';
import type { Passage } from '../../src/ingest/Passage.js';
import type { RetrievedPassage } from '../../src/retrieval/RetrievedPassage.js';
import { loadConfig } from '../../src/config.js';
import { readCorpus } from '../../src/ingest/readCorpus.js';
import { splitPassages } from '../../src/ingest/splitPassages.js';
import { LexicalIndex } from '../../src/retrieval/LexicalIndex.js';
import { HybridRetriever } from '../../src/retrieval/HybridRetriever.js';
import { WordVectorEmbeddings } from '../../src/embeddings/WordVectorEmbeddings.js';
import { HnswVectorStore } from '../../src/store/HnswVectorStore.js';
import { loadWordVectorTable } from '../../src/embeddings/WordVectorCache.js';
import { rarityFromVocabulary, type TermRarity } from '../../src/answer/termRarity.js';

/** The real seeds, passaged and indexed as the engine does, with the real hybrid retriever. */
export interface SeedRetrieval {
  passages: Passage[];
  /** Raw file text by source, to check that quotes are verbatim. */
  raw: Map<string, string>;
  retrieve(query: string, k?: number): Promise<RetrievedPassage[]>;
  /** Word rarity from the offline word-vector vocabulary, as the app gives the answerer. */
  rarity: TermRarity;
}

/**
 * Loads `seeds/` exactly as the engine does (readCorpus + splitPassages with the default settings),
 * embeds the passages with the offline word-vector model into an in-memory HNSW store, and retrieves
 * with `HybridRetriever` (BM25 reranked by cosine). Deterministic; no network.
 */
export async function loadSeedRetrieval(root = path.resolve(import.meta.dirname, '../..')): Promise<SeedRetrieval> {
  const config = loadConfig({}, root);
  const corpus = await readCorpus(config.paths.seeds, { root, maxFileBytes: config.ingest.maxFileBytes });
  const passages = corpus.articles.flatMap((a) =>
    splitPassages(a, { maxChars: config.ingest.passageMaxChars, overlapSentences: config.ingest.passageOverlapSentences }),
  );
  const raw = new Map<string, string>();
  for (const a of corpus.articles) raw.set(a.source, await readFile(path.join(root, a.source), 'utf8'));
  const embeddings = await WordVectorEmbeddings.load({ cacheDir: config.paths.cache });
  const store = new HnswVectorStore(embeddings, { dimension: embeddings.dimension });
  await store.addPassages(passages, await embeddings.embedDocuments(passages.map((p) => p.text)));
  const retriever = new HybridRetriever({ passages, lexical: LexicalIndex.build(passages), store, embeddings });
  const { table } = await loadWordVectorTable(config.paths.cache);
  return {
    passages,
    rarity: rarityFromVocabulary(table.lookup, table.size),
    raw,
    retrieve: (query, k = config.retrieval.topK) => retriever.retrieve(query, { k }),
  };
}
