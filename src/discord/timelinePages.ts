import { untrustedText } from './untrustedText.js';
import type { Timeline, TimelineEvent, TimelineOptions } from '../timeline/TimelineEvent.js';
import { formatEventDate } from '../timeline/formatTimeline.js';
import { DISCORD_LIMITS, truncateAtWord } from './replies.js';

/** Room left on a page for the header line and the page's own markdown. */
const PAGE_CHARS = DISCORD_LIMITS.content - 200;
/** Long pages are hard to scan on a phone; ten events is about one screen. */
const EVENTS_PER_PAGE = 10;
const EVENT_CHARS = 400;

function eventLine(e: TimelineEvent): string {
  const when = formatEventDate(e);
  const publishers = [...new Set(e.sources.map((s) => s.publisher ?? s.source.split('/').pop() ?? s.source))];
  const by = publishers.length > 0 ? ` _(${untrustedText(publishers.join(', '))})_` : '';
  return `**${when}** — ${untrustedText(truncateAtWord(e.text.replace(/\s+/g, ' '), EVENT_CHARS))}${by}`;
}

/** "Timeline — topic, from 2024 to 2025" */
export function timelineTitle(options: TimelineOptions): string {
  const parts = [options.topic ? `“${truncateAtWord(options.topic, 80)}”` : undefined, options.from ? `from ${options.from}` : undefined, options.to ? `to ${options.to}` : undefined].filter(Boolean);
  return `🗓️ **Timeline${parts.length > 0 ? ` — ${untrustedText(parts.join(' '))}` : ''}**`;
}

/**
 * The timeline as Discord pages: one event per line, at most ten events and well under 2000
 * characters per page, each page headed by the title and "page n/N".
 */
export function timelinePages(timeline: Timeline, options: TimelineOptions): string[] {
  const title = timelineTitle(options);
  if (timeline.events.length === 0) {
    return [`${title}\nNo dated events found${options.topic || options.from || options.to ? ' for that topic or range' : ''}. Try a broader topic or range, or check /sources.`];
  }
  const bodies: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const e of timeline.events) {
    const line = eventLine(e);
    if (current.length > 0 && (current.length >= EVENTS_PER_PAGE || size + line.length + 1 > PAGE_CHARS)) {
      bodies.push(current);
      current = [];
      size = 0;
    }
    current.push(line);
    size += line.length + 1;
  }
  if (current.length > 0) bodies.push(current);
  const count = `${timeline.events.length} event${timeline.events.length === 1 ? '' : 's'}`;
  return bodies.map((lines, i) => `${title} · ${count}${bodies.length > 1 ? ` · page ${i + 1}/${bodies.length}` : ''}\n${lines.join('\n')}`);
}
