import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import { DossierError } from '../errors.js';
import { extractArticle } from './extractArticle.js';
import { addressPolicy, fetchPage } from './fetchPage.js';
import { normalizeUrl } from './normalizeUrl.js';

/** Something to add: a web address, a file on this machine, or a file uploaded to Discord (fetched from its address). */
export type AddInput = { kind: 'url'; url: string } | { kind: 'file'; path: string } | { kind: 'upload'; name: string; url: string };

/** An article ready to be written to the articles folder, with the metadata its sidecar will hold. */
export interface PreparedArticle {
  /** Plain text, title on the first line when known. */
  text: string;
  title: string | null;
  publisher: string | null;
  date: string | null;
  author: string | null;
  /** The article's address (canonical, tracking parameters removed), when it came from the web. */
  url: string | null;
  /** A file name to start from ("harbour-council-approves.txt"). */
  nameHint: string;
}

const HTML = ['text/html', 'application/xhtml+xml'];
const TEXT = ['text/plain', 'text/markdown', 'text/x-markdown'];

/** What `input` is called in messages. */
export function describeInput(input: AddInput): string {
  return input.kind === 'url' ? input.url : input.kind === 'file' ? input.path : input.name;
}

/**
 * Reads an input into an article: a page is fetched (see `fetchPage`) and its article extracted;
 * an `.html`/`.htm` file is extracted the same way; a `.txt`/`.md` file is taken as it is (its
 * title, publisher and date are inferred when it is indexed, like any article).
 * @throws DossierError `ADD_*` with a message for the person who asked.
 */
export async function prepareArticle(input: AddInput, config: Config): Promise<PreparedArticle> {
  if (input.kind === 'file') return fromFile(input.path, config.add.maxBytes);
  const { allowPrivateHosts, timeoutMs, maxBytes } = config.add;
  const page = await fetchPage(input.url, { allowAddress: addressPolicy(allowPrivateHosts), timeoutMs, maxBytes, accept: [...HTML, ...TEXT] });
  const name = input.kind === 'upload' ? input.name : new URL(page.url).pathname.split('/').filter(Boolean).pop() ?? 'article';
  // An upload is what its name says (a CDN may serve a saved page as text/plain); a page is what its server says.
  const ext = input.kind === 'upload' ? path.extname(input.name).toLowerCase() : '';
  const asHtml = ext === '.html' || ext === '.htm' || (!['.txt', '.md'].includes(ext) && !TEXT.includes(page.mediaType));
  if (!asHtml) return fromText(decode(page.body, page.charset), name, input.kind === 'url' ? normalizeUrl(page.url) : null);
  return fromHtml(decode(page.body, page.charset ?? htmlCharset(page.body)), name, input.kind === 'url' ? page.url : undefined);
}

async function fromFile(file: string, maxBytes: number): Promise<PreparedArticle> {
  const ext = path.extname(file).toLowerCase();
  const info = await stat(file).catch((error: unknown) => {
    throw new DossierError('ADD_FAILED', `${file} could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`, { cause: error });
  });
  if (!info.isFile()) throw new DossierError('ADD_NOT_ARTICLE', `${file} is not a file.`);
  if (info.size > maxBytes) throw new DossierError('ADD_TOO_LARGE', `${file} is larger than ${Math.round(maxBytes / 1024)} KB (ADD_MAX_BYTES).`);
  const body = await readFile(file);
  if (ext === '.html' || ext === '.htm') return fromHtml(decode(body, htmlCharset(body)), path.basename(file), undefined);
  if (ext === '.txt' || ext === '.md') return fromText(decode(body, undefined), path.basename(file), null);
  throw new DossierError('ADD_NOT_ARTICLE', `${path.basename(file)}: only .html, .htm, .txt and .md files can be added${ext === '.pdf' ? ' (save a PDF article as text first)' : ''}.`);
}

function fromHtml(html: string, name: string, pageUrl: string | undefined): PreparedArticle {
  const article = extractArticle(html, pageUrl);
  if (!article) throw new DossierError('ADD_NOT_ARTICLE', `No article text was found in ${name}: it may be a front page, a login wall or a page built by scripts.`);
  const { text, title, publisher, date, author, url } = article;
  return { text, title, publisher, date, author, url: url ? normalizeUrl(url) : null, nameHint: title ?? name };
}

function fromText(text: string, name: string, url: string | null): PreparedArticle {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.length === 0) throw new DossierError('ADD_NOT_ARTICLE', `${name} is empty.`);
  return { text: `${trimmed}\n`, title: null, publisher: null, date: null, author: null, url, nameHint: name.replace(/\.(?:txt|md)$/i, '') };
}

/** Text in its declared charset, else UTF-8 (an unknown label is read as UTF-8 too). */
function decode(body: Buffer, charset: string | undefined): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

/** The charset an HTML page declares in its first bytes (`<meta charset>` or the http-equiv form), if any. */
export function htmlCharset(body: Buffer): string | undefined {
  const head = body.subarray(0, 2048).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
}
