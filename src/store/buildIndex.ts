import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { EmbeddingModel } from '../embeddings/EmbeddingModel.js';
import type { IndexProgress, IndexReport } from '../engine/Engine.js';
import { DossierError, isDossierError } from '../errors.js';
import type { SkippedFile } from '../ingest/Article.js';
import type { Passage } from '../ingest/Passage.js';
import { planBuild, type BuildPlan, type PlanBase } from './BuildPlan.js';
import { collectGenerations, commitGeneration, createGeneration, type NewGeneration } from './generations.js';
import { GraphBuilder } from './GraphBuilder.js';
import { HnswVectorStore } from './HnswVectorStore.js';
import { acquireIndexLock } from './IndexLock.js';
import { INDEX_FORMAT_VERSION } from './IndexManifest.js';
import type { Chunking, IndexManifest } from './IndexManifest.js';
import { ATTACHMENTS_DIR, ATTACHMENT_NAME, CURRENT_FILE, MANIFEST_FILE, openIndex, orderPassages } from './openIndex.js';
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

/** What an update does, passage by passage: the {@link BuildPlan}'s file lists applied to the given passages and the live store. */
interface UpdatePlan {
  plan: BuildPlan;
  /** The files indexed (duplicates dropped), in corpus order, and their passages. */
  files: CorpusFile[];
  passages: Passage[];
  /** Every skipped file, for the report (the caller's and the duplicates). */
  skipped: SkippedFile[];
  /** The live generation this update builds on (its graph is forked); null when everything is indexed afresh. */
  live: LoadedIndex | null;
  report: Pick<IndexReport, 'reused' | 'added' | 'changed' | 'removed'>;
  /** Passages to embed (new, and those of changed files), and the vectors known so far by passage id. */
  toEmbed: Passage[];
  vectors: Map<string, Float32Array>;
  /** Passages of `live` that go (including the old passages of changed files). */
  removed: Passage[];
  /** Reused passages with new metadata (a sidecar edit): same text and vector, new Passage. */
  restamped: Array<{ old: Passage; now: Passage }>;
  /** Whether the vector graph is built afresh: no compatible live graph, or too many deleted labels in it. */
  freshGraph: boolean;
}

/** What a build holds while it runs, released (or removed) whatever happens. */
interface BuildWork {
  generation: NewGeneration | null;
  graph: GraphBuilder | null;
}

/**
 * Builds the next generation of the index in `dir` incrementally and switches to it atomically.
 *
 * Unchanged files (same sha256, embedder and chunking) keep their stored vectors; changed and new
 * files are embedded in batches; removed files drop out. Another embedder, other chunking or an
 * unreadable current index means a full rebuild, explained in `fullRebuildReason`.
 *
 * The new generation is written completely (and fsynced) into `gen-<time>-<pid>/` beside the live
 * one, then `CURRENT` is replaced atomically, so readers see either the old or the new index, never
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
 *
 * The steps: plan (under the lock, against the live generation), prepare (a fresh generation
 * directory, the graph thread), embed, write (store, attachments, manifest), commit (`CURRENT`),
 * collect (old generations). Nothing before the commit touches the live generation.
 */
export async function updateIndex(options: BuildIndexOptions): Promise<BuiltIndex> {
  const started = performance.now();
  await mkdir(options.dir, { recursive: true });
  const lock = await acquireIndexLock(options.dir);
  const work: BuildWork = { generation: null, graph: null };
  try {
    // The files were read and cleaned before this point (their passages are given).
    options.onProgress?.({ phase: 'reading', done: options.files.length, total: options.files.length });
    const update = await plan(options);
    const generation = await prepare(options.dir, update, work);
    await embed(update, options);
    const written = await write(update, options, generation, work.graph);
    // A build that lost its lock (another took it over as stale) must not switch generations.
    lock.assertHeld();
    await commitGeneration(options.dir, generation.dir);
    work.generation = null;
    options.onProgress?.({ phase: 'writing', done: 3, total: 3 });
    await collectGenerations(options.dir, generation.dir);
    options.onProgress?.({ phase: 'done', done: 1, total: 1 });
    return finish(update, { ...written, dir: generation.dir }, started);
  } finally {
    await work.graph?.close();
    // A failed build leaves no trace; the live generation was never touched.
    if (work.generation) await rm(work.generation.dir, { recursive: true, force: true }).catch(() => undefined);
    await lock.release();
  }
}

/** Plan: what to reuse, embed and drop, decided against the live generation once the lock is held. */
async function plan(options: BuildIndexOptions): Promise<UpdatePlan> {
  const { files, skipped } = dedupeFiles(options.files, options.skipped ?? []);
  const current = await openLive(options.dir, options.model, options.previous);
  const target = { embedder: { id: options.model.id, dimension: options.model.dimension }, chunking: options.chunking };
  const buildPlan = planBuild(planBase(current), files, target);
  const live = buildPlan.incremental && current.kind === 'ok' ? current.index : null;
  const sorted = sortFiles(files, buildPlan, live, options.model);
  // Reused passages keep their label; everything else the live generation held goes.
  const kept = new Set(sorted.reused.flatMap((f) => f.passages.map((p) => p.id)));
  const removed = live ? live.passages.filter((p) => !kept.has(p.id)) : [];
  const store = live?.store;
  const deletedShare = store ? (store.labelCount - store.size + removed.length) / Math.max(1, store.labelCount + sorted.toEmbed.length) : 1;
  return {
    plan: buildPlan,
    files,
    passages: files.flatMap((f) => f.passages),
    skipped,
    live,
    report: { ...sorted.report, removed: buildPlan.removed },
    toEmbed: sorted.toEmbed,
    vectors: sorted.vectors,
    removed,
    restamped: restampedOf(sorted.reused, live),
    freshGraph: !store || deletedShare > (options.compactAbove ?? DEFAULT_COMPACT_ABOVE),
  };
}

/** The files worth indexing: the first of two copies under one name, of the same bytes under two names, and files whose passage ids clash are skipped. */
function dedupeFiles(given: readonly CorpusFile[], skippedGiven: readonly SkippedCorpusFile[]): { files: CorpusFile[]; skipped: SkippedFile[] } {
  const skipped: SkippedFile[] = skippedGiven.map((s) => ({ source: s.source, reason: s.reason }));
  const files: CorpusFile[] = [];
  const seenSources = new Set<string>();
  const seenIds = new Set<string>();
  // The same bytes under two names would quote the same sentence twice as two sources.
  const firstWithText = new Map<string, string>();
  for (const f of given) {
    const same = f.passages.length > 0 ? firstWithText.get(f.sha256) : undefined;
    const clash = f.passages.find((p) => seenIds.has(p.id) || p.source !== f.source);
    if (seenSources.has(f.source)) skipped.push({ source: f.source, reason: 'listed twice; the first copy was indexed' });
    else if (same !== undefined) skipped.push({ source: f.source, reason: `the same text as ${same}, which is indexed` });
    else if (clash) skipped.push({ source: f.source, reason: `passage ${clash.id} has a duplicate id or belongs to another source` });
    else {
      seenSources.add(f.source);
      if (!firstWithText.has(f.sha256)) firstWithText.set(f.sha256, f.source);
      f.passages.forEach((p) => seenIds.add(p.id));
      files.push(f);
    }
  }
  return { files, skipped };
}

/** The live generation as a plan's base: another embedder's manifest still tells what changed. */
function planBase(current: OpenIndexResult): PlanBase {
  switch (current.kind) {
    case 'ok':
      return { kind: 'manifest', manifest: current.index.manifest };
    case 'incompatible':
      return current.manifest ? { kind: 'manifest', manifest: current.manifest } : { kind: 'unreadable', reason: current.reason };
    case 'corrupt':
      return { kind: 'unreadable', reason: current.reason };
    case 'missing':
      return { kind: 'none' };
  }
}

/** Each file reused (same bytes, same passages as the live store holds) or to embed, with the vectors the caller already made. */
function sortFiles(files: readonly CorpusFile[], plan: BuildPlan, live: LoadedIndex | null, model: EmbeddingModel) {
  const report: Pick<IndexReport, 'reused' | 'added' | 'changed'> = { reused: [], added: [], changed: [] };
  const reused: CorpusFile[] = [];
  const toEmbed: Passage[] = [];
  const vectors = new Map<string, Float32Array>();
  const sameBytes = new Set([...plan.unchanged, ...plan.metaChanged]);
  for (const f of files) {
    // Same bytes and chunking should give the same passages; checking the text as well guards
    // against a cleaner change that forgot to bump cleanerVersion.
    const store = live?.store;
    if (store && sameBytes.has(f.source) && plan.previous?.files[f.source]?.passages === f.passages.length && f.passages.every((p) => store.getPassage(p.id)?.text === p.text)) {
      report.reused.push(f.source);
      reused.push(f);
      continue;
    }
    (plan.previous?.files[f.source] ? report.changed : report.added).push(f.source);
    toEmbed.push(...f.passages);
    const given = f.vectors;
    if (given && given.length === f.passages.length && given.every((v) => v.length === model.dimension)) {
      f.passages.forEach((p, i) => {
        const v = given[i] ?? [];
        vectors.set(p.id, v instanceof Float32Array ? v : Float32Array.from(v));
      });
    }
  }
  return { report, reused, toEmbed, vectors };
}

/** Reused passages that carry new metadata (a sidecar edit) next to the live store's copy. */
function restampedOf(reused: readonly CorpusFile[], live: LoadedIndex | null): Array<{ old: Passage; now: Passage }> {
  const restamped: Array<{ old: Passage; now: Passage }> = [];
  for (const p of reused.flatMap((f) => f.passages)) {
    const old = live?.store.getPassage(p.id);
    if (old && old !== p && JSON.stringify(old) !== JSON.stringify(p)) restamped.push({ old, now: p });
  }
  return restamped;
}

/** Prepare: a fresh generation directory and, for a large fresh graph, its thread (started now so that loading it overlaps embedding). */
async function prepare(dir: string, update: UpdatePlan, work: BuildWork): Promise<NewGeneration> {
  work.graph = update.freshGraph && update.passages.length >= GRAPH_WORKER_MIN_PASSAGES ? GraphBuilder.start() : null;
  work.generation = await createGeneration(dir);
  return work.generation;
}

/** Embed: the passages to embed that have no vector yet, in batches. */
async function embed(update: UpdatePlan, options: BuildIndexOptions): Promise<void> {
  const { model, onProgress } = options;
  const { toEmbed, vectors } = update;
  const batchSize = Math.max(1, options.batchSize ?? 64);
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
}

/** Write: the store's files, the attachments and the manifest, all into the new generation (fsynced). */
async function write(update: UpdatePlan, options: BuildIndexOptions, generation: NewGeneration, graph: GraphBuilder | null): Promise<{ store: HnswVectorStore; manifest: IndexManifest }> {
  // Attachments are written as soon as they exist, so their (large) serialised form is not held
  // while the store serialises its own files: that is what sets a cold build's peak memory.
  const attach = async () => writeAttachments(generation.dir, (await options.attachments?.(update.passages, changeOf(update))) ?? {});
  const forked = update.freshGraph ? null : await forkLive(update);
  if (forked) await attach();
  const store = forked ?? (await freshStore(update, options, generation.dir, graph, attach));
  const written = (done: number) => options.onProgress?.({ phase: 'writing', done, total: 3 });
  written(0);
  await store.save(generation.dir);
  written(1);
  const manifest = manifestOf(update, options, generation.stamp);
  await writeFileAtomic(path.join(generation.dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
  written(2);
  return { store, manifest };
}

/** How the passages differ from the live generation, for attachments that are updated rather than rebuilt. */
function changeOf(update: UpdatePlan): IndexChange {
  const { live, removed, restamped, toEmbed } = update;
  if (!live) return { previous: null, removed: [], added: update.passages };
  return { previous: live, removed: [...removed, ...restamped.map((r) => r.old)], added: [...restamped.map((r) => r.now), ...toEmbed] };
}

async function writeAttachments(dir: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [name, data] of Object.entries(files)) {
    if (!ATTACHMENT_NAME.test(name)) throw new DossierError('INTERNAL', `Attachment name ${JSON.stringify(name)} must be a plain file name.`);
    await writeFileAtomic(path.join(dir, ATTACHMENTS_DIR, name), typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  }
}

/** The live graph copied from disk, with the removed passages marked deleted and the new ones added; null when it cannot be copied. */
async function forkLive(update: UpdatePlan): Promise<HnswVectorStore | null> {
  const { live, toEmbed, vectors } = update;
  const store = live ? await live.store.fork(live.dir) : null;
  if (!store) return null;
  store.remove(update.removed.map((p) => p.id));
  store.restamp(update.restamped.map((r) => r.now));
  await store.addPassages(toEmbed, toEmbed.map((p) => vectors.get(p.id) ?? []));
  return store;
}

/**
 * A fresh, compact graph: no live generation to update, or too many deleted labels. Built on the
 * graph thread when one runs, while the attachments are made here.
 */
async function freshStore(update: UpdatePlan, options: BuildIndexOptions, dir: string, graph: GraphBuilder | null, attach: () => Promise<void>): Promise<HnswVectorStore> {
  const { dimension, embeddings } = options.model;
  const { passages, vectors } = update;
  const passageVectors = passages.map((p) => vectors.get(p.id) ?? update.live?.store.getVector(p.id) ?? []);
  const flat = new Float32Array(passages.length * dimension);
  passageVectors.forEach((v, i) => flat.set(v.length === dimension ? v : new Float32Array(dimension).fill(Number.NaN), i * dimension));
  const linked = (done: number, total: number) => options.onProgress?.({ phase: 'graph', done, total });
  const built = graph?.build(flat, dimension, path.join(dir, GRAPH_SCRATCH_FILE), linked) ?? Promise.resolve(null);
  let store: HnswVectorStore;
  try {
    await attach();
  } finally {
    // Wait for the thread even when the attachments failed: it writes into the generation dir.
    store = await HnswVectorStore.fromGraph(embeddings, { dimension }, passages, passageVectors, await built);
  }
  await rm(path.join(dir, GRAPH_SCRATCH_FILE), { force: true });
  return store;
}

function manifestOf(update: UpdatePlan, options: BuildIndexOptions, stamp: number): IndexManifest {
  const { model, chunking } = options;
  return {
    formatVersion: INDEX_FORMAT_VERSION,
    embedder: { id: model.id, dimension: model.dimension },
    chunking,
    files: Object.fromEntries(update.files.map((f) => [f.source, { sha256: f.sha256, metaSha256: f.metaSha256 ?? null, passages: f.passages.length }])),
    skipped: Object.fromEntries(
      (options.skipped ?? []).flatMap((s) => (s.sha256 === undefined ? [] : [[s.source, { sha256: s.sha256, metaSha256: s.metaSha256 ?? null, reason: s.reason }]])),
    ),
    passageCount: update.passages.length,
    builtAt: new Date(stamp).toISOString(),
  };
}

/** The committed generation, loaded (no second read from disk), and the build's report. */
function finish(update: UpdatePlan, written: { dir: string; store: HnswVectorStore; manifest: IndexManifest }, started: number): BuiltIndex {
  const { dir, store, manifest } = written;
  const index: LoadedIndex = {
    dir,
    manifest,
    passages: orderPassages(store.passages(), manifest),
    store,
    async attachment(name: string): Promise<Buffer | null> {
      if (!ATTACHMENT_NAME.test(name)) return null;
      return readFile(path.join(dir, ATTACHMENTS_DIR, name)).catch(() => null);
    },
  };
  const { fullReason } = update.plan;
  const report: IndexReport = {
    ...update.report,
    skipped: update.skipped,
    passages: update.passages.length,
    embedded: update.toEmbed.length,
    seconds: (performance.now() - started) / 1000,
    ...(fullReason ? { fullRebuildReason: fullReason } : {}),
  };
  return { report, index };
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
