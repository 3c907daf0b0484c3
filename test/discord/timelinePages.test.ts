import { expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/timeline/TimelineEvent.js';
import { timelinePages } from '../../src/discord/timelinePages.js';

const event = (i: number, text = `Event number ${i} happened in the region.`): TimelineEvent => ({
  date: `2025-08-${String((i % 28) + 1).padStart(2, '0')}`,
  precision: 'day',
  yearless: false,
  kind: 'event',
  text,
  actors: [],
  sources: [{ source: 'seeds/000_a.txt', title: 'T', publisher: 'Reuters', date: '2025-08-08', quote: text, start: 0, end: 1 }],
});

it.each([
  ['one event', 1, 1],
  ['ten events fit on one page', 10, 1],
  ['eleven need two', 11, 2],
  ['95 events', 95, 10],
])('%s -> %i page(s), each under 2000 chars with page numbers', (_name, n, pages) => {
  const out = timelinePages({ events: Array.from({ length: n }, (_, i) => event(i)) }, { topic: 'TRIPP' });
  expect(out).toHaveLength(pages);
  for (const [i, p] of out.entries()) {
    expect(p.length).toBeLessThanOrEqual(2000);
    expect(p.startsWith('🗓️ **Timeline — “TRIPP”**')).toBe(true);
    if (pages > 1) expect(p).toContain(`page ${i + 1}/${pages}`);
  }
});

it('keeps pages short even when every event is very long', () => {
  const out = timelinePages({ events: Array.from({ length: 30 }, (_, i) => event(i, 'long words '.repeat(300))) }, {});
  for (const p of out) expect(p.length).toBeLessThanOrEqual(2000);
});

it('shows the date at its precision and who reported it', () => {
  const [page] = timelinePages({ events: [event(7)] }, {});
  expect(page).toContain('**8 Aug 2025** — Event number 7 happened in the region. _(Reuters)_');
});

it('says so when nothing matches', () => {
  expect(timelinePages({ events: [] }, { topic: 'Mars' })[0]).toContain('No dated events found for that topic or range');
});
