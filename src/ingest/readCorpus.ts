import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { Article, SkippedFile } from './Article.js';
import { cleanArticle } from './cleanArticle.js';
import { inferMetadata } from './inferMetadata.js';
import { parseFrontMatter } from './parseFrontMatter.js';
import { applyOverrides, parseMetaOverrides, readSidecar } from './readSidecar.js';
import { corpusEntries, listCorpusFiles, orphanSidecarWarnings } from './listCorpusFiles.js';

// Listing lives in its own module so start-up (which only hashes files) does not load the cleaning code.
export { corpusEntries, listCorpusFiles, orphanSidecarWarnings, type CorpusEntry } from './listCorpusFiles.js';

/** Options for {@link readCorpus}. */
export interface ReadCorpusOptions {
  /** Project root; `source` ids are paths relative to it. */
  root: string;
  /** Files larger than this are skipped unread. */
  maxFileBytes: number;
  /** Receives one line per skipped file or ignored sidecar/front matter, naming the file. */
  onWarning?: (message: string) => void;
  /**
   * Only read these sources (others are listed but neither read nor cleaned): an incremental
   * rebuild cleans just the files whose fingerprint changed.
   */
  only?: ReadonlySet<string>;
}

/** Articles read, in `source` order, and the files that were skipped with the reason. */
export interface Corpus {
  articles: Article[];
  skipped: SkippedFile[];
}

/**
 * Reads every `.txt` and `.md` file under `dir` (recursively, ignoring dotfiles) into cleaned
 * articles with metadata: inferred from the text, then overridden by markdown front matter and
 * by a `<file>.meta.json` sidecar. Text that is not UTF-8 is read as Windows-1252, with a warning.
 * A file that is empty, binary, too large or has no article text left after cleaning is skipped
 * with a warning; one bad file never stops the read.
 *
 * @throws DossierError `SEEDS_MISSING` when `dir` does not exist or is not a directory.
 */
export async function readCorpus(dir: string, options: ReadCorpusOptions): Promise<Corpus> {
  const { files, sidecars } = await listCorpusFiles(dir);
  const entries = corpusEntries(options.root, files).filter((e) => !options.only || options.only.has(e.source));
  const articles: Article[] = [];
  const skipped: SkippedFile[] = [];
  const warn = (message: string) => options.onWarning?.(message);
  for (const { file, source } of entries) {
    const result = await readArticle(file, source, options.maxFileBytes, warn);
    if (result.kind === 'article') articles.push(result.article);
    else {
      skipped.push({ source, reason: result.reason });
      warn(`${source}: skipped (${result.reason})`);
    }
  }
  for (const message of orphanSidecarWarnings(options.root, files, sidecars)) warn(message);
  return { articles, skipped };
}

/** One file read: the article, or why it was skipped. */
export type ReadResult = { kind: 'article'; article: Article } | { kind: 'skipped'; reason: string };

/**
 * Reads, decodes, cleans and dates one article file (see {@link readCorpus}); `warn` gets notes
 * about ignored front matter or sidecars. Never throws for a bad file: it is `skipped` with a reason.
 */
export async function readArticle(file: string, source: string, maxFileBytes: number, warn: (m: string) => void): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.size > maxFileBytes) return skip(`larger than ${maxFileBytes} bytes (${info.size} bytes)`);
    bytes = await readFile(file);
  } catch (error) {
    return skip(`cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (bytes.length > maxFileBytes) return skip(`larger than ${maxFileBytes} bytes (${bytes.length} bytes)`);
  if (bytes.length === 0) return skip('empty file');
  if (bytes.includes(0)) return skip('binary file (contains NUL bytes)');
  let raw: string;
  try {
    // The decoder drops a leading BOM, so offsets count from the first real character.
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Older scraped pages are often Windows-1252 (a superset of Latin-1): read them so, and say so.
    // Offsets then count characters of the decoded text.
    raw = new TextDecoder('windows-1252').decode(bytes);
    warn(`${source}: not valid UTF-8; read as Windows-1252 (Latin-1)`);
  }
  if (raw.trim() === '') return skip('only whitespace');
  if (controlShare(raw) > 0.1) return skip('binary file (mostly control characters)');

  const cleaned = cleanArticle(raw);
  const { body } = cleaned;
  if (body.length === 0) return skip('no article text left after removing page boilerplate');

  let meta = inferMetadata(raw, cleaned);
  const frontMatter = parseFrontMatter(raw);
  if (frontMatter) {
    if (frontMatter.error !== null) warn(`${source}: front matter ignored (invalid YAML: ${frontMatter.error})`);
    else {
      const result = parseMetaOverrides(pickMetaFields(frontMatter.data));
      if (result.kind === 'ok' || result.kind === 'partial') meta = applyOverrides(meta, result.overrides);
      if (result.kind === 'partial') warn(`${source}: front matter fields ignored (${result.reason}); the others are used`);
      else if (result.kind === 'invalid') warn(`${source}: front matter ignored (${result.reason})`);
    }
  }
  const sidecar = await readSidecar(file);
  if (sidecar.kind === 'ok' || sidecar.kind === 'partial') meta = applyOverrides(meta, sidecar.overrides);
  if (sidecar.kind === 'partial') warn(`${source}.meta.json: sidecar fields ignored (${sidecar.reason}); the others are used`);
  else if (sidecar.kind === 'invalid') warn(`${source}.meta.json: sidecar ignored (${sidecar.reason})`);

  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { kind: 'article', article: { source, sha256, raw, meta, body, furniture: cleaned.furniture } };
}

function skip(reason: string): ReadResult {
  return { kind: 'skipped', reason };
}

/** Share of C0/C1 control characters other than ordinary whitespace. */
function controlShare(text: string): number {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isWhitespace = c === 9 || c === 10 || c === 12 || c === 13;
    if ((c < 32 && !isWhitespace) || (c >= 0x7f && c <= 0x9f)) controls++;
  }
  return controls / text.length;
}

/**
 * Front matter often carries site fields (tags, layout); only ours are validated. YAML turns
 * `date: 2024` into a number, so scalars are turned back into text.
 */
function pickMetaFields(data: unknown): unknown {
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) return data;
  const picked: Record<string, unknown> = {};
  for (const key of ['title', 'publisher', 'date', 'url', 'author', 'notes']) {
    if (!(key in data)) continue;
    const value = (data as Record<string, unknown>)[key];
    picked[key] = typeof value === 'number' ? String(value) : value instanceof Date ? value.toISOString().slice(0, 10) : value;
  }
  return picked;
}
