import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import type { Article } from '../ingest/Article.js';
import type { EventCache } from '../store/EventCache.js';
import type { TimelineEvent } from './TimelineEvent.js';
import { corpusDates, datedByCorpus } from './placeInCorpus.js';

/** What the engine knows of a served article without reading it: its fingerprint and its date. */
export interface ArticleRef {
  source: string;
  sha256: string;
  metaSha256: string | null;
  date: string | null;
}

/** Every served article's events, unmerged and in corpus order, with the corpus's dates that place them. */
export interface CorpusEvents {
  events: TimelineEvent[];
  /** The corpus's article dates (see `corpusDates`). */
  dates: number[];
  /** The cache keys of the served articles: what a cache should keep. */
  keys: ReadonlySet<string>;
}

let identity: Promise<string> | undefined;

/**
 * A hash of the code that reads articles and extracts their events (this folder and `ingest/`, as
 * TypeScript or as built): any change to it is another extraction, so a cache written by another
 * version of Dossier is never used.
 */
export function extractionIdentity(): Promise<string> {
  identity ??= (async () => {
    const hash = createHash('sha256');
    for (const dir of ['./', '../ingest/']) {
      const url = new URL(dir, import.meta.url);
      const files = (await readdir(url)).filter((f) => /\.[cm]?[jt]s$/.test(f)).sort();
      for (const f of files) hash.update(f).update(await readFile(new URL(f, url)));
    }
    return hash.digest('hex');
  })();
  return identity;
}

/**
 * What an article's events depend on: the code, its file and sidecar, its date, and for an undated
 * article the corpus's dates (they date its yearless dateline; see `datedByCorpus`).
 */
export function eventCacheKey(ref: ArticleRef, corpusDateKey: string, code: string): string {
  return createHash('sha256')
    .update(JSON.stringify([code, ref.source, ref.sha256, ref.metaSha256, ref.date ?? `corpus:${corpusDateKey}`]))
    .digest('hex');
}

export interface CorpusEventsOptions {
  /** Reads the articles the cache has no events for. */
  read: (sources: ReadonlySet<string>) => Promise<readonly Article[]>;
  cache?: EventCache | undefined;
  onWarning?: (message: string) => void;
}

/**
 * Every served article's events, from the cache where it holds them; the other articles are read,
 * extracted, and added to the cache. A large corpus's first timeline then reads nothing. An
 * article that fails to extract is reported and left out (and not cached, so it is retried).
 */
export async function corpusEvents(refs: readonly ArticleRef[], options: CorpusEventsOptions): Promise<CorpusEvents> {
  const dates = corpusDates(refs.map((r) => ({ meta: { date: r.date } })));
  const code = await extractionIdentity();
  const corpusDateKey = dates.join(',');
  const keys = new Map(refs.map((r) => [r.source, eventCacheKey(r, corpusDateKey, code)]));
  const cached = (source: string) => options.cache?.get(keys.get(source) ?? '');
  const missing = new Set(refs.filter((r) => !cached(r.source)).map((r) => r.source));
  const fresh = missing.size > 0 ? await extractMissing(missing, dates, keys, refs, options) : new Map<string, TimelineEvent[]>();
  const events = refs.flatMap((r) => fresh.get(r.source) ?? cached(r.source) ?? []);
  return { events, dates, keys: new Set(keys.values()) };
}

/** Reads and extracts the articles the cache lacks, adding them to it. */
async function extractMissing(
  missing: ReadonlySet<string>,
  dates: readonly number[],
  keys: ReadonlyMap<string, string>,
  refs: readonly ArticleRef[],
  options: CorpusEventsOptions,
): Promise<Map<string, TimelineEvent[]>> {
  // Extraction loads the date parser and the sentence splitter: only when something is missing.
  const { extractArticleEvents } = await import('./extractEvents.js');
  const indexed = new Map(refs.map((r) => [r.source, r.sha256]));
  const fresh = new Map<string, TimelineEvent[]>();
  for (const article of await options.read(missing)) {
    try {
      const events = extractArticleEvents(datedByCorpus(article, dates), { actors: false });
      fresh.set(article.source, events);
      // A file changed since it was indexed is read as it is now: its events are not the indexed version's.
      const key = keys.get(article.source);
      if (key && indexed.get(article.source) === article.sha256) options.cache?.set(key, events);
    } catch (error) {
      options.onWarning?.(`Timeline: skipped ${article.source} (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return fresh;
}
