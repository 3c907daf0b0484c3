import type { Article } from '../ingest/Article.js';
import { sourceMatcher } from '../retrieval/passageFilter.js';
import type { DatePrecision, Timeline, TimelineEvent, TimelineOptions } from './TimelineEvent.js';
import { mergeEvents } from './mergeEvents.js';
import { nameActors, type ActorMemo } from './nameActors.js';
import { corpusDates, datedByCorpus, isBackground, isOutlierDate, placeYearless } from './placeInCorpus.js';

/* The dated copy of an undated article is kept per article, so its extraction is cached like the rest. */
const datedCopies = new WeakMap<Article, Article>();

function datedCopy(article: Article, dates: readonly number[]): Article {
  let copy = datedCopies.get(article);
  if (!copy) {
    copy = datedByCorpus(article, dates);
    datedCopies.set(article, copy);
  }
  return copy;
}
import type { ScoreEvents } from './scoreEventsLocally.js';

export type { ScoreEvents } from './scoreEventsLocally.js';

/**
 * An event is on-topic when its score reaches this share of the best event's score AND the
 * absolute floor below. The relative part adapts to the scorer's scale (BM25 normalised by the
 * best hit plus a weighted cosine, as the engine's retriever produces); the floor stops a topic
 * nothing matches from keeping its "least bad" events.
 */
export const TOPIC_RELATIVE_THRESHOLD = 0.3;
export const TOPIC_ABSOLUTE_THRESHOLD = 0.25;

/** Default cap on events whose actors are named (see `maxActorEvents`). */
export const MAX_ACTOR_EVENTS = 200;

export interface BuildTimelineOptions extends TimelineOptions {
  /** Scores event texts against `topic` (the engine passes its lexical+dense retriever). */
  scoreEvents?: ScoreEvents;
  /**
   * Name the actors of at most this many events (oldest first; default {@link MAX_ACTOR_EVENTS}).
   * Entity tagging costs milliseconds per sentence, so a whole-corpus timeline of thousands of
   * events would otherwise take tens of seconds; a topic or date filter keeps it well below.
   */
  maxActorEvents?: number;
  /** Overrides {@link TOPIC_RELATIVE_THRESHOLD}. */
  topicThreshold?: number;
  onWarning?: (message: string) => void;
  /** Actors named before (the event cache), so the entity tagger runs only on new quotes. */
  actors?: ActorMemo;
}

/** `[first, last]` day an ISO prefix covers (`2024` → 2024-01-01..2024-12-31). */
function bounds(date: string, end: string | undefined, precision: DatePrecision): [string, string] {
  const first = (d: string): string => (precision === 'year' ? `${d}-01-01` : precision === 'month' ? `${d}-01` : d);
  const last = (d: string): string => (precision === 'year' ? `${d}-12-31` : precision === 'month' ? `${d}-31` : d);
  return [first(date), last(end ?? date)];
}

function prefixBounds(prefix: string, side: 'from' | 'to'): string {
  const parts = prefix.split('-');
  if (side === 'from') return [parts[0], parts[1] ?? '01', parts[2] ?? '01'].join('-');
  return [parts[0], parts[1] ?? '12', parts[2] ?? '31'].join('-');
}

/** Oldest first; coarser dates before finer ones that start the same day; year-less last. */
export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  if (a.yearless !== b.yearless) return a.yearless ? 1 : -1;
  const [a0, a1] = bounds(a.date, a.end, a.precision);
  const [b0, b1] = bounds(b.date, b.end, b.precision);
  if (a0 !== b0) return a0 < b0 ? -1 : 1;
  if (a1 !== b1) return a1 > b1 ? -1 : 1;
  return (a.sources[0]?.source ?? '').localeCompare(b.sources[0]?.source ?? '') || (a.sources[0]?.start ?? 0) - (b.sources[0]?.start ?? 0);
}

/**
 * Whether an event overlaps `[from, to]` (ISO prefixes, inclusive, at any precision). A year-less
 * event can't be placed, so any date filter drops it.
 */
function inRange(e: TimelineEvent, from: string | undefined, to: string | undefined): boolean {
  if (!from && !to) return true;
  if (e.yearless) return false;
  const [first, last] = bounds(e.date, e.end, e.precision);
  if (from && last < prefixBounds(from, 'from')) return false;
  if (to && first > prefixBounds(to, 'to')) return false;
  return true;
}

async function filterByTopic(events: TimelineEvent[], topic: string, options: BuildTimelineOptions): Promise<TimelineEvent[]> {
  if (events.length === 0) return events;
  const score = options.scoreEvents ?? (await import('./scoreEventsLocally.js')).scoreEventsLocally();
  // The line plus the sentences it was taken from: the topic may be named only in the full quote.
  const texts = events.map((e) => [e.text, ...e.sources.map((s) => s.quote)].join(' '));
  const scores = await score(topic, texts);
  const best = Math.max(0, ...scores);
  const threshold = Math.max(TOPIC_ABSOLUTE_THRESHOLD, (options.topicThreshold ?? TOPIC_RELATIVE_THRESHOLD) * best);
  return events.filter((_, i) => (scores[i] ?? 0) >= threshold);
}

/**
 * The chronology of dated events in `articles`: extracted per sentence, merged across articles,
 * oldest first with year-less events last. `from`/`to` filter by date overlap, `sources` by
 * article, `topic` by the relevance `scoreEvents` gives each event (not keyword matching).
 */
export async function buildTimeline(articles: readonly Article[], options: BuildTimelineOptions = {}): Promise<Timeline> {
  // Years are placed with the whole corpus's dates, whatever the filters keep.
  const dates = corpusDates(articles);
  const wanted = sourceMatcher(options.sources);
  const selected = articles.filter((a) => wanted(a.source));
  const { extractEvents } = await import('./extractEvents.js');
  const events = extractEvents(selected.map((a) => datedCopy(a, dates)), { actors: false, ...(options.onWarning ? { onWarning: options.onWarning } : {}) });
  return timelineFrom({ events, dates }, options);
}

/**
 * The chronology from events already extracted (see `corpusEvents.ts`, which keeps them between
 * runs): placed in the corpus's years, filtered, merged, oldest first.
 */
export async function timelineFrom(corpus: { events: readonly TimelineEvent[]; dates: readonly number[] }, options: BuildTimelineOptions = {}): Promise<Timeline> {
  const { dates } = corpus;
  const wanted = sourceMatcher(options.sources);
  const shown = (e: TimelineEvent) => e.kind === 'event' || (e.kind === 'planned' && options.planned === true) || (e.kind === 'background' && options.history !== false);
  const extracted = corpus.events
    .filter((e) => wanted(e.sources[0]?.source ?? ''))
    // A weekday or a yearless day read against an article date the rest of the corpus contradicts is not placed.
    .filter((e) => !(e.anchored && isOutlierDate(e.sources[0]?.date ?? null, dates)))
    .map((e) => placeYearless(e, dates))
    .map((e): TimelineEvent => (isBackground(e, dates) ? { ...e, kind: 'background' } : e))
    .filter(shown);
  // Merging is greedy, so the order it sees matters: chronological order puts tellings of the
  // same day next to each other and makes the result independent of corpus order.
  extracted.sort(compareEvents);
  let events = mergeEvents(extracted).filter((e) => inRange(e, options.from, options.to));
  const topic = options.topic?.trim();
  if (topic) events = await filterByTopic(events, topic, options);
  events.sort(compareEvents);
  const named = options.maxActorEvents ?? MAX_ACTOR_EVENTS;
  return { events: [...(await nameActors(events.slice(0, named), options.actors)), ...events.slice(named)] };
}
