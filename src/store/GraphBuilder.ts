import type { Worker } from 'node:worker_threads';
import { spawnWorker } from '../util/spawnWorker.js';
import { emptyGraph } from './hnswGraph.js';
import type { HnswGraph } from './hnswGraph.js';

/** Message to the graph worker: row-major vectors and where to write the graph. */
export interface GraphRequest {
  flat: Float32Array;
  dimension: number;
  file: string;
}

/** Message from the graph worker: points linked so far, then the outcome. */
export type GraphResponse = { progress: number } | { ok: true } | { ok: false; error: string };

/**
 * Builds a fresh HNSW graph on a worker thread, so a cold build can index the lexical side on the
 * main thread meanwhile (together they are most of a cold build's index time). Start it early: the
 * thread takes a moment to load (about a second under tsx), which overlaps embedding. Every failure (no thread,
 * a crash, a bad file) resolves to null and the caller builds the graph itself.
 */
export class GraphBuilder {
  readonly #worker: Worker | null;
  #failed = false;

  private constructor(worker: Worker | null) {
    this.#worker = worker;
    worker?.on('error', () => {
      this.#failed = true;
    });
    worker?.unref();
  }

  /** Starts the worker thread (or nothing, if threads are unavailable). */
  static start(): GraphBuilder {
    try {
      return new GraphBuilder(spawnWorker('./graphWorker', import.meta.url));
    } catch {
      return new GraphBuilder(null);
    }
  }

  /**
   * The graph of `flat` (labels 0..n-1 in row order), built on the worker and read back from
   * `file`, or null when the worker is unavailable or failed. `flat` is transferred (emptied here).
   */
  async build(flat: Float32Array, dimension: number, file: string, onProgress?: (done: number, total: number) => void): Promise<HnswGraph | null> {
    const worker = this.#worker;
    if (!worker || this.#failed) return null;
    const count = Math.floor(flat.length / dimension);
    const ok = await new Promise<boolean>((resolve) => {
      const done = (value: boolean) => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onError);
        resolve(value);
      };
      const onMessage = (m: unknown) => {
        if (typeof m !== 'object' || m === null) return done(false);
        const response = m as GraphResponse;
        if ('progress' in response) onProgress?.(response.progress, count);
        else done(response.ok);
      };
      const onError = () => done(false);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onError);
      worker.postMessage({ flat, dimension, file } satisfies GraphRequest, [flat.buffer as ArrayBuffer]);
    });
    if (!ok) return null;
    const graph = emptyGraph(dimension);
    try {
      await graph.readIndex(file);
    } catch {
      return null;
    }
    return graph.getCurrentCount() === count ? graph : null;
  }

  /** Ends the worker thread. */
  async close(): Promise<void> {
    await this.#worker?.terminate().catch(() => undefined);
  }
}
