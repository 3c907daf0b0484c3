import { parentPort } from 'node:worker_threads';
import { prepareEntry } from './prepareCorpus.js';
import type { PrepareRequest, PrepareResponse, PreparedEntry } from './prepareCorpus.js';

/** Worker side of {@link prepareCorpus}: prepares each batch of files it is sent, in order. */
function isPrepareRequest(v: unknown): v is PrepareRequest {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return Array.isArray(o['entries']) && typeof o['maxFileBytes'] === 'number' && typeof o['chunking'] === 'object' && o['chunking'] !== null;
}

parentPort?.on('message', (message: unknown) => {
  if (!isPrepareRequest(message)) throw new Error('prepareCorpusWorker: unexpected message');
  void (async () => {
    const results: PreparedEntry[] = [];
    for (const entry of message.entries) results.push(await prepareEntry(entry, message.maxFileBytes, message.chunking));
    parentPort?.postMessage({ results } satisfies PrepareResponse);
  })();
});
