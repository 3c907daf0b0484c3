import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EmbeddingModel } from '../embeddings/EmbeddingModel.js';
import { isDossierError } from '../errors.js';
import type { Passage } from '../ingest/Passage.js';
import type { HnswVectorStore } from './HnswVectorStore.js';
import { readStoreFiles, type StoreFiles } from './storeFiles.js';
import { parseIndexManifest } from './IndexManifest.js';
import type { IndexManifest } from './IndexManifest.js';

/** Name of the pointer file naming the live generation directory. */
export const CURRENT_FILE = 'CURRENT';
export const MANIFEST_FILE = 'manifest.json';
export const ATTACHMENTS_DIR = 'attachments';
/** Generation directories are `gen-<time>-<pid>`; nothing else is ever named in CURRENT. */
export const GENERATION_NAME = /^gen-[0-9]+-[0-9]+$/;
/** Attachment names are plain file names (no paths). */
export const ATTACHMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * The vector store's module, imported on first use: it brings in LangChain's VectorStore (about 250
 * modules, a quarter of start-up). Start-up calls this early so the import proceeds while the word
 * vectors and the corpus fingerprints load; repeated calls share one import.
 */
export function storeModule(): Promise<{ HnswVectorStore: typeof HnswVectorStore }> {
  return import('./HnswVectorStore.js');
}

/** An index loaded into memory, ready to search. */
export interface LoadedIndex {
  /** The generation directory the index was loaded from. */
  dir: string;
  manifest: IndexManifest;
  passages: Passage[];
  store: HnswVectorStore;
  /**
   * Reads an attachment written with the build (e.g. a lexical index); null if absent. Read it soon
   * after opening: a later build deletes this generation's directory once it switches.
   */
  attachment(name: string): Promise<Buffer | null>;
}

/** A loaded index apart from its vector store. */
export type IndexContents = Omit<LoadedIndex, 'store'>;

export interface OpenIndexOptions {
  /**
   * Called once the passages are read and match the manifest, before the vector store is ready (its
   * LangChain module may still be loading): work that needs only the passages and attachments, such
   * as loading the lexical index, can start here and overlap. Not called when the index is missing,
   * incompatible or found damaged before that point; the open may still fail afterwards.
   */
  onContents?: (contents: IndexContents) => void;
}

export type OpenIndexResult =
  | { kind: 'ok'; index: LoadedIndex }
  | { kind: 'missing' }
  /** Built with another embedder; `manifest` lets a rebuild report what changed. */
  | { kind: 'incompatible'; reason: string; manifest?: IndexManifest }
  | { kind: 'corrupt'; reason: string };

/**
 * The embedder the live generation in `dir` was built with, read from its manifest without opening
 * the index; undefined when there is no readable index.
 */
export async function servedEmbedder(dir: string): Promise<IndexManifest['embedder'] | undefined> {
  try {
    const current = (await readFile(path.join(dir, CURRENT_FILE), 'utf8')).trim();
    if (!GENERATION_NAME.test(current)) return undefined;
    const parsed = parseIndexManifest(JSON.parse(await readFile(path.join(dir, current, MANIFEST_FILE), 'utf8')));
    return parsed.kind === 'ok' ? parsed.manifest.embedder : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Opens the live generation of the index in `dir` for `model`. Never throws for bad files:
 * damage is `corrupt` with a reason, another embedder is `incompatible`, no index yet is `missing`.
 * Whether it is stale against the corpus is `planBuild` (BuildPlan.ts) over its manifest.
 */
export async function openIndex(dir: string, model: EmbeddingModel, options: OpenIndexOptions = {}): Promise<OpenIndexResult> {
  let current: string;
  try {
    current = (await readFile(path.join(dir, CURRENT_FILE), 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return { kind: 'missing' };
    return { kind: 'corrupt', reason: `cannot read ${CURRENT_FILE}: ${(error as Error).message}` };
  }
  if (!GENERATION_NAME.test(current)) return { kind: 'corrupt', reason: `${CURRENT_FILE} does not name a generation (${JSON.stringify(current.slice(0, 80))})` };
  const genDir = path.join(dir, current);

  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(await readFile(path.join(genDir, MANIFEST_FILE), 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      kind: 'corrupt',
      reason: code === 'ENOENT' ? `${CURRENT_FILE} points to ${current}, which has no ${MANIFEST_FILE}` : `${current}/${MANIFEST_FILE} is not valid JSON`,
    };
  }
  const parsed = parseIndexManifest(manifestJson);
  if (parsed.kind === 'invalid') return { kind: 'corrupt', reason: `${current}/${MANIFEST_FILE}: ${parsed.reason}` };
  const manifest = parsed.manifest;
  if (manifest.embedder.id !== model.id || manifest.embedder.dimension !== model.dimension) {
    return {
      kind: 'incompatible',
      reason: `index was built with ${manifest.embedder.id} (${manifest.embedder.dimension} dims); now using ${model.id} (${model.dimension} dims)`,
      manifest,
    };
  }

  // The store's files are read and checked while its module (LangChain) may still be loading.
  const storeLoading = storeModule();
  storeLoading.catch(() => undefined);
  let files: StoreFiles;
  try {
    files = await readStoreFiles(genDir);
  } catch (error) {
    return { kind: 'corrupt', reason: isDossierError(error) ? error.message : `cannot load ${current}: ${String(error)}` };
  }
  const dimension = files.info.dimension;
  if (dimension !== manifest.embedder.dimension) return { kind: 'corrupt', reason: `${current} stores ${dimension}-dim vectors but the manifest says ${manifest.embedder.dimension}` };
  if (files.info.count !== manifest.passageCount) return { kind: 'corrupt', reason: `${current} holds ${files.info.count} passages but the manifest says ${manifest.passageCount}` };
  const passages = orderPassages(
    files.passages.filter((p): p is Passage => p !== null),
    manifest,
  );
  const perSource = new Map<string, number>();
  for (const p of passages) perSource.set(p.source, (perSource.get(p.source) ?? 0) + 1);
  for (const [source, f] of Object.entries(manifest.files)) {
    if ((perSource.get(source) ?? 0) !== f.passages) return { kind: 'corrupt', reason: `${current}: passages of ${source} do not match the manifest` };
  }
  const contents: IndexContents = {
    dir: genDir,
    manifest,
    passages,
    async attachment(name: string): Promise<Buffer | null> {
      if (!ATTACHMENT_NAME.test(name)) return null;
      return readFile(path.join(genDir, ATTACHMENTS_DIR, name)).catch(() => null);
    },
  };
  options.onContents?.(contents);

  let store: HnswVectorStore;
  try {
    const { HnswVectorStore } = await storeLoading;
    store = HnswVectorStore.fromStoreFiles(files, model.embeddings);
  } catch (error) {
    return { kind: 'corrupt', reason: isDossierError(error) ? error.message : `cannot load ${current}: ${String(error)}` };
  }
  return { kind: 'ok', index: { ...contents, store } };
}

/**
 * Passages in corpus order (the manifest's file order, then position in the file), whatever order
 * their labels have: after incremental updates a changed file's passages sit at the end of the
 * graph, but everything downstream (lexical index, tie-breaks) should see the same order a fresh
 * build gives.
 */
export function orderPassages(passages: Passage[], manifest: IndexManifest): Passage[] {
  const rank = new Map(Object.keys(manifest.files).map((source, i) => [source, i] as const));
  // A freshly built store is already in this order: checking is cheaper than sorting 15k passages.
  const rankOf = (p: Passage) => rank.get(p.source) ?? Number.MAX_SAFE_INTEGER;
  let ordered = true;
  for (let i = 1; i < passages.length && ordered; i++) {
    const a = passages[i - 1] as Passage;
    const b = passages[i] as Passage;
    ordered = rankOf(a) < rankOf(b) || (rankOf(a) === rankOf(b) && a.index < b.index);
  }
  if (ordered) return passages;
  return passages
    .map((p, i) => ({ p, r: rank.get(p.source) ?? Number.MAX_SAFE_INTEGER, i }))
    .sort((a, b) => a.r - b.r || a.p.index - b.p.index || a.i - b.i)
    .map((x) => x.p);
}
