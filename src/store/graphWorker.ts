import { parentPort } from 'node:worker_threads';
import { buildGraph } from './hnswGraph.js';
import type { GraphRequest, GraphResponse } from './GraphBuilder.js';

/** Worker side of {@link GraphBuilder}: builds the graph of the vectors it is sent and writes it to a file. */
function isGraphRequest(v: unknown): v is GraphRequest {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return o['flat'] instanceof Float32Array && typeof o['dimension'] === 'number' && typeof o['file'] === 'string';
}

parentPort?.on('message', (message: unknown) => {
  void (async () => {
    let response: GraphResponse;
    try {
      if (!isGraphRequest(message)) throw new Error('unexpected message');
      const progress = (done: number) => parentPort?.postMessage({ progress: done } satisfies GraphResponse);
      await buildGraph(message.flat, message.dimension, progress).writeIndex(message.file);
      response = { ok: true };
    } catch (error) {
      response = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    parentPort?.postMessage(response);
  })();
});
