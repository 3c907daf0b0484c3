import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { cleanArticle } from '../ingest/cleanArticle.js';

/** An article taken out of a web page: its text (title first, then paragraphs) and what the page says about it. */
export interface ExtractedArticle {
  title: string | null;
  /** Plain text: the title on the first line, then one paragraph per block, blank lines between. */
  text: string;
  publisher: string | null;
  /** ISO date (YYYY-MM-DD) the page gives for publication, if any. */
  date: string | null;
  author: string | null;
  /** The page's canonical address, else the address it was fetched from. */
  url: string | null;
}

/**
 * The part of the DOM this module reads. The project compiles without the DOM library (it runs on
 * Node); linkedom's document provides these members.
 */
interface DomNode {
  readonly nodeType: number;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly tagName?: string;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
}
interface DomDocument {
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
}

/** Elements that start a new paragraph of text. */
const BLOCKS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'TABLE', 'TR', 'DL', 'DT', 'DD', 'BR', 'HR']);
/** Elements whose text is not the article's: photo captions and credits, media, code the page runs. */
const SKIPPED = new Set(['FIGURE', 'FIGCAPTION', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'BUTTON', 'FORM', 'NAV', 'ASIDE', 'FOOTER']);

/**
 * The article of a web page. Mozilla's Readability (over a linkedom DOM) finds the main text and
 * drops menus, footers and scripts; the page's own metadata (Open Graph, `article:published_time`,
 * JSON-LD, `<link rel=canonical>`) gives title, site name, date and author, which are better than
 * anything inferred from flattened text. The paragraphs then go through the same cleaning rules as
 * every article (`cleanArticle`), so a cookie banner or "Read also" list inside the article is not kept.
 * @returns null when the page has no article text.
 */
export function extractArticle(html: string, pageUrl?: string): ExtractedArticle | null {
  const { document } = parseHTML(html) as { document: ConstructorParameters<typeof Readability>[0] };
  // Read before Readability, which rewrites the document.
  const meta = pageMetadata(document as unknown as DomDocument, pageUrl);
  const parsed = new Readability<DomNode>(document, { serializer: (node) => node as unknown as DomNode }).parse();
  const paragraphs = parsed?.content ? cleanParagraphs(blockTexts(parsed.content)) : [];
  if (paragraphs.length === 0) return null;
  const title = oneLine(meta.title ?? parsed?.title ?? '') || null;
  const body = title && paragraphs[0] === title ? paragraphs.slice(1) : paragraphs;
  return {
    title,
    text: [...(title ? [title] : []), ...body].join('\n\n') + '\n',
    publisher: oneLine(meta.publisher ?? parsed?.siteName ?? '') || null,
    date: isoDay(meta.date ?? parsed?.publishedTime ?? null),
    author: authorName(meta.author ?? parsed?.byline ?? null),
    url: meta.url ?? pageUrl ?? null,
  };
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** "By Ada Quill" → "Ada Quill"; a profile link given as the author is not a name. */
function authorName(value: string | null): string | null {
  const name = oneLine(value ?? '').replace(/^by\s+/i, '');
  return name && !/^https?:\/\//i.test(name) ? name : null;
}

/** "2031-05-03T08:00:00Z" → "2031-05-03"; anything without a full date → null. */
function isoDay(value: string | null): string | null {
  const m = value ? /^(\d{4}-\d{2}-\d{2})/.exec(value.trim()) : null;
  return m?.[1] ?? null;
}

interface PageMetadata {
  title: string | null;
  publisher: string | null;
  date: string | null;
  author: string | null;
  url: string | null;
}

function pageMetadata(document: DomDocument, pageUrl: string | undefined): PageMetadata {
  const metaContent = (...keys: string[]) => {
    for (const key of keys) {
      const el = document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
      const value = el?.getAttribute('content')?.trim();
      if (value) return value;
    }
    return null;
  };
  const ld = jsonLdArticle(document);
  const timeEl = document.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime') ?? null;
  return {
    title: metaContent('og:title', 'twitter:title') ?? ld.headline,
    publisher: metaContent('og:site_name', 'application-name') ?? ld.publisher,
    date: metaContent('article:published_time', 'datePublished', 'pubdate', 'date', 'dc.date', 'dcterms.created') ?? ld.datePublished ?? timeEl,
    author: metaContent('author', 'article:author', 'byl', 'dc.creator') ?? ld.author,
    url: articleAddress(document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? metaContent('og:url'), pageUrl),
  };
}

/** The page's canonical address, absolute; not when it is the site's front page (some sites point every page there). */
function articleAddress(href: string | null | undefined, base: string | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.pathname !== '/' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** Headline, publisher, date and author from the page's JSON-LD NewsArticle (or Article) block, if any. */
function jsonLdArticle(document: DomDocument): { headline: string | null; publisher: string | null; datePublished: string | null; author: string | null } {
  const none = { headline: null, publisher: null, datePublished: null, author: null };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const items = (Array.isArray(data) ? data : [data, ...graphOf(data)]).filter(isRecord);
    const article = items.find((i) => /Article|Report/.test(String(i['@type'] ?? '')));
    if (!article) continue;
    const name = (v: unknown): string | null => (typeof v === 'string' ? v : isRecord(v) && typeof v['name'] === 'string' ? v['name'] : Array.isArray(v) ? name(v[0]) : null);
    return {
      headline: typeof article['headline'] === 'string' ? article['headline'] : null,
      publisher: name(article['publisher']),
      datePublished: typeof article['datePublished'] === 'string' ? article['datePublished'] : null,
      author: name(article['author']),
    };
  }
  return none;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const graphOf = (v: unknown): unknown[] => (isRecord(v) && Array.isArray(v['@graph']) ? v['@graph'] : []);

/** The text of each block of the article, in order: one entry per paragraph, heading or list item. */
function blockTexts(root: DomNode): string[] {
  const out: string[] = [];
  let current = '';
  const flush = () => {
    const text = oneLine(current);
    if (text) out.push(text);
    current = '';
  };
  const walk = (node: DomNode) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) current += child.textContent ?? '';
      if (child.nodeType !== 1) continue;
      const tag = (child.tagName ?? '').toUpperCase();
      if (SKIPPED.has(tag)) continue;
      if (!BLOCKS.has(tag)) {
        walk(child);
        continue;
      }
      flush();
      // A list item keeps its bullet, so the cleaning rules see a list (of teasers, say) as one.
      if (tag === 'LI') current = '- ';
      walk(child);
      flush();
    }
  };
  walk(root);
  flush();
  return out.filter((t) => t !== '-');
}

/** The paragraphs the cleaning rules keep as article text (page chrome inside the article dropped). */
function cleanParagraphs(paragraphs: string[]): string[] {
  const raw = paragraphs.join('\n\n');
  return cleanArticle(raw)
    .body.map((span) => raw.slice(span.start, span.end))
    .flatMap((text) => text.split(/\n{2,}/))
    .map((t) => t.trim())
    .filter((t) => t !== '');
}
