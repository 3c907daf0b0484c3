import type { RetrievedPassage } from './RetrievedPassage.js';

/**
 * Retrieval for a question that asks several things ("Who wrote the letter, and how many did the
 * attack kill?"): the whole question, then each part on its own, so the article that answers only
 * the second part is not crowded out by the first. Scores are relative to each query's best
 * passage (one query's BM25 scale is not another's); a passage found twice keeps its best.
 * @param parts - the parts' own words; with fewer than two, this is a single retrieval.
 */
export async function retrieveParts(
  retrieve: (query: string, k: number) => Promise<RetrievedPassage[]>,
  query: string,
  parts: readonly string[],
  k: number,
): Promise<RetrievedPassage[]> {
  const queries = parts.length > 1 ? [query, ...parts] : [query];
  const results = await Promise.all(queries.map((q, i) => retrieve(q, i === 0 ? k : Math.max(2, Math.ceil(k / 2)))));
  const best = new Map<string, RetrievedPassage>();
  for (const list of results) {
    const top = Math.max(...list.map((r) => r.score), 1e-9);
    for (const r of list) {
      const relative = { ...r, score: r.score / top };
      const prev = best.get(r.passage.id);
      if (!prev || prev.score < relative.score) best.set(r.passage.id, relative);
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.passage.id.localeCompare(b.passage.id));
}
