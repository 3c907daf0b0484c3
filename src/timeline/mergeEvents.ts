import { foldLatin } from '../text/foldLatin.js';
import { processTerm, tokenize } from '../text/searchTerms.js';
import type { DatePrecision, TimelineEvent } from './TimelineEvent.js';

/**
 * How much two tellings must share to be the same event: the overlap coefficient of their content
 * word stems (|A∩B| / min(|A|,|B|)). Exact same day (or overlapping ranges) needs less evidence
 * than "a day inside the other's month"; a year-less mention joining a dated event needs the most,
 * because only the text ties them together.
 */
export const MERGE_THRESHOLDS = { sameDay: 0.15, nested: 0.3, yearless: 0.15 } as const;

const MONTH_WORDS = /^(?:januari|februari|march|april|may|june|juli|august|septemb|octob|novemb|decemb)$/;

/**
 * Content-word stems of a text: the retrieval index's own terms (stop words dropped, Porter2
 * stems, memoised), without numbers and month names, which say nothing about what happened.
 */
export function contentStems(text: string): Set<string> {
  const stems = new Set<string>();
  for (const token of tokenize(text)) {
    const term = processTerm(token);
    if (!term || term.length < 3 || /^\d/.test(term) || MONTH_WORDS.test(term)) continue;
    stems.add(term);
  }
  return stems;
}

/** Fewer shared stems than this is coincidence (one shared country name, "meeting", ...). */
const MIN_SHARED_STEMS = 2;

function overlap(a: Set<string>, b: Set<string>): number {
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  if (small.size === 0) return 0;
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared < MIN_SHARED_STEMS ? 0 : shared / small.size;
}

/** An actor's name as one key: accents folded as index terms fold them, so outlets' "Erdoğan" and "Erdogan" are one actor. */
const normalizeActor = (a: string): string => foldLatin(a).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function sharedActors(a: TimelineEvent, b: TimelineEvent): number {
  const names = new Set(a.actors.map(normalizeActor));
  return b.actors.filter((x) => names.has(normalizeActor(x))).length;
}

/** First and last day an event covers, as comparable `YYYY-MM-DD` (or `--MM-DD` when year-less). */
function interval(date: string, end: string | undefined, precision: DatePrecision): [string, string] {
  const first = (d: string): string => (precision === 'year' ? `${d}-01-01` : precision === 'month' ? `${d}-01` : d);
  const last = (d: string): string => (precision === 'year' ? `${d}-12-31` : precision === 'month' ? `${d}-31` : d);
  return [first(date), last(end ?? date)];
}

/** Drops the year of a dated interval so a year-less mention can be compared with it. */
const monthDay = (d: string): string => d.slice(-5);

type DateRelation = 'same' | 'nested' | 'yearless' | 'none';

/** How two events' dates relate: identical/overlapping at the same precision, nested, or apart. */
export function relateDates(a: TimelineEvent, b: TimelineEvent): DateRelation {
  const [a0, a1] = interval(a.date, a.end, a.precision);
  const [b0, b1] = interval(b.date, b.end, b.precision);
  if (a.yearless && b.yearless) return a0 <= b1 && b0 <= a1 ? (a.precision === b.precision ? 'same' : 'nested') : 'none';
  if (a.yearless !== b.yearless) {
    // Only a day can be matched year-lessly; a year-less month is too vague to pin on an event.
    const [y, d] = a.yearless ? [a, b] : [b, a];
    if (y.precision !== 'day' || d.precision !== 'day') return 'none';
    const [d0, d1] = interval(d.date, d.end, d.precision);
    if (d0.slice(0, 4) !== d1.slice(0, 4)) return 'none';
    const md = monthDay(y.date);
    return md >= monthDay(d0) && md <= monthDay(d1) ? 'yearless' : 'none';
  }
  if (!(a0 <= b1 && b0 <= a1)) return 'none';
  // Two year spans are the same period only when they are the same span ("1790 to 1950" is not "in 1861").
  if (a.precision === 'year' && b.precision === 'year') return a.date === b.date && a.end === b.end ? 'same' : 'none';
  if (a.precision === b.precision) return 'same';
  // A day inside the other's month is plausible; a day inside a whole year is not evidence.
  return a.precision === 'year' || b.precision === 'year' ? 'none' : 'nested';
}

/** Whether two tellings are the same happening: compatible dates and similar words or actors. */
export function sameEvent(a: TimelineEvent, b: TimelineEvent, stems: (e: TimelineEvent) => Set<string> = eventStems): boolean {
  const relation = relateDates(a, b);
  if (relation === 'none') return false;
  const similarity = overlap(stems(a), stems(b));
  const actors = sharedActors(a, b);
  if (relation === 'same') return similarity >= MERGE_THRESHOLDS.sameDay || (actors >= 2 && similarity > 0);
  if (relation === 'nested') return similarity >= MERGE_THRESHOLDS.nested || (actors >= 1 && similarity >= MERGE_THRESHOLDS.sameDay);
  return similarity >= MERGE_THRESHOLDS.yearless;
}

/** Stems of everything the sources quote (the full sentences say more than the shortened line). */
function eventStems(e: TimelineEvent): Set<string> {
  return contentStems([e.text, ...e.sources.map((s) => s.quote)].join(' '));
}

const RANK: Record<DatePrecision, number> = { day: 3, month: 2, year: 1 };

/** The merged event keeps the most precise, dated telling's date and text, and every source. */
function combine(a: TimelineEvent, b: TimelineEvent): TimelineEvent {
  const score = (e: TimelineEvent): number => (e.yearless ? 0 : 10) + RANK[e.precision] + (e.end ? 0.5 : 0);
  const [lead, other] = score(b) > score(a) ? [b, a] : [a, b];
  const seen = new Set<string>();
  const actors = [...lead.actors, ...other.actors].filter((x) => {
    const k = normalizeActor(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const sourceKey = (s: TimelineEvent['sources'][number]): string => `${s.source}:${s.start}`;
  const keys = new Set(lead.sources.map(sourceKey));
  return {
    ...lead,
    actors,
    sources: [...lead.sources, ...other.sources.filter((s) => !keys.has(sourceKey(s)))],
  };
}

const DAY_MS = 86_400_000;
/** Longest range (in days) still indexed day by day; longer ones only meet events of their months. */
const MAX_INDEXED_DAYS = 14;
const MAX_INDEXED_MONTHS = 3;

function months(first: string, last: string): string[] {
  const out: string[] = [];
  let y = Number(first.slice(0, 4));
  let m = Number(first.slice(5, 7));
  const endKey = last.slice(0, 7);
  for (let i = 0; i < MAX_INDEXED_MONTHS; i++) {
    const key = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= endKey) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

function days(first: string, last: string): string[] {
  const out: string[] = [];
  const t0 = Date.parse(`${first}T00:00:00Z`);
  const t1 = Date.parse(`${last}T00:00:00Z`);
  if (Number.isNaN(t0) || Number.isNaN(t1)) return [first.slice(5)];
  for (let t = t0; t <= t1 && out.length < MAX_INDEXED_DAYS; t += DAY_MS) out.push(new Date(t).toISOString().slice(5, 10));
  return out;
}

/**
 * Buckets an event is filed under (`register`) and looks in (`lookup`), so that only events whose
 * dates can relate are ever compared: a corpus of thousands of events merges in near-linear time.
 */
function bucketKeys(e: TimelineEvent): { register: string[]; lookup: string[] } {
  if (e.precision === 'year') {
    const key = e.yearless ? 'none' : `y:${e.date}:${e.end ?? ''}`;
    return { register: [key], lookup: [key] };
  }
  if (e.yearless) {
    const month = e.date.slice(2, 4);
    if (e.precision === 'month') return { register: [`ylm:${month}`], lookup: [`ylm:${month}`] };
    const md = e.date.slice(2);
    return { register: [`yl:${md}`, `ylm:${month}`], lookup: [`md:${md}`, `yl:${md}`, `ylm:${month}`] };
  }
  const [first, last] = interval(e.date, e.end, e.precision);
  const monthKeys = months(first, last).map((m) => `m:${m}`);
  const dayList = e.precision === 'day' ? days(first, last) : [];
  return { register: [...monthKeys, ...dayList.map((d) => `md:${d}`)], lookup: [...monthKeys, ...dayList.map((d) => `yl:${d}`)] };
}

/**
 * Merges the same event told by several articles (or twice in one) into one event with all its
 * sources. Greedy, in input order: each event joins the earliest group it matches, compared with
 * that group's first telling (not the growing union, which would snowball into unrelated events).
 * Distinct events of the same day stay apart unless their words tie them together.
 */
export function mergeEvents(events: readonly TimelineEvent[]): TimelineEvent[] {
  const cache = new Map<TimelineEvent, Set<string>>();
  const stems = (e: TimelineEvent): Set<string> => {
    let s = cache.get(e);
    if (!s) {
      s = eventStems(e);
      cache.set(e, s);
    }
    return s;
  };
  const groups: TimelineEvent[] = [];
  /** The first telling of each group: what later events are compared with. */
  const leads: TimelineEvent[] = [];
  const buckets = new Map<string, number[]>();
  for (const event of events) {
    const { register, lookup } = bucketKeys(event);
    const candidates = [...new Set(lookup.flatMap((k) => buckets.get(k) ?? []))].sort((a, b) => a - b);
    const i = candidates.find((c) => sameEvent(leads[c] as TimelineEvent, event, stems));
    if (i !== undefined) {
      groups[i] = combine(groups[i] as TimelineEvent, event);
      continue;
    }
    const index = groups.length;
    groups.push(event);
    leads.push(event);
    for (const key of register) {
      const list = buckets.get(key);
      if (list) list.push(index);
      else buckets.set(key, [index]);
    }
  }
  return groups;
}
