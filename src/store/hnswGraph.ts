import hnswlib from 'hnswlib-node';

const { HierarchicalNSW } = hnswlib;
/** An hnswlib graph (cosine space). */
export type HnswGraph = InstanceType<typeof HierarchicalNSW>;

/**
 * Graph parameters. efConstruction 100 instead of 200 halves graph-building time; at 100 dimensions
 * top-10 recall against exact cosine stays above 99% (200 SOTU queries on the 15.6k-passage bench
 * corpus: 99.25% against 99.45% at 200; see also test/store/HnswVectorStore.test.ts). The fixed
 * seed keeps builds reproducible.
 */
export const GRAPH_PARAMS = { m: 16, efConstruction: 100, randomSeed: 100 } as const;
/** Search breadth; raised to k when k is larger. */
export const EF_SEARCH = 100;

/** An empty graph with room for `capacity` points. */
export function newGraph(dimension: number, capacity: number): HnswGraph {
  const graph = new HierarchicalNSW('cosine', dimension);
  graph.initIndex({ maxElements: Math.max(capacity, 16), ...GRAPH_PARAMS });
  return graph;
}

/** Points linked between two progress reports of `buildGraph`. */
export const GRAPH_PROGRESS_STEP = 500;

/**
 * A graph of `flat` (row-major, `dimension` per point), labels 0..n-1 in row order. `onProgress` is
 * told the points linked so far every `GRAPH_PROGRESS_STEP` points and at the end.
 */
export function buildGraph(flat: Float32Array, dimension: number, onProgress?: (done: number, total: number) => void): HnswGraph {
  const count = Math.floor(flat.length / dimension);
  const graph = newGraph(dimension, count);
  for (let i = 0; i < count; i++) {
    graph.addPoint(Array.from(flat.subarray(i * dimension, (i + 1) * dimension)), i);
    if ((i + 1) % GRAPH_PROGRESS_STEP === 0) onProgress?.(i + 1, count);
  }
  onProgress?.(count, count);
  return graph;
}

/** An empty graph object to `readIndex` into. */
export function emptyGraph(dimension: number): HnswGraph {
  return new HierarchicalNSW('cosine', dimension);
}
