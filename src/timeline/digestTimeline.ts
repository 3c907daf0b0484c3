import type { Timeline, TimelineEvent } from './TimelineEvent.js';

/** When a timeline is long enough to summarise, and how much of it a summary keeps. */
export interface DigestParams {
  /**
   * Timelines with more events than this are summarised by default: past a few screens a reader
   * scrolls rather than reads, and a picture of thousands of rows cannot be drawn legibly.
   */
  threshold: number;
  /** Events a summary keeps: what fits one readable picture (about 60 rows of wrapped text). */
  keep: number;
  /** Past this many distinct years, events are counted per decade instead of per year. */
  maxYearRows: number;
}

export const DIGEST_PARAMS: Readonly<DigestParams> = Object.freeze({ threshold: 120, keep: 60, maxYearRows: 24 });

/** A long timeline summarised: its most-reported events, oldest first, and how many there are per period. */
export interface TimelineDigest {
  /** The kept events, in date order. */
  timeline: Timeline;
  /** Events in the whole timeline. */
  total: number;
  /** Events per year ("2024") or, for long spans, per decade ("1990s"), oldest first; year-less ones last. */
  periods: Array<{ label: string; events: number }>;
}

/** How many distinct articles tell the event: what several outlets reported is what mattered. */
const reach = (e: TimelineEvent) => new Set(e.sources.map((s) => s.source)).size;

/**
 * Summarises a timeline too long to read: the `keep` events told by the most articles (ties: a
 * dated event before a year-less one, the more precise date, then the older), shown oldest first,
 * with counts per year or decade so the reader sees where the rest lie. Returns undefined for a
 * timeline short enough to show whole.
 */
export function digestTimeline(timeline: Timeline, params: DigestParams = DIGEST_PARAMS): TimelineDigest | undefined {
  const { events } = timeline;
  if (events.length <= params.threshold) return undefined;
  const precision = { day: 0, month: 1, year: 2 } as const;
  const ranked = events
    .map((e, order) => ({ e, order }))
    .sort((a, b) => reach(b.e) - reach(a.e) || Number(a.e.yearless) - Number(b.e.yearless) || precision[a.e.precision] - precision[b.e.precision] || a.order - b.order);
  const kept = new Set(ranked.slice(0, params.keep).map((r) => r.e));
  return { timeline: { events: events.filter((e) => kept.has(e)) }, total: events.length, periods: periods(events, params.maxYearRows) };
}

function periods(events: readonly TimelineEvent[], maxYearRows: number): TimelineDigest['periods'] {
  const years = new Map<string, number>();
  let yearless = 0;
  for (const e of events) {
    if (e.yearless) yearless++;
    else years.set(e.date.slice(0, 4), (years.get(e.date.slice(0, 4)) ?? 0) + 1);
  }
  let rows = [...years].sort(([a], [b]) => a.localeCompare(b));
  if (rows.length > maxYearRows) {
    const decades = new Map<string, number>();
    for (const [year, n] of rows) decades.set(`${year.slice(0, 3)}0s`, (decades.get(`${year.slice(0, 3)}0s`) ?? 0) + n);
    rows = [...decades];
  }
  const out = rows.map(([label, n]) => ({ label, events: n }));
  if (yearless > 0) out.push({ label: 'year unknown', events: yearless });
  return out;
}

/** The line that tells a reader what a summary left out and how to see it. */
export function digestNote(digest: TimelineDigest, howToSeeAll: string): string {
  const per = digest.periods.map((p) => `${p.label} ${p.events}`).join(' · ');
  return `The ${digest.timeline.events.length} most-reported of ${digest.total} events (told by the most articles), oldest first. ${howToSeeAll}\nEvents per period: ${per}`;
}
