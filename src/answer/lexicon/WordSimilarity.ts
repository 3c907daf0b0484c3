import type { WordVectorTable } from '../../embeddings/WordVectorCache.js';

/** Cosine similarity of two words' vectors, in [-1, 1]; 0 when either word is unknown. */
export type WordSimilarity = (a: string, b: string) => number;

/**
 * Word similarity from the offline word vectors. Co-hyponyms score high ("killed" / "injured"
 * 0.74, "won" / "lost" 0.71), so this is evidence of topic, never of meaning the same: answers
 * use it as a weak feature next to exact and WordNet matches.
 */
export function wordSimilarity(table: WordVectorTable): WordSimilarity {
  const norms = new Map<number, number>();
  const norm = (row: number): number => {
    let n = norms.get(row);
    if (n === undefined) {
      n = 0;
      const base = row * table.dimension;
      for (let d = 0; d < table.dimension; d++) n += (table.matrix[base + d] ?? 0) ** 2;
      n = Math.sqrt(n);
      if (norms.size > 50_000) norms.clear();
      norms.set(row, n);
    }
    return n;
  };
  // Questions and articles reuse the same few thousand words: pairs are remembered (nested maps,
  // so a lookup builds no key string), up to a bound past which the memory starts over.
  const memo = new Map<string, Map<string, number>>();
  let remembered = 0;
  const compute = (a: string, b: string): number => {
    const ra = table.lookup(a.toLowerCase());
    const rb = table.lookup(b.toLowerCase());
    if (ra === undefined || rb === undefined) return 0;
    let dot = 0;
    const ba = ra * table.dimension;
    const bb = rb * table.dimension;
    for (let d = 0; d < table.dimension; d++) dot += (table.matrix[ba + d] ?? 0) * (table.matrix[bb + d] ?? 0);
    const n = norm(ra) * norm(rb);
    return n > 0 ? dot / n : 0;
  };
  return (a, b) => {
    if (a === b) return 1;
    let row = memo.get(a);
    if (!row) {
      if (remembered > 200_000) {
        memo.clear();
        remembered = 0;
      }
      row = new Map();
      memo.set(a, row);
    }
    let v = row.get(b);
    if (v === undefined) {
      v = compute(a, b);
      row.set(b, v);
      remembered++;
    }
    return v;
  };
}
