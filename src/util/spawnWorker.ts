import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread running the module `relative` to `base` (an `import.meta.url`), named
 * without extension (`./prepareCorpusWorker`). Compiled (`npm start` and the other npm scripts run
 * `.build/` through scripts/run.mjs), the module is plain JavaScript. Under tsx (tests, `npx tsx`)
 * it is TypeScript, and Node 20 does not hand tsx's loader on to worker threads, so a two-line
 * bootstrap registers tsx in the worker first.
 * @throws when the worker cannot be created; the caller then does the work itself.
 */
export function spawnWorker(relative: string, base: string): Worker {
  if (!base.endsWith('.ts')) return new Worker(new URL(`${relative}.js`, base));
  const tsx = import.meta.resolve('tsx/esm/api');
  const target = new URL(`${relative}.ts`, base).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(target)}); });`, { eval: true });
}
