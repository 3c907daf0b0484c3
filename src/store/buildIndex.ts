import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { EmbeddingModel } from '../embeddings/EmbeddingModel.js';
import type { IndexProgress, IndexReport } from '../Engine.js';
import { DossierError, isDossierError } from '../errors.js';
import type { SkippedFile } from '../ingest/Article.js';
import type { Passage } from '../ingest/Passage.js';
import { HnswVectorStore, writeFileDurable } from './HnswVectorStore.js';
import { acquireIndexLock } from './IndexLock.js';
import { INDEX_FORMAT_VERSION } from './IndexManifest.js';
import type { Chunking, IndexManifest } from './IndexManifest.js';
import { ATTACHMENTS_DIR, ATTACHMENT_NAME, CURRENT_FILE, GENERATION_NAME, MANIFEST_FILE, openIndex } from './openIndex.js';

/** One article's passages, ready to index. */
export interface CorpusFile {
  source: string;
  sha256: string;
  /** sha256 of the file's `.meta.json` sidecar (null or absent: none), recorded so sidecar edits are noticed. */
  metaSha256?: string | null;
  passages: Passage[];
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
  /** Extra files stored with the generation (e.g. a serialised lexical index), by plain file name. */
  attachments?: (passages: Passage[]) => Record<string, string | Uint8Array>;
  /** Passages per embedDocuments call (default 64). */
  batchSize?: number;
}

const sameChunking = (a: Chunking, b: Chunking) =>
  a.maxChars === b.maxChars && a.overlapSentences === b.overlapSentences && a.cleanerVersion === b.cleanerVersion;

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
  const started = performance.now();
  const { dir, model, chunking, onProgress } = options;
  const batchSize = Math.max(1, options.batchSize ?? 64);
  await mkdir(dir, { recursive: true });
  const release = await acquireIndexLock(dir);
  let genDir: string | null = null;
  try {
    onProgress?.({ phase: 'reading', done: 0, total: options.files.length });
    const skipped: SkippedFile[] = (options.skipped ?? []).map((s) => ({ source: s.source, reason: s.reason }));
    const files: CorpusFile[] = [];
    const seenSources = new Set<string>();
    const seenIds = new Set<string>();
    for (const f of options.files) {
      if (seenSources.has(f.source)) {
        skipped.push({ source: f.source, reason: 'listed twice; the first copy was indexed' });
        continue;
      }
      const clash = f.passages.find((p) => seenIds.has(p.id) || p.source !== f.source);
      if (clash) {
        skipped.push({ source: f.source, reason: `passage ${clash.id} has a duplicate id or belongs to another source` });
        continue;
      }
      seenSources.add(f.source);
      f.passages.forEach((p) => seenIds.add(p.id));
      files.push(f);
    }

    const current = await openIndex(dir, model);
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
    for (const f of files) {
      const old = previous?.files[f.source];
      if (reusable && old && old.sha256 === f.sha256 && old.passages === f.passages.length) {
        // Same bytes and chunking should give the same passages; checking the text as well guards
        // against a cleaner change that forgot to bump cleanerVersion.
        const stored = f.passages.map((p) => (reusable.getPassage(p.id)?.text === p.text ? reusable.getVector(p.id) : undefined));
        if (stored.every((v) => v !== undefined)) {
          f.passages.forEach((p, i) => vectors.set(p.id, stored[i] as Float32Array));
          report.reused.push(f.source);
          continue;
        }
      }
      (old ? report.changed : report.added).push(f.source);
      toEmbed.push(...f.passages);
    }
    if (previous) report.removed = Object.keys(previous.files).filter((s) => !seenSources.has(s));

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
    for (let i = 0; i < toEmbed.length; i += batchSize) {
      const batch = toEmbed.slice(i, i + batchSize);
      let out: number[][];
      try {
        out = await model.embeddings.embedDocuments(batch.map((p) => p.text));
      } catch (error) {
        throw isDossierError(error) ? error : new DossierError('EMBEDDINGS_FAILED', `Embedding failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      if (out.length !== batch.length) throw new DossierError('EMBEDDINGS_FAILED', `The embedder returned ${out.length} vectors for ${batch.length} passages.`);
      out.forEach((v, j) => {
        if (v.length !== model.dimension) throw new DossierError('EMBEDDINGS_FAILED', `The embedder returned a ${v.length}-dim vector; ${model.id} should give ${model.dimension}.`);
        vectors.set((batch[j] as Passage).id, v);
      });
      onProgress?.({ phase: 'embedding', done: Math.min(i + batch.length, toEmbed.length), total: toEmbed.length });
    }

    onProgress?.({ phase: 'writing', done: 0, total: 1 });
    const passages = files.flatMap((f) => f.passages);
    const store = new HnswVectorStore(model.embeddings, { dimension: model.dimension });
    await store.addPassages(passages, passages.map((p) => vectors.get(p.id) as Float32Array | number[]));
    await store.save(genDir);
    for (const [name, data] of Object.entries(options.attachments?.(passages) ?? {})) {
      if (!ATTACHMENT_NAME.test(name)) throw new DossierError('INTERNAL', `Attachment name ${JSON.stringify(name)} must be a plain file name.`);
      await writeFileDurable(path.join(genDir, ATTACHMENTS_DIR, name), data);
    }
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
    await writeFileDurable(path.join(genDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
    await fsyncDir(path.join(genDir, ATTACHMENTS_DIR));
    await fsyncDir(genDir);

    // The switch: after this rename, readers open the new generation.
    const tmp = path.join(dir, `${CURRENT_FILE}.tmp-${process.pid}`);
    await writeFileDurable(tmp, `${path.basename(genDir)}\n`);
    await rename(tmp, path.join(dir, CURRENT_FILE));
    await fsyncDir(dir);
    const live = genDir;
    genDir = null;

    // Old generations, generations abandoned by killed builds and stray CURRENT temp files.
    for (const entry of await readdir(dir)) {
      const full = path.join(dir, entry);
      if ((GENERATION_NAME.test(entry) && full !== live) || entry.startsWith(`${CURRENT_FILE}.tmp-`)) await rm(full, { recursive: true, force: true });
    }

    onProgress?.({ phase: 'done', done: 1, total: 1 });
    return {
      ...report,
      skipped,
      passages: passages.length,
      embedded: toEmbed.length,
      seconds: (performance.now() - started) / 1000,
      ...(fullRebuildReason ? { fullRebuildReason } : {}),
    };
  } finally {
    // A failed build leaves no trace; the live generation was never touched.
    if (genDir) await rm(genDir, { recursive: true, force: true }).catch(() => undefined);
    await release();
  }
}
