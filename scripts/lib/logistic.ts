/** One training example: named feature values and a label in [0, 1] (a share of the facts stated). */
export interface Example {
  x: Record<string, number>;
  y: number;
}

/** Fitted logistic weights over named features. */
export interface Fitted {
  bias: number;
  weights: Record<string, number>;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * L2-regularised logistic regression by Newton's method (iteratively reweighted least squares):
 * a few dozen features and thousands of examples converge in a handful of steps, exactly and
 * deterministically. The bias is not penalised.
 * @param lambda - L2 penalty on the weights (scaled by the number of examples).
 */
export function fitLogistic(examples: readonly Example[], features: readonly string[], lambda = 1): Fitted {
  const d = features.length + 1;
  const X = examples.map((e) => [1, ...features.map((f) => e.x[f] ?? 0)]);
  const y = examples.map((e) => e.y);
  let w = new Array<number>(d).fill(0);
  for (let iter = 0; iter < 50; iter++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    X.forEach((row, n) => {
      const p = sigmoid(row.reduce((s, v, i) => s + v * (w[i] ?? 0), 0));
      const r = p - (y[n] ?? 0);
      const s = Math.max(p * (1 - p), 1e-6);
      for (let i = 0; i < d; i++) {
        grad[i] = (grad[i] ?? 0) + r * (row[i] ?? 0);
        const hi = hess[i] as number[];
        for (let j = 0; j < d; j++) hi[j] = (hi[j] ?? 0) + s * (row[i] ?? 0) * (row[j] ?? 0);
      }
    });
    for (let i = 1; i < d; i++) {
      grad[i] = (grad[i] ?? 0) + lambda * (w[i] ?? 0);
      (hess[i] as number[])[i] = ((hess[i] as number[])[i] ?? 0) + lambda;
    }
    const step = solve(hess, grad);
    w = w.map((v, i) => v - (step[i] ?? 0));
    if (Math.max(...step.map(Math.abs)) < 1e-6) break;
  }
  const weights: Record<string, number> = {};
  features.forEach((f, i) => (weights[f] = round(w[i + 1] ?? 0)));
  return { bias: round(w[0] ?? 0), weights };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Solves A x = b by Gaussian elimination with partial pivoting (A small and positive definite). */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i] ?? 0]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]?.[c] ?? 0) > Math.abs(M[pivot]?.[c] ?? 0)) pivot = r;
    [M[c], M[pivot]] = [M[pivot] as number[], M[c] as number[]];
    const pc = M[c] as number[];
    const div = pc[c] ?? 1;
    if (Math.abs(div) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const pr = M[r] as number[];
      const f = (pr[c] ?? 0) / div;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) pr[k] = (pr[k] ?? 0) - f * (pc[k] ?? 0);
    }
  }
  return M.map((row, i) => (row[n] ?? 0) / (row[i] || 1));
}

/** Mean log loss of a fitted model on examples (lower is better). */
export function logLoss(model: Fitted, examples: readonly Example[]): number {
  let sum = 0;
  for (const e of examples) {
    const z = Object.entries(e.x).reduce((s, [k, v]) => s + (model.weights[k] ?? 0) * v, model.bias);
    const p = Math.min(1 - 1e-9, Math.max(1e-9, sigmoid(z)));
    sum += -(e.y * Math.log(p) + (1 - e.y) * Math.log(1 - p));
  }
  return sum / Math.max(1, examples.length);
}
