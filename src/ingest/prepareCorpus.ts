import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { spawnWorker } from '../util/spawnWorker.js';
import type { Article, SkippedFile } from './Article.js';
import type { Passage } from './Passage.js';
import { corpusEntries, listCorpusFiles, orphanSidecarWarnings, readArticle } from './readCorpus.js';
import type { CorpusEntry, ReadCorpusOptions } from './readCorpus.js';
import { splitPassages } from './splitPassages.js';
import type { SplitPassagesOptions } from './splitPassages.js';

/** An article read, cleaned and cut into passages. */
export interface PreparedArticle {
  article: Article;
  passages: Passage[];
  /** The passages' vectors, when `onPrepared` returned them. */
  vectors?: Float32Array[];
}

/** Articles with their passages, in `source` order, and the files that were skipped. */
export interface PreparedCorpus {
  prepared: PreparedArticle[];
  skipped: SkippedFile[];
  /** How many of the files worker threads prepared (the rest were done on the calling thread). */
  byWorkers: number;
}

export interface PrepareCorpusOptions extends ReadCorpusOptions {
  chunking: SplitPassagesOptions;
  /**
   * Worker threads to share the files with (the calling thread works too). Default: one when the
   * machine has more than one core and there are enough files to be worth a thread's start-up.
   */
  workers?: number;
  /**
   * Called on this thread once for each article as soon as it is prepared, while the workers are
   * still reading (e.g. to embed it with the offline embedder or to index it), so that work shares
   * the cores with ingestion instead of following it. What it returns becomes `vectors`.
   */
  onPrepared?: (article: Article, passages: Passage[]) => Float32Array[] | undefined;
  /** Files prepared so far (by this thread and the workers) of all to prepare, reported as batches finish. */
  onProgress?: (done: number, total: number) => void;
}

/** The outcome for one file, with the warnings it caused (emitted in file order afterwards). */
export interface PreparedEntry {
  source: string;
  warnings: string[];
  result: { kind: 'article'; article: Article; passages: Passage[] } | { kind: 'skipped'; reason: string };
}

/** Below this many files a worker thread's start-up (0.1–0.3 s compiled, about a second under tsx) is not repaid. */
const MIN_FILES_FOR_WORKERS = 24;
/** Files handed out at a time: small, so both threads finish at about the same moment. */
const BATCH = 2;

/** Reads and splits one file. Used by both the calling thread and the workers. */
export async function prepareEntry(entry: CorpusEntry, maxFileBytes: number, chunking: SplitPassagesOptions): Promise<PreparedEntry> {
  const warnings: string[] = [];
  const read = await readArticle(entry.file, entry.source, maxFileBytes, (m) => warnings.push(m));
  if (read.kind === 'skipped') return { source: entry.source, warnings, result: read };
  return { source: entry.source, warnings, result: { kind: 'article', article: read.article, passages: splitPassages(read.article, chunking) } };
}

/**
 * {@link readCorpus} followed by {@link splitPassages} for each article, with the same results and
 * the same warnings in the same order, but with the files shared between this thread and worker
 * threads: reading, cleaning and sentence splitting are most of a cold build. If a worker cannot
 * start or fails, its files are done here instead.
 * @throws DossierError `SEEDS_MISSING` when `dir` does not exist or is not a directory.
 */
export async function prepareCorpus(dir: string, options: PrepareCorpusOptions): Promise<PreparedCorpus> {
  const { files, sidecars } = await listCorpusFiles(dir);
  const entries = corpusEntries(options.root, files).filter((e) => !options.only || options.only.has(e.source));
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const workers = Math.max(0, Math.floor(options.workers ?? (cores > 1 && entries.length >= MIN_FILES_FOR_WORKERS ? 1 : 0)));
  const done = new Map<string, PreparedEntry>();
  const queue = [...entries];
  const pool = Array.from({ length: workers }, () => startWorker(queue, done, options));
  const mine = new Set<string>();
  const handled = new Map<string, Float32Array[] | undefined>();
  const handle = (source: string, article: Article, passages: Passage[]): Float32Array[] | undefined => {
    if (!handled.has(source)) handled.set(source, options.onPrepared?.(article, passages));
    return handled.get(source);
  };
  const embedDone = () => {
    if (!options.onPrepared) return;
    for (const [source, r] of done) if (r.result.kind === 'article') handle(source, r.result.article, r.result.passages);
  };
  options.onProgress?.(0, entries.length);
  while (queue.length > 0) {
    for (const entry of queue.splice(0, BATCH)) {
      mine.add(entry.source);
      done.set(entry.source, await prepareEntry(entry, options.maxFileBytes, options.chunking));
    }
    embedDone();
    options.onProgress?.(done.size, entries.length);
  }
  // Files a failed worker had taken come back to the queue; finish them here.
  await Promise.all(pool.map((w) => w.finished));
  for (const entry of queue.splice(0)) {
    mine.add(entry.source);
    done.set(entry.source, await prepareEntry(entry, options.maxFileBytes, options.chunking));
  }
  options.onProgress?.(entries.length, entries.length);

  const prepared: PreparedArticle[] = [];
  const skipped: SkippedFile[] = [];
  const warn = (message: string) => options.onWarning?.(message);
  for (const entry of entries) {
    let outcome = done.get(entry.source);
    if (!outcome) {
      mine.add(entry.source);
      outcome = await prepareEntry(entry, options.maxFileBytes, options.chunking);
    }
    outcome.warnings.forEach(warn);
    if (outcome.result.kind === 'article') {
      const { article, passages } = outcome.result;
      const given = handle(entry.source, article, passages);
      prepared.push(given ? { article, passages, vectors: given } : { article, passages });
    }
    else {
      skipped.push({ source: entry.source, reason: outcome.result.reason });
      warn(`${entry.source}: skipped (${outcome.result.reason})`);
    }
  }
  for (const message of orphanSidecarWarnings(options.root, files, sidecars)) warn(message);
  return { prepared, skipped, byWorkers: entries.length - mine.size };
}

/** Message to a worker: files to prepare. */
export interface PrepareRequest {
  entries: CorpusEntry[];
  maxFileBytes: number;
  chunking: SplitPassagesOptions;
}

/** Message from a worker: the prepared files of one request. */
export interface PrepareResponse {
  results: PreparedEntry[];
}

function isPrepareResponse(v: unknown): v is PrepareResponse {
  return typeof v === 'object' && v !== null && Array.isArray((v as { results?: unknown }).results);
}

/**
 * Starts a worker that keeps taking batches from `queue` until it is empty. On any failure the
 * batch it held goes back to the queue; `finished` always resolves.
 */
function startWorker(queue: CorpusEntry[], done: Map<string, PreparedEntry>, options: PrepareCorpusOptions): { finished: Promise<void> } {
  let held: CorpusEntry[] = [];
  const finished = new Promise<void>((resolve) => {
    let worker: Worker;
    try {
      worker = spawnWorker('./prepareCorpusWorker', import.meta.url);
    } catch {
      resolve();
      return;
    }
    let settled = false;
    const stop = () => {
      if (settled) return;
      settled = true;
      queue.push(...held);
      held = [];
      void worker.terminate().catch(() => undefined);
      resolve();
    };
    const next = () => {
      held = queue.splice(0, BATCH);
      if (held.length === 0) return stop();
      worker.postMessage({ entries: held, maxFileBytes: options.maxFileBytes, chunking: options.chunking } satisfies PrepareRequest);
    };
    worker.on('message', (message: unknown) => {
      if (!isPrepareResponse(message)) return stop();
      for (const r of message.results) done.set(r.source, r);
      held = [];
      next();
    });
    worker.on('error', stop);
    worker.on('exit', stop);
    next();
  });
  return { finished };
}

