/** A candidate for diversification: its fused score and its index terms (their `TermIds`, sorted ascending, distinct). */
export interface DiverseCandidate {
  score: number;
  terms: Int32Array;
}

/** Jaccard similarity of two term sets (0 when both are empty). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const t of small) if (large.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/** {@link jaccard} of two term sets given as sorted arrays of distinct numbers: the same value, by merging. */
export function sortedJaccard(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 && b.length === 0) return 0;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

/**
 * Picks `k` candidates by Maximal Marginal Relevance: each step takes the candidate maximising
 * `λ·relevance − (1−λ)·(highest overlap with an already picked one)`, where relevance is the score
 * relative to the best. A candidate overlapping a picked one by more than `maxOverlap` is never
 * taken (fewer than `k` come back instead), so consecutive passages of one article (which share a
 * sentence) or copies of a syndicated story cannot crowd out other evidence.
 * @returns indices into `candidates`, in pick order.
 */
export function selectDiverse(candidates: readonly DiverseCandidate[], k: number, options: { lambda: number; maxOverlap: number }): number[] {
  const best = candidates.reduce((m, c) => Math.max(m, c.score), 0);
  const relevance = candidates.map((c) => (best > 0 ? c.score / best : 0));
  const overlap = candidates.map(() => 0);
  const picked: number[] = [];
  const left = new Set(candidates.keys());
  while (picked.length < k && left.size > 0) {
    let choice = -1;
    let choiceValue = -Infinity;
    let choiceTooClose = true;
    for (const i of left) {
      const tooClose = (overlap[i] ?? 0) > options.maxOverlap;
      const value = options.lambda * (relevance[i] ?? 0) - (1 - options.lambda) * (overlap[i] ?? 0);
      // Any acceptable candidate beats every near-duplicate; ties keep the earlier (better) one.
      if ((choiceTooClose && !tooClose) || (tooClose === choiceTooClose && value > choiceValue)) {
        choice = i;
        choiceValue = value;
        choiceTooClose = tooClose;
      }
    }
    if (choiceTooClose && picked.length > 0) break;
    picked.push(choice);
    left.delete(choice);
    const chosen = candidates[choice];
    if (!chosen) break;
    for (const i of left) {
      const c = candidates[i];
      if (c) overlap[i] = Math.max(overlap[i] ?? 0, sortedJaccard(chosen.terms, c.terms));
    }
  }
  return picked;
}
