import path from 'node:path';
import type { Timeline, TimelineEvent } from './TimelineEvent.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(iso: string): { year?: string; month?: number; day?: number } {
  const yearless = iso.startsWith('--');
  const [y, m, d] = (yearless ? iso.slice(2) : iso).split('-');
  const fields = yearless ? [undefined, y, m] : [y, m, d];
  return {
    ...(fields[0] ? { year: fields[0] } : {}),
    ...(fields[1] ? { month: Number(fields[1]) } : {}),
    ...(fields[2] ? { day: Number(fields[2]) } : {}),
  };
}

const monthName = (m: number | undefined): string => (m === undefined ? '' : (MONTHS[m - 1] ?? ''));

/**
 * The event's date as a person writes it, at its precision: "1992", "Nov 2025", "17 Jun 2024",
 * "7–8 Aug 2025", "30 Dec 2024 – 2 Jan 2025", "15 Nov (year unknown)".
 */
export function formatEventDate(e: Pick<TimelineEvent, 'date' | 'end' | 'precision' | 'yearless'>): string {
  const a = parts(e.date);
  const b = e.end ? parts(e.end) : undefined;
  const one = (p: ReturnType<typeof parts>, withYear: boolean): string => {
    const bits = e.precision === 'year' ? [] : e.precision === 'month' ? [monthName(p.month)] : [String(p.day ?? ''), monthName(p.month)];
    if (withYear && p.year) bits.push(p.year);
    return bits.join(' ');
  };
  let label: string;
  if (!b) label = one(a, true);
  else if (e.precision === 'year') label = `${a.year ?? ''}–${b.year ?? ''}`;
  else if (a.year === b.year && a.month === b.month && e.precision === 'day') label = `${a.day ?? ''}–${one(b, true)}`;
  else if (a.year === b.year) label = `${one(a, false)} – ${one(b, true)}`;
  else label = `${one(a, true)} – ${one(b, true)}`;
  return e.yearless ? `${label} (year unknown)` : label;
}

/**
 * Short tags for sources: the numeric file-name prefix when it is unique ("000" for
 * `seeds/000_84132c475ac0a92d.txt`), else the file name without its extension.
 */
export function sourceTags(sources: readonly string[]): Map<string, string> {
  const unique = [...new Set(sources)].sort();
  const prefix = (s: string): string | undefined => /^(\d+)[_-]/.exec(path.posix.basename(s))?.[1];
  const counts = new Map<string, number>();
  for (const s of unique) {
    const p = prefix(s);
    if (p) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  const tags = new Map<string, string>();
  for (const s of unique) {
    const p = prefix(s);
    tags.set(s, p && counts.get(p) === 1 ? p : path.posix.basename(s).replace(/\.[^.]+$/, ''));
  }
  return tags;
}

function allSources(timeline: Timeline): string[] {
  return timeline.events.flatMap((e) => e.sources.map((s) => s.source));
}

/** "[000, 002]" for an event. */
export function eventSourceRefs(e: TimelineEvent, tags: Map<string, string>): string {
  const refs = [...new Set(e.sources.map((s) => tags.get(s.source) ?? s.source))];
  return `[${refs.sort().join(', ')}]`;
}

/**
 * Plain-text rendering for the terminal and Discord: one line per event, grouped under year
 * headings, year-less events in their own section, then a legend of the sources cited.
 */
export function formatTimeline(timeline: Timeline, options: { legend?: boolean } = {}): string {
  if (timeline.events.length === 0) return 'No dated events found.';
  const tags = sourceTags(allSources(timeline));
  const lines: string[] = [];
  let group: string | undefined;
  for (const e of timeline.events) {
    const heading = e.yearless ? 'Year unknown' : e.date.slice(0, 4);
    if (heading !== group) {
      if (group !== undefined) lines.push('');
      lines.push(`── ${heading} ──`);
      group = heading;
    }
    lines.push(`${formatEventDate(e)} — ${e.text} ${eventSourceRefs(e, tags)}`);
  }
  if (options.legend ?? true) {
    lines.push('', 'Sources:');
    const titles = new Map<string, string | null>();
    for (const e of timeline.events) for (const s of e.sources) if (!titles.has(s.source)) titles.set(s.source, s.title);
    for (const [source, tag] of tags) {
      const title = titles.get(source);
      lines.push(`[${tag}] ${source}${title ? ` — ${title}` : ''}`);
    }
  }
  return lines.join('\n');
}

/** One event in the JSON output. */
export interface TimelineEventJson {
  date: string;
  end?: string;
  precision: TimelineEvent['precision'];
  yearless: boolean;
  /** `event`, or `planned` / `background` when asked for. */
  kind: TimelineEvent['kind'];
  /** How the date was read, when not as written. */
  reading?: string;
  text: string;
  actors: string[];
  /** Project-relative paths of the articles that tell the event. */
  sources: string[];
  /** The verbatim sentences, one per source telling. */
  quotes: Array<{ source: string; quote: string; start: number; end: number }>;
}

/** Machine-readable timeline; `root` turns any absolute source path into a project-relative one. */
export function toTimelineJson(timeline: Timeline, root?: string): { events: TimelineEventJson[] } {
  const rel = (s: string): string => (root && path.isAbsolute(s) ? path.relative(root, s).split(path.sep).join('/') : s);
  return {
    events: timeline.events.map((e) => ({
      date: e.date,
      ...(e.end ? { end: e.end } : {}),
      precision: e.precision,
      yearless: e.yearless,
      kind: e.kind,
      ...(e.reading ? { reading: e.reading } : {}),
      text: e.text,
      actors: e.actors,
      sources: [...new Set(e.sources.map((s) => rel(s.source)))],
      quotes: e.sources.map((s) => ({ source: rel(s.source), quote: s.quote, start: s.start, end: s.end })),
    })),
  };
}
