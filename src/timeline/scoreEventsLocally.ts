import MiniSearch from 'minisearch';
import type { WordVectorEmbeddings } from '../embeddings/WordVectorEmbeddings.js';

/** Scores each text against a topic; higher is more relevant. What the engine's retriever provides. */
export type ScoreEvents = (topic: string, texts: string[]) => Promise<number[]> | number[];

/** Weight of the word-vector cosine added to normalised BM25, as the engine's fusion does. */
const DENSE_WEIGHT = 0.3;

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += (a[i] ?? 0) * (b[i] ?? 0);
  return dot; // both unit length
}

/**
 * A stand-alone topic scorer with the engine's recipe: BM25 (MiniSearch, prefix and fuzzy matching)
 * over the event texts, normalised by the best hit, plus `0.3 ×` the cosine of SIF word vectors when
 * `embeddings` are given. Used when `buildTimeline` runs without an engine (tests, scripts).
 */
export function scoreEventsLocally(embeddings?: WordVectorEmbeddings): ScoreEvents {
  return (topic: string, texts: string[]): number[] => {
    const search = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], storeFields: [] });
    search.addAll(texts.map((text, id) => ({ id, text })));
    const lexical = new Array<number>(texts.length).fill(0);
    const hits = search.search(topic, { prefix: (term) => term.length >= 4, fuzzy: (term) => (term.length >= 6 ? 0.2 : false) });
    const best = hits[0]?.score ?? 0;
    if (best > 0) for (const hit of hits) lexical[hit.id as number] = hit.score / best;
    if (!embeddings) return lexical;
    const query = embeddings.embedSync(topic);
    const known = embeddings.knownWords(topic) > 0;
    return texts.map((text, i) => (lexical[i] ?? 0) + (known ? DENSE_WEIGHT * Math.max(0, cosine(query, embeddings.embedSync(text))) : 0));
  };
}
