import { Resvg } from '@resvg/resvg-js';
import { DossierError } from '../errors.js';
import type { Timeline, TimelineEvent } from './TimelineEvent.js';
import { eventSourceRefs, formatEventDate, sourceTags } from './formatTimeline.js';

export interface RenderTimelineOptions {
  /** Image width in pixels (default 800, Discord's inline size). */
  width?: number;
  title?: string;
  /** Events drawn before "+N more" (default 60). */
  maxEvents?: number;
  /** When these events summarise a longer timeline: how many it has (the subtitle says "60 of 5,172"). */
  total?: number;
  /** Draw the key to the markers and the source tags under the events (default true). */
  legend?: boolean;
}

/** Lines of source names the legend lists before "+N more sources". */
const LEGEND_SOURCES = 40;
const LEGEND_LINE = 18;

/** Font stack: DejaVu Sans ships with most Linux images; resvg picks the first installed. */
const FONT = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif";
const COLORS = {
  background: '#ffffff',
  title: '#111827',
  text: '#1f2937',
  muted: '#6b7280',
  axis: '#d1d5db',
  accent: '#2563eb',
  yearless: '#9ca3af',
  yearFill: '#eff6ff',
};
const PAD = 28;
const AXIS_X = 176;
const TEXT_X = AXIS_X + 22;
const FONT_SIZE = 15;
const LINE_HEIGHT = 20;
const MAX_TEXT_LINES = 4;
/** Average advance of DejaVu Sans glyphs relative to the font size (it is a wide font). */
const CHAR_WIDTH = 0.55;
const HEADING_HEIGHT = 40;
const EVENT_GAP = 16;
const MAX_HEIGHT = 8000;

/** Escapes text for SVG content and attribute values. */
export function escapeXml(text: string): string {
  // Control characters other than tab/newline are not allowed in XML 1.0 at all.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Greedy word wrap to `maxChars` per line, at most `maxLines` lines (the last ends with `…`). */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= maxChars) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word.length > maxChars ? `${word.slice(0, maxChars - 1)}…` : word;
    if (lines.length === maxLines) {
      const last = lines[maxLines - 1] ?? '';
      // The ellipsis may overhang by one character: better than cutting a word.
      lines[maxLines - 1] = `${last.replace(/[\s,.;:…]*$/u, '')}…`;
      return lines;
    }
  }
  if (line) lines.push(line);
  return lines;
}

interface Row {
  kind: 'heading' | 'event';
  y: number;
  height: number;
  label?: string;
  event?: TimelineEvent;
  lines?: string[];
  newMonth?: boolean;
}

/** Builds the SVG (exported for tests and for surfaces that want vector output). */
export function renderTimelineSvg(timeline: Timeline, options: RenderTimelineOptions = {}): string {
  const width = Math.max(480, Math.min(2400, Math.round(options.width ?? 800)));
  const maxEvents = Math.max(1, options.maxEvents ?? 60);
  const title = options.title ?? 'Timeline';
  const tags = sourceTags(timeline.events.flatMap((e) => e.sources.map((s) => s.source)));
  const shown = timeline.events.slice(0, maxEvents);
  const maxChars = Math.floor((width - TEXT_X - PAD) / (FONT_SIZE * CHAR_WIDTH));

  const rows: Row[] = [];
  let y = PAD + 64;
  let group: string | undefined;
  let month: string | undefined;
  let hidden = timeline.events.length - shown.length;
  for (const event of shown) {
    const heading = event.yearless ? 'Year unknown' : event.date.slice(0, 4);
    if (heading !== group) {
      rows.push({ kind: 'heading', y, height: HEADING_HEIGHT, label: heading });
      y += HEADING_HEIGHT;
      group = heading;
      month = undefined;
    }
    const lines = wrapText(event.text, maxChars, MAX_TEXT_LINES);
    const height = lines.length * LINE_HEIGHT + 18 + EVENT_GAP;
    if (y + height > MAX_HEIGHT - 80) {
      hidden = timeline.events.length - rows.filter((r) => r.kind === 'event').length;
      break;
    }
    const eventMonth = event.precision === 'year' ? undefined : event.date.slice(0, 7);
    rows.push({ kind: 'event', y, height, event, lines, newMonth: eventMonth !== undefined && eventMonth !== month });
    month = eventMonth ?? month;
    y += height;
  }
  const footer = hidden > 0 ? 40 : 0;
  const legend = options.legend === false || rows.length === 0 ? [] : legendRows(rows, tags, width);
  const legendTop = y + footer + 12;
  const height = Math.max(200, legendTop + legend.length * LEGEND_LINE + (legend.length > 0 ? 70 : 0) + PAD - EVENT_GAP);

  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`);
  out.push(`<rect width="100%" height="100%" fill="${COLORS.background}"/>`);
  out.push(`<g font-family="${escapeXml(FONT)}">`);
  out.push(`<text x="${PAD}" y="${PAD + 22}" font-size="24" font-weight="bold" fill="${COLORS.title}">${escapeXml(truncate(title, Math.floor((width - 2 * PAD) / 14)))}</text>`);
  out.push(`<text x="${PAD}" y="${PAD + 46}" font-size="13" fill="${COLORS.muted}">${escapeXml(subtitle(timeline, options.total))}</text>`);
  if (timeline.events.length === 0) {
    out.push(`<text x="${PAD}" y="${PAD + 100}" font-size="${FONT_SIZE}" fill="${COLORS.muted}">No dated events found.</text>`);
  } else {
    const firstY = rows[0]?.y ?? PAD + 64;
    out.push(`<line x1="${AXIS_X}" y1="${firstY + 10}" x2="${AXIS_X}" y2="${y - EVENT_GAP}" stroke="${COLORS.axis}" stroke-width="2"/>`);
  }
  for (const row of rows) {
    if (row.kind === 'heading') {
      const label = escapeXml(row.label ?? '');
      const w = Math.max(56, (row.label ?? '').length * 10 + 24);
      out.push(`<rect x="${AXIS_X - w / 2}" y="${row.y + 6}" width="${w}" height="26" rx="13" fill="${COLORS.yearFill}" stroke="${COLORS.accent}" stroke-width="1.5"/>`);
      out.push(`<text x="${AXIS_X}" y="${row.y + 24}" font-size="14" font-weight="bold" text-anchor="middle" fill="${COLORS.accent}">${label}</text>`);
      continue;
    }
    const e = row.event;
    if (!e) continue;
    const cy = row.y + 14;
    const color = e.yearless ? COLORS.yearless : COLORS.accent;
    if (row.newMonth) out.push(`<line x1="${AXIS_X - 10}" y1="${cy}" x2="${AXIS_X - 4}" y2="${cy}" stroke="${COLORS.axis}" stroke-width="2"/>`);
    if (e.end) out.push(`<rect x="${AXIS_X - 6}" y="${cy - 9}" width="12" height="18" rx="6" fill="${color}"/>`);
    else if (e.precision === 'day') out.push(`<circle cx="${AXIS_X}" cy="${cy}" r="6" fill="${color}"/>`);
    else out.push(`<circle cx="${AXIS_X}" cy="${cy}" r="5" fill="${COLORS.background}" stroke="${color}" stroke-width="2.5"/>`);
    const dateLabel = formatEventDate(e).replace(' (year unknown)', '');
    out.push(`<text x="${AXIS_X - 16}" y="${cy + 5}" font-size="13" font-weight="bold" text-anchor="end" fill="${COLORS.text}">${escapeXml(dateLabel)}</text>`);
    (row.lines ?? []).forEach((line, i) => {
      out.push(`<text x="${TEXT_X}" y="${cy + 5 + i * LINE_HEIGHT}" font-size="${FONT_SIZE}" fill="${COLORS.text}">${escapeXml(line)}</text>`);
    });
    const refs = eventSourceRefs(e, tags);
    const tagY = cy + 5 + (row.lines?.length ?? 1) * LINE_HEIGHT - 2;
    out.push(`<text x="${TEXT_X}" y="${tagY}" font-size="12" fill="${COLORS.muted}">${escapeXml(truncate(`${refs}${actorsLabel(e)}`, Math.floor((width - TEXT_X - PAD) / 7)))}</text>`);
  }
  if (hidden > 0) {
    out.push(`<text x="${TEXT_X}" y="${y + 20}" font-size="14" font-style="italic" fill="${COLORS.muted}">+${hidden} more event${hidden === 1 ? '' : 's'} not shown</text>`);
  }
  if (legend.length > 0) out.push(...drawLegend(legendTop, legend));
  out.push('</g></svg>');
  return out.join('\n');
}

/** The source lines of the legend: the tag of each source drawn, with its title (or file). */
function legendRows(rows: readonly Row[], tags: Map<string, string>, width: number): string[] {
  const named = new Map<string, string>();
  for (const r of rows) for (const s of r.event?.sources ?? []) if (!named.has(s.source)) named.set(s.source, s.title ?? s.source);
  const max = Math.floor((width - 2 * PAD) / 7);
  const lines = [...named].map(([source, name]) => `[${tags.get(source) ?? source}] ${name}`).sort().map((l) => truncate(l, max));
  return lines.length > LEGEND_SOURCES ? [...lines.slice(0, LEGEND_SOURCES - 1), `+${lines.length - LEGEND_SOURCES + 1} more sources`] : lines;
}

/** The key: what each marker means, then which article each tag stands for. */
function drawLegend(top: number, sources: readonly string[]): string[] {
  const out: string[] = [];
  const y = top + 20;
  out.push(`<line x1="${PAD}" y1="${top}" x2="${PAD + 200}" y2="${top}" stroke="${COLORS.axis}" stroke-width="1"/>`);
  const keys: Array<[string, string]> = [
    [`<circle cx="${PAD + 6}" cy="${y - 5}" r="6" fill="${COLORS.accent}"/>`, 'a day'],
    [`<circle cx="${PAD + 6}" cy="${y - 5}" r="5" fill="${COLORS.background}" stroke="${COLORS.accent}" stroke-width="2.5"/>`, 'a month or year'],
    [`<rect x="${PAD}" y="${y - 14}" width="12" height="18" rx="6" fill="${COLORS.accent}"/>`, 'a span of days'],
    [`<circle cx="${PAD + 6}" cy="${y - 5}" r="6" fill="${COLORS.yearless}"/>`, 'year unknown'],
  ];
  let x = 0;
  for (const [marker, label] of keys) {
    out.push(`<g transform="translate(${x} 0)">${marker}<text x="${PAD + 18}" y="${y}" font-size="13" fill="${COLORS.muted}">${escapeXml(label)}</text></g>`);
    x += 40 + label.length * 8;
  }
  out.push(`<text x="${PAD}" y="${y + 28}" font-size="13" font-weight="bold" fill="${COLORS.text}">Sources</text>`);
  sources.forEach((line, i) => {
    out.push(`<text x="${PAD}" y="${y + 28 + (i + 1) * LEGEND_LINE}" font-size="12" fill="${COLORS.muted}">${escapeXml(line)}</text>`);
  });
  return out;
}

function actorsLabel(e: TimelineEvent): string {
  return e.actors.length > 0 ? `  ·  ${e.actors.slice(0, 4).join(', ')}` : '';
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

function subtitle(timeline: Timeline, total?: number): string {
  const dated = timeline.events.filter((e) => !e.yearless);
  const n = timeline.events.length;
  const count = total !== undefined && total > n ? `The ${n} most-reported of ${total} events` : `${n} event${n === 1 ? '' : 's'}`;
  const span = dated.length > 0 ? ` · ${formatEventDate(dated[0] as TimelineEvent)} – ${formatEventDate(dated[dated.length - 1] as TimelineEvent)}` : '';
  const sources = new Set(timeline.events.flatMap((e) => e.sources.map((s) => s.source))).size;
  return `${count} from ${sources} source${sources === 1 ? '' : 's'}${span}`;
}

/**
 * The timeline as a PNG: a vertical axis with year markers and month ticks, one dot per event
 * (filled: a day; ring: a month or year; pill: a range), the date to the left, the wrapped event
 * text and its source tags to the right, and a key to the markers and tags below. Height grows with
 * the events, up to `maxEvents` (or 8000 px), after which "+N more" is shown; a long timeline is
 * summarised before it is drawn (see `presentTimeline.ts`). Throws `DossierError('RENDER_FAILED')`.
 */
export function renderTimelinePng(timeline: Timeline, options: RenderTimelineOptions = {}): Buffer {
  const svg = renderTimelineSvg(timeline, options);
  try {
    const resvg = new Resvg(svg, {
      font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
      fitTo: { mode: 'original' },
      background: COLORS.background,
    });
    return resvg.render().asPng();
  } catch (error) {
    throw new DossierError('RENDER_FAILED', 'Could not render the timeline image.', { cause: error });
  }
}
