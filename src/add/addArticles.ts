import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../config.js';
import type { Engine, IndexProgress, IndexReport } from '../engine/Engine.js';
import { DossierError, toDossierError, type ErrorCode } from '../errors.js';
import { corpusEntries, listCorpusFiles, toSource } from '../ingest/listCorpusFiles.js';
import writeFileAtomic from 'write-file-atomic';
import { normalizeUrl } from './normalizeUrl.js';
import { describeInput, prepareArticle, type AddInput, type PreparedArticle } from './prepareArticle.js';

/** What became of one input: added (with what was read), already there, or failed with a reason. */
export type AddOutcome =
  | { kind: 'added'; input: string; file: string; title: string | null; publisher: string | null; date: string | null; url: string | null; passages: number }
  | { kind: 'duplicate'; input: string; file: string; same: 'url' | 'text' }
  | { kind: 'failed'; input: string; code: ErrorCode; message: string };

export interface AddOptions {
  config: Config;
  engine: Engine;
  /** Told what is happening: "Fetching …", then the index update's progress. */
  onStep?: (step: string) => void;
  onProgress?: (p: IndexProgress) => void;
  /** When the sidecar says the article was retrieved (tests pass a fixed time). */
  now?: () => Date;
}

/** How long an add waits for a rebuild already running (another /reindex, `npm run index`) to finish. */
const BUSY_WAIT_MS = 10 * 60_000;

/**
 * Adds articles to the articles folder and updates the index once, so they answer questions at
 * once. Each input is fetched or read, its article extracted, and checked against what is there:
 * the same address (normalised) or the same text is not added twice. Each new article is written
 * as `<name>.txt` (title first, then paragraphs) beside `<name>.txt.meta.json` (title, publisher,
 * date, author, url, retrievedAt: only what the page states). One input failing does not stop the others.
 */
export function addArticles(inputs: readonly AddInput[], options: AddOptions): Promise<AddOutcome[]> {
  // One add at a time in a process (a bot may get two /add at once): each sees what the one before wrote.
  const run = adding.then(() => addInOrder(inputs, options));
  adding = run.catch(() => undefined);
  return run;
}

let adding: Promise<unknown> = Promise.resolve();

async function addInOrder(inputs: readonly AddInput[], options: AddOptions): Promise<AddOutcome[]> {
  const { config, engine } = options;
  const existing = await ExistingArticles.read(config);
  const outcomes: AddOutcome[] = [];
  const written: Array<{ index: number; file: string; article: PreparedArticle }> = [];
  for (const input of inputs) {
    const name = describeInput(input);
    try {
      if (input.kind === 'url') {
        const known = existing.byUrl(input.url);
        if (known) {
          outcomes.push({ kind: 'duplicate', input: name, file: known, same: 'url' });
          continue;
        }
      }
      options.onStep?.(input.kind === 'file' ? `Reading ${name}` : `Fetching ${name}`);
      const article = await prepareArticle(input, config);
      const same = (article.url ? existing.byUrl(article.url) : undefined) ?? existing.byText(article.text);
      if (same) {
        outcomes.push({ kind: 'duplicate', input: name, file: same, same: article.url && existing.byUrl(article.url) ? 'url' : 'text' });
        continue;
      }
      const file = await writeArticle(config.paths.seeds, article, options.now?.() ?? new Date());
      const source = toSource(config.root, file);
      existing.add(source, article);
      written.push({ index: outcomes.length, file: source, article });
      outcomes.push({ kind: 'added', input: name, file: source, title: article.title, publisher: article.publisher, date: article.date, url: article.url, passages: 0 });
    } catch (error) {
      const e = toDossierError(error);
      outcomes.push({ kind: 'failed', input: name, code: e.code, message: e.message });
    }
  }
  if (written.length === 0) return outcomes;
  options.onStep?.('Indexing');
  await reindexWhenFree(engine, options.onProgress);
  const sources = new Map(engine.sources().map((s) => [s.source, s]));
  for (const w of written) {
    const s = sources.get(w.file);
    const o = outcomes[w.index];
    if (o?.kind === 'added') outcomes[w.index] = { ...o, passages: s?.passages ?? 0, title: s?.title ?? o.title, publisher: s?.publisher ?? o.publisher, date: s?.date ?? o.date };
  }
  return outcomes;
}

/** Updates the index, first waiting for a rebuild already under way (it may have read the folder before the new files). */
async function reindexWhenFree(engine: Engine, onProgress?: (p: IndexProgress) => void): Promise<IndexReport> {
  const deadline = Date.now() + BUSY_WAIT_MS;
  for (;;) {
    const outcome = await engine.reindex(onProgress);
    if (outcome.kind === 'done') return outcome.report;
    if (Date.now() > deadline) throw new DossierError('INDEX_BUSY', 'The article was saved, but another rebuild kept the index busy; it will be indexed by the next rebuild.');
    await sleep(250);
  }
}

/** The addresses and texts of the articles already in the folder, to recognise one added twice. */
class ExistingArticles {
  readonly #urls = new Map<string, string>();
  readonly #texts = new Map<string, string>();

  static async read(config: Config): Promise<ExistingArticles> {
    const existing = new ExistingArticles();
    const { files, sidecars } = await listCorpusFiles(config.paths.seeds).catch(() => ({ files: [], sidecars: [] }));
    for (const { file, source } of corpusEntries(config.root, files)) {
      const text = await readFile(file, 'utf8').catch(() => null);
      if (text !== null) existing.#texts.set(textKey(text), source);
    }
    for (const sidecar of sidecars) {
      const url = await readFile(sidecar, 'utf8')
        .then((t) => (JSON.parse(t) as { url?: unknown }).url)
        .catch(() => undefined);
      const article = sidecar.replace(/\.meta\.json$/, '');
      if (typeof url === 'string') existing.#urls.set(urlKey(url), toSource(config.root, article));
    }
    return existing;
  }

  byUrl(url: string): string | undefined {
    return this.#urls.get(urlKey(url));
  }

  byText(text: string): string | undefined {
    return this.#texts.get(textKey(text));
  }

  add(source: string, article: PreparedArticle): void {
    if (article.url) this.#urls.set(urlKey(article.url), source);
    this.#texts.set(textKey(article.text), source);
  }
}

/** An address compared for duplicates: normalised, and the same over http and https. */
function urlKey(url: string): string {
  return normalizeUrl(url).replace(/^https?:\/\//i, '//');
}

/** Text compared for duplicates: the same words whatever the spacing, line breaks or case. */
function textKey(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim().toLowerCase()).digest('hex');
}

/** Writes the article and its sidecar under a file name made from its title, never over an existing file. */
async function writeArticle(dir: string, article: PreparedArticle, retrievedAt: Date): Promise<string> {
  await mkdir(dir, { recursive: true });
  const base = slug(article.nameHint);
  const meta = {
    ...(article.title ? { title: article.title } : {}),
    ...(article.publisher ? { publisher: article.publisher } : {}),
    ...(article.date ? { date: article.date } : {}),
    ...(article.author ? { author: article.author } : {}),
    ...(article.url ? { url: article.url } : {}),
    retrievedAt: retrievedAt.toISOString(),
  };
  for (let n = 1; ; n++) {
    const file = path.join(dir, `${base}${n === 1 ? '' : `-${n}`}.txt`);
    try {
      // "wx": claim the name, so two adds never write the same file.
      await writeFile(file, '', { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new DossierError('ADD_FAILED', `Could not write to the articles folder ${dir} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`, { cause: error });
    }
    try {
      // The sidecar first: an index build that sees the article then also sees its metadata.
      await writeFileAtomic(`${file}.meta.json`, `${JSON.stringify(meta, null, 2)}\n`);
      await writeFileAtomic(file, article.text);
    } catch (error) {
      await Promise.all([rm(file, { force: true }), rm(`${file}.meta.json`, { force: true })]);
      throw new DossierError('ADD_FAILED', `Could not write ${path.basename(file)} to the articles folder (${(error as NodeJS.ErrnoException).code ?? String(error)}).`, { cause: error });
    }
    return file;
  }
}

/** "Harbour council approves new ferry link!" → "harbour-council-approves-new-ferry-link". */
function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s || 'article';
}
