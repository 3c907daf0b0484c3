import { mkdir, open, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { EmbeddingModel } from '../embeddings/EmbeddingModel.js';
import type { IndexProgress, IndexReport } from '../engine/Engine.js';
import { DossierError, isDossierError } from '../errors.js';
import type { SkippedFile } from '../ingest/Article.js';
import type { Passage } from '../ingest/Passage.js';
import { HnswVectorStore } from './HnswVectorStore.js';
import { GraphBuilder } from './GraphBuilder.js';
import { acquireIndexLock } from './IndexLock.js';
import { INDEX_FORMAT_VERSION, sameChunking } from './IndexManifest.js';
import type { Chunking, IndexManifest } from './IndexManifest.js';
import { ATTACHMENTS_DIR, ATTACHMENT_NAME, CURRENT_FILE, GENERATION_NAME, MANIFEST_FILE, openIndex, orderPassages } from './openIndex.js';
import type { LoadedIndex, OpenIndexResult } from './openIndex.js';

/** One article's passages, ready to index. */
export interface CorpusFile {
  source: string;
  sha256: string;
  /** sha256 of the file's `.meta.json` sidecar (null or absent: none), recorded so sidecar edits are noticed. */
  metaSha256?: string | null;
  passages: Passage[];
  /**
   * The passages' vectors when the caller already embedded them with the build's model (one per
   * passage, in order); used only for passages that need embedding, and ignored if the count or
   * dimension is off.
   */
  vectors?: ReadonlyArray<Float32Array | number[]>;
}

/** A skipped file; with its fingerprint it is recorded in the manifest, so an unchanged one is not read again. */
export type SkippedCorpusFile = SkippedFile & { sha256?: string; metaSha256?: string | null };

export interface BuildIndexOptions {
  /** The index directory (holds CURRENT, the lock and generation directories). */
  dir: string;
  files: CorpusFile[];
  /** Files the caller skipped, passed through to the report (and to the manifest when fingerprinted). */
  skipped?: SkippedCorpusFile[];
  model: EmbeddingModel;
  chunking: Chunking;
  onProgress?: (p: IndexProgress) => void;
  /**
   * Extra files stored with the generation (e.g. a serialised lexical index), by plain file name.
   * `change` says how the passages differ from the live generation, so an attachment can be updated
   * rather than rebuilt.
   */
  attachments?: (passages: Passage[], change: IndexChange) => Record<string, string | Uint8Array> | Promise<Record<string, string | Uint8Array>>;
  /** Passages per embedDocuments call (default 64). */
  batchSize?: number;
  /**
   * The caller's already-loaded copy of the live generation, to skip reading it again. Used only if
   * `CURRENT` still names it once the lock is held; it is never modified.
   */
  previous?: LoadedIndex;
  /**
   * Share of deleted labels in the vector graph above which an update builds a fresh, compact graph
   * instead (default 0.2): deleted labels still cost memory and search hops.
   */
  compactAbove?: number;
}

/** How a build's passages differ from the live generation it replaces. */
export interface IndexChange {
  /**
   * The live generation this build updates (its attachments are still readable while the callback
   * runs), or null when everything is indexed afresh (no index, another embedder, other chunking).
   */
  previous: LoadedIndex | null;
  /** Passages of `previous` that are gone (including the old passages of changed files). */
  removed: Passage[];
  /** Passages that are new (including the new passages of changed files). */
  added: Passage[];
}

/** A finished build: its report and the new generation, loaded and ready to serve. */
export interface BuiltIndex {
  report: IndexReport;
  index: LoadedIndex;
}

const DEFAULT_COMPACT_ABOVE = 0.2;
/** Below this many passages a fresh graph takes less time than starting a thread for it. */
const GRAPH_WORKER_MIN_PASSAGES = 4000;
/** Where the graph thread writes its graph inside the new generation dir (removed before the switch). */
const GRAPH_SCRATCH_FILE = 'hnsw.building.bin';
const CURRENT_DEBRIS = new RegExp(`^${CURRENT_FILE}\\.(?:[0-9]+|tmp-.*)$`);


async function fsyncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * Builds the next generation of the index in `dir` incrementally and switches to it atomically.
 *
 * Unchanged files (same sha256, embedder and chunking) keep their stored vectors; changed and new
 * files are embedded in batches; removed files drop out. Another embedder, other chunking or an
 * unreadable current index means a full rebuild, explained in `fullRebuildReason`.
 *
 * The new generation is written completely (and fsynced) into `gen-<time>-<pid>/` beside the live
 * one, then `CURRENT` is replaced by rename, so readers see either the old or the new index, never
 * a mix, even if this process is killed. Older and abandoned generations are deleted afterwards.
 * @throws DossierError `INDEX_BUSY` if another build holds the lock; `EMBEDDINGS_FAILED` if embedding fails
 *   (the live index is then untouched).
 */
export async function buildIndex(options: BuildIndexOptions): Promise<IndexReport> {
  return (await updateIndex(options)).report;
}

/**
 * {@link buildIndex}, also handing back the new generation loaded in memory (no second read from
 * disk). When the live generation is compatible, its vector graph is copied from disk, the passages
 * of changed and removed files are marked deleted and the new ones added, so a one-file change
 * costs milliseconds of graph work instead of rebuilding the graph; past `compactAbove` deleted
 * labels the graph is rebuilt compactly from the stored vectors.
 */
export async function updateIndex(options: BuildIndexOptions): Promise<BuiltIndex> {
  const started = performance.now();
  const { dir, model, chunking, onProgress } = options;
  const batchSize = Math.max(1, options.batchSize ?? 64);
  await mkdir(dir, { recursive: true });
  const lock = await acquireIndexLock(dir);
  let genDir: string | null = null;
  let graphBuilder: GraphBuilder | null = null;
  try {
    // The files were read and cleaned before this point (their passages are given).
    onProgress?.({ phase: 'reading', done: options.files.length, total: options.files.length });
    const skipped: SkippedFile[] = (options.skipped ?? []).map((s) => ({ source: s.source, reason: s.reason }));
    const files: CorpusFile[] = [];
    const seenSources = new Set<string>();
    const seenIds = new Set<string>();
    // The same bytes under two names would quote the same sentence twice as two sources.
    const firstWithText = new Map<string, string>();
    for (const f of options.files) {
      if (seenSources.has(f.source)) {
        skipped.push({ source: f.source, reason: 'listed twice; the first copy was indexed' });
        continue;
      }
      const same = f.passages.length > 0 ? firstWithText.get(f.sha256) : undefined;
      if (same !== undefined) {
        skipped.push({ source: f.source, reason: `the same text as ${same}, which is indexed` });
        continue;
      }
      const clash = f.passages.find((p) => seenIds.has(p.id) || p.source !== f.source);
      if (clash) {
        skipped.push({ source: f.source, reason: `passage ${clash.id} has a duplicate id or belongs to another source` });
        continue;
      }
      seenSources.add(f.source);
      if (!firstWithText.has(f.sha256)) firstWithText.set(f.sha256, f.source);
      f.passages.forEach((p) => seenIds.add(p.id));
      files.push(f);
    }

    const current = await openLive(dir, model, options.previous);
    let fullRebuildReason: string | undefined;
    let previous: IndexManifest | undefined;
    if (current.kind === 'ok') {
      previous = current.index.manifest;
      if (!sameChunking(previous.chunking, chunking)) {
        const a = previous.chunking;
        fullRebuildReason = `chunking changed (maxChars ${a.maxChars}→${chunking.maxChars}, overlap ${a.overlapSentences}→${chunking.overlapSentences}, cleaner ${a.cleanerVersion}→${chunking.cleanerVersion})`;
      }
    } else if (current.kind === 'incompatible') {
      previous = current.manifest;
      fullRebuildReason = `embedder changed: ${current.reason}`;
    } else if (current.kind === 'corrupt') {
      fullRebuildReason = `the current index is unreadable: ${current.reason}`;
    }
    const reusable = current.kind === 'ok' && !fullRebuildReason ? current.index.store : null;

    const report: Pick<IndexReport, 'reused' | 'added' | 'changed' | 'removed'> = { reused: [], added: [], changed: [], removed: [] };
    const vectors = new Map<string, Float32Array | number[]>();
    const toEmbed: Passage[] = [];
    const reusedFiles: CorpusFile[] = [];
    for (const f of files) {
      const old = previous?.files[f.source];
      if (reusable && old && old.sha256 === f.sha256 && old.passages === f.passages.length) {
        // Same bytes and chunking should give the same passages; checking the text as well guards
        // against a cleaner change that forgot to bump cleanerVersion.
        if (f.passages.every((p) => reusable.getPassage(p.id)?.text === p.text)) {
          report.reused.push(f.source);
          reusedFiles.push(f);
          continue;
        }
      }
      (old ? report.changed : report.added).push(f.source);
      toEmbed.push(...f.passages);
      const given = f.vectors;
      if (given && given.length === f.passages.length && given.every((v) => v.length === model.dimension)) {
        f.passages.forEach((p, i) => {
          const v = given[i] ?? [];
          vectors.set(p.id, v instanceof Float32Array ? v : Float32Array.from(v));
        });
      }
    }
    if (previous) report.removed = Object.keys(previous.files).filter((s) => !seenSources.has(s));
    const liveBefore = reusable && current.kind === 'ok' ? current.index : null;
    // Reused passages keep their label; everything else the live generation held goes.
    const kept = new Set(reusedFiles.flatMap((f) => f.passages.map((p) => p.id)));
    const removedPassages = liveBefore ? liveBefore.passages.filter((p) => !kept.has(p.id)) : [];
    // A reused passage may carry new metadata (sidecar edit): same text and vector, new Passage.
    const restamped: Array<{ old: Passage; now: Passage }> = [];
    for (const f of reusedFiles) {
      for (const p of f.passages) {
        const old = reusable?.getPassage(p.id);
        if (old && old !== p && JSON.stringify(old) !== JSON.stringify(p)) restamped.push({ old, now: p });
      }
    }

    // A fresh graph is needed without a compatible live one, or when too many labels would be deleted.
    const freshGraph =
      !reusable || !liveBefore || (reusable.labelCount - reusable.size + removedPassages.length) / Math.max(1, reusable.labelCount + toEmbed.length) > (options.compactAbove ?? DEFAULT_COMPACT_ABOVE);
    // Its thread starts now so that loading it overlaps embedding.
    const totalPassages = files.reduce((n, f) => n + f.passages.length, 0);
    graphBuilder = freshGraph && totalPassages >= GRAPH_WORKER_MIN_PASSAGES ? GraphBuilder.start() : null;

    // A fresh directory, never the live one: two builds within one millisecond must not share a name.
    let stamp = Date.now();
    for (;;) {
      const candidate = path.join(dir, `gen-${stamp}-${process.pid}`);
      try {
        await mkdir(candidate);
        genDir = candidate;
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        stamp++;
      }
    }
    await mkdir(path.join(genDir, ATTACHMENTS_DIR));

    onProgress?.({ phase: 'embedding', done: 0, total: toEmbed.length });
    const unembedded = toEmbed.filter((p) => !vectors.has(p.id));
    const already = toEmbed.length - unembedded.length;
    for (let i = 0; i < unembedded.length; i += batchSize) {
      const batch = unembedded.slice(i, i + batchSize);
      let out: number[][];
      try {
        out = await model.embeddings.embedDocuments(batch.map((p) => p.text));
      } catch (error) {
        throw isDossierError(error) ? error : new DossierError('EMBEDDINGS_FAILED', `Embedding failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      if (out.length !== batch.length) throw new DossierError('EMBEDDINGS_FAILED', `The embedder returned ${out.length} vectors for ${batch.length} passages.`);
      out.forEach((v, j) => {
        if (v.length !== model.dimension) throw new DossierError('EMBEDDINGS_FAILED', `The embedder returned a ${v.length}-dim vector; ${model.id} should give ${model.dimension}.`);
        // Float32 here already: the store keeps Float32 anyway, at half the memory of number[].
        vectors.set((batch[j] as Passage).id, Float32Array.from(v));
      });
      onProgress?.({ phase: 'embedding', done: already + Math.min(i + batch.length, unembedded.length), total: toEmbed.length });
    }

    const passages = files.flatMap((f) => f.passages);
    const change: IndexChange = liveBefore
      ? { previous: liveBefore, removed: [...removedPassages, ...restamped.map((r) => r.old)], added: [...restamped.map((r) => r.now), ...toEmbed] }
      : { previous: null, removed: [], added: passages };
    let store: HnswVectorStore | null = null;
    if (reusable && liveBefore && !freshGraph) {
      store = await reusable.fork(liveBefore.dir);
      if (store) {
        store.remove(removedPassages.map((p) => p.id));
        store.restamp(restamped.map((r) => r.now));
        await store.addPassages(toEmbed, toEmbed.map((p) => vectors.get(p.id) ?? []));
      }
    }
    // Attachments are written as soon as they exist, so their (large) serialised form is not held
    // while the store serialises its own files: that is what sets a cold build's peak memory.
    const writeAttachments = async () => {
      for (const [name, data] of Object.entries((await options.attachments?.(passages, change)) ?? {})) {
        if (!ATTACHMENT_NAME.test(name)) throw new DossierError('INTERNAL', `Attachment name ${JSON.stringify(name)} must be a plain file name.`);
        await writeFileAtomic(path.join(genDir as string, ATTACHMENTS_DIR, name), typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      }
    };
    if (store) await writeAttachments();
    else {
      // A fresh, compact graph: no live generation to update, or too many deleted labels. Built on
      // a worker thread when one is running, while the attachments are made here.
      const passageVectors = passages.map((p) => vectors.get(p.id) ?? reusable?.getVector(p.id) ?? []);
      const flat = new Float32Array(passages.length * model.dimension);
      passageVectors.forEach((v, i) => flat.set(v.length === model.dimension ? v : new Float32Array(model.dimension).fill(Number.NaN), i * model.dimension));
      const linked = (done: number, total: number) => onProgress?.({ phase: 'graph', done, total });
      const graph = graphBuilder?.build(flat, model.dimension, path.join(genDir, GRAPH_SCRATCH_FILE), linked) ?? Promise.resolve(null);
      try {
        await writeAttachments();
      } finally {
        // Wait for the thread even when the attachments failed: it writes into the generation dir.
        store = await HnswVectorStore.fromGraph(model.embeddings, { dimension: model.dimension }, passages, passageVectors, await graph);
      }
      await rm(path.join(genDir, GRAPH_SCRATCH_FILE), { force: true });
    }
    // Writing: the store's files, the manifest, then the switch to the new generation.
    const written = (done: number) => onProgress?.({ phase: 'writing', done, total: 3 });
    written(0);
    await store.save(genDir);
    written(1);
    const manifest: IndexManifest = {
      formatVersion: INDEX_FORMAT_VERSION,
      embedder: { id: model.id, dimension: model.dimension },
      chunking,
      files: Object.fromEntries(files.map((f) => [f.source, { sha256: f.sha256, metaSha256: f.metaSha256 ?? null, passages: f.passages.length }])),
      skipped: Object.fromEntries(
        (options.skipped ?? []).flatMap((s) => (s.sha256 === undefined ? [] : [[s.source, { sha256: s.sha256, metaSha256: s.metaSha256 ?? null, reason: s.reason }]])),
      ),
      passageCount: passages.length,
      builtAt: new Date(stamp).toISOString(),
    };
    await writeFileAtomic(path.join(genDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
    await fsyncDir(path.join(genDir, ATTACHMENTS_DIR));
    await fsyncDir(genDir);
    written(2);

    // A build that lost its lock (another took it over as stale) must not switch generations.
    lock.assertHeld();
    // The switch: after this rename, readers open the new generation.
    await writeFileAtomic(path.join(dir, CURRENT_FILE), `${path.basename(genDir)}\n`);
    await fsyncDir(dir);
    const live = genDir;
    genDir = null;
    written(3);

    // Old generations, generations abandoned by killed builds and stray CURRENT temp files
    // (write-file-atomic's `CURRENT.<number>`, and the `CURRENT.tmp-<pid>` of earlier versions).
    for (const entry of await readdir(dir)) {
      const full = path.join(dir, entry);
      if ((GENERATION_NAME.test(entry) && full !== live) || CURRENT_DEBRIS.test(entry)) await rm(full, { recursive: true, force: true });
    }

    onProgress?.({ phase: 'done', done: 1, total: 1 });
    const index: LoadedIndex = {
      dir: live,
      manifest,
      passages: orderPassages(store.passages(), manifest),
      store,
      async attachment(name: string): Promise<Buffer | null> {
        if (!ATTACHMENT_NAME.test(name)) return null;
        return readFile(path.join(live, ATTACHMENTS_DIR, name)).catch(() => null);
      },
    };
    return {
      report: {
        ...report,
        skipped,
        passages: passages.length,
        embedded: toEmbed.length,
        seconds: (performance.now() - started) / 1000,
        ...(fullRebuildReason ? { fullRebuildReason } : {}),
      },
      index,
    };
  } finally {
    await graphBuilder?.close();
    // A failed build leaves no trace; the live generation was never touched.
    if (genDir) await rm(genDir, { recursive: true, force: true }).catch(() => undefined);
    await lock.release();
  }
}

/** The live generation: the caller's loaded copy when `CURRENT` still names it, else read from disk. */
async function openLive(dir: string, model: EmbeddingModel, loaded: LoadedIndex | undefined): Promise<OpenIndexResult> {
  if (loaded && path.dirname(path.resolve(loaded.dir)) === path.resolve(dir)) {
    const current = (await readFile(path.join(dir, CURRENT_FILE), 'utf8').catch(() => '')).trim();
    const m = loaded.manifest;
    if (current === path.basename(loaded.dir) && m.embedder.id === model.id && m.embedder.dimension === model.dimension) return { kind: 'ok', index: loaded };
  }
  return openIndex(dir, model);
}
