import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { TimelineEvent } from '../timeline/TimelineEvent.js';
import type { ActorMemo } from '../timeline/nameActors.js';
import writeFileAtomic from 'write-file-atomic';

/** The cache file, beside the index generations (it belongs to one corpus, as the index does). */
export const EVENT_CACHE_FILE = 'timeline-events.json';

/** Bumped when the file's shape changes; a file of another version is ignored. */
const EVENT_CACHE_FORMAT = 1;

const EventSourceSchema = z.object({
  source: z.string(),
  title: z.string().nullable(),
  publisher: z.string().nullable(),
  date: z.string().nullable(),
  quote: z.string(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});

const TimelineEventSchema = z.object({
  date: z.string().min(1),
  end: z.string().min(1).optional(),
  precision: z.enum(['day', 'month', 'year']),
  yearless: z.boolean(),
  kind: z.enum(['event', 'planned', 'background']),
  reading: z.string().optional(),
  anchored: z.boolean().optional(),
  text: z.string(),
  actors: z.array(z.string()),
  sources: z.array(EventSourceSchema).min(1),
});

const EventCacheSchema = z.object({
  format: z.literal(EVENT_CACHE_FORMAT),
  entries: z.record(z.string(), z.array(TimelineEventSchema)),
  /** The actors named in each quote, by the quote's hash: naming them needs the slowest NLP step. */
  actors: z.record(z.string(), z.array(z.string())),
});

const quoteKey = (quote: string) => createHash('sha256').update(quote).digest('base64url').slice(0, 22);

/**
 * Each article's extracted timeline events, kept on disk so that the first timeline after a start
 * need not read, clean and parse every article again (seconds on a large corpus). Entries are keyed
 * by everything the extraction depends on (see `corpusEvents.ts`), so a stale entry is never hit;
 * a missing, unreadable or damaged file is an empty cache. It is a cache: losing it costs time only.
 */
export class EventCache implements ActorMemo {
  readonly #file: string;
  readonly #entries: Map<string, TimelineEvent[]>;
  readonly #actors: Map<string, string[]>;
  #changed = false;

  private constructor(file: string, entries: Map<string, TimelineEvent[]>, actors: Map<string, string[]> = new Map()) {
    this.#file = file;
    this.#entries = entries;
    this.#actors = actors;
  }

  /** Opens `file`; what cannot be read or does not validate is treated as empty. */
  static async open(file: string): Promise<EventCache> {
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) return new EventCache(file, new Map());
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return new EventCache(file, new Map());
    }
    const valid = EventCacheSchema.safeParse(parsed);
    if (!valid.success) return new EventCache(file, new Map());
    return new EventCache(file, new Map(Object.entries(valid.data.entries)), new Map(Object.entries(valid.data.actors)));
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: string): TimelineEvent[] | undefined {
    return this.#entries.get(key);
  }

  set(key: string, events: TimelineEvent[]): void {
    this.#entries.set(key, events);
    this.#changed = true;
  }

  /** The actors named in `quote`, if they were named before. */
  actorsOf(quote: string): string[] | undefined {
    return this.#actors.get(quoteKey(quote));
  }

  rememberActors(quote: string, actors: string[]): void {
    this.#actors.set(quoteKey(quote), actors);
    this.#changed = true;
  }

  /**
   * Writes the entries whose keys are in `keep` (the served articles'), and the actors of their
   * quotes, atomically; other entries (articles since changed or removed) are dropped. Does nothing when nothing was added or dropped.
   * Throws what the file system throws (a read-only volume): callers decide whether that matters.
   */
  async save(keep: ReadonlySet<string>): Promise<void> {
    const kept = [...this.#entries].filter(([key]) => keep.has(key));
    const quotes = new Set(kept.flatMap(([, events]) => events.flatMap((e) => e.sources.map((s) => quoteKey(s.quote)))));
    const actors = [...this.#actors].filter(([key]) => quotes.has(key));
    if (!this.#changed && kept.length === this.#entries.size && actors.length === this.#actors.size) return;
    const file = { format: EVENT_CACHE_FORMAT, entries: Object.fromEntries(kept), actors: Object.fromEntries(actors) };
    await writeFileAtomic(this.#file, JSON.stringify(file));
    this.#entries.clear();
    for (const [key, events] of kept) this.#entries.set(key, events);
    this.#actors.clear();
    for (const [key, names] of actors) this.#actors.set(key, names);
    this.#changed = false;
  }
}
