import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TimelineEvent, TimelineOptions } from '../../src/timeline/TimelineEvent.js';
import { startHarness, type Harness } from '../support/fakeDiscord/botHarness.js';
import type { RecordedRequest } from '../support/fakeDiscord/FakeDiscord.js';
import { StubEngine } from '../support/fakeDiscord/StubEngine.js';

/**
 * /timeline paging and the PNG over the wire, with a scripted engine so the number of events (and
 * so of pages) is exact. bot.test.ts runs /timeline on the real engine and seeds.
 */

const EPHEMERAL = 1 << 6;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
let h: Harness;
let engine: StubEngine;
const seen: TimelineOptions[] = [];

const event = (i: number): TimelineEvent => ({
  date: `2025-${String((i % 12) + 1).padStart(2, '0')}-10`,
  precision: 'day',
  yearless: false,
  kind: 'event',
  text: `Event ${i}: talks continued in Washington with <@123456789012345678> and @everyone watching.`,
  actors: ['Washington'],
  sources: [{ source: 'seeds/000_a.txt', title: 'T', publisher: 'Reuters', date: '2025-08-08', quote: 'q', start: 0, end: 1 }],
});

beforeAll(async () => {
  h = await startHarness(async () => {
    engine = new StubEngine();
    engine.timeline = async (options?: TimelineOptions) => {
      seen.push(options ?? {});
      return { events: Array.from({ length: 25 }, (_, i) => event(i)) };
    };
    return engine;
  });
});
afterAll(async () => h?.close());

const contentOf = (r: RecordedRequest) => String(r.body?.content ?? (r.body?.data as { content?: string } | undefined)?.content ?? '');

it('sends page 1 of 3 with ◀ ▶ and the PNG, passes the filters, and pages with ▶ keeping the image', async () => {
  const { token } = h.fake.slashCommand('timeline', { topic: 'talks', from: '2025-01', to: '2025-12-31' });
  const edit = await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token));
  expect(seen.at(-1)).toEqual({ topic: 'talks', from: '2025-01', to: '2025-12-31' });
  expect(contentOf(edit)).toMatch(/^🗓️ \*\*Timeline — “talks” from 2025-01 to 2025-12-31\*\* · 25 events · page 1\/3\n\*\*10 Jan 2025\*\* — Event 0/);
  expect(edit.body?.allowed_mentions).toEqual({ parse: [], replied_user: false });
  expect(edit.files).toHaveLength(1);
  expect(edit.files[0]?.name).toBe('timeline.png');
  expect(edit.files[0]?.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  const buttons = JSON.stringify(edit.body?.components);
  const row = (edit.body?.components as Array<{ components: Array<{ custom_id: string; disabled?: boolean; label?: string }> }>)[0]?.components ?? [];
  expect(row.map((b) => [b.label ?? null, Boolean(b.disabled)])).toEqual([
    [null, true],
    ['1 / 3', true],
    [null, false],
  ]);

  const message = [...h.fake.messages.values()].find((m) => String(m.content).includes('page 1/3'));
  const next = buttons.match(/"custom_id":"(tl:\d+:1)"/)?.[1] ?? '';
  const click = h.fake.clickButton(message?.id ?? '', next);
  const update = await h.fake.waitForRequest((r) => r.path.includes(click.token));
  expect(update.body?.type).toBe(7);
  expect(contentOf(update)).toMatch(/page 2\/3\n\*\*10 Nov 2025\*\* — Event 10/);
  expect((update.body?.data as { attachments?: unknown }).attachments).toBeUndefined();
  expect(message?.attachments).toHaveLength(1);
  expect(JSON.stringify((update.body?.data as { components?: unknown }).components)).toContain('"label":"2 / 3"');
});

it('a page button from before a restart answers privately instead of failing', async () => {
  const message = [...h.fake.messages.values()].find((m) => String(m.content).includes('page'));
  const click = h.fake.clickButton(message?.id ?? '', 'tl:1234567890:2');
  const reply = await h.fake.waitForRequest((r) => r.path.includes(click.token));
  expect(Number((reply.body?.data as { flags?: number }).flags) & EPHEMERAL).toBe(EPHEMERAL);
  expect(contentOf(reply)).toMatch(/This timeline has expired/);
});

it.each([
  [{ from: 'yesterday' }, /`from` must be a date like 2024, 2024-06 or 2024-06-17/],
  [{ to: '2025-13' }, /`to` must be a date/],
  [{ from: '2025', to: '2024' }, /`from` \(2025\) is after `to` \(2024\)/],
])('rejects %o privately', async (options, message) => {
  const { token } = h.fake.slashCommand('timeline', options);
  const reply = await h.fake.waitForRequest((r) => r.path.includes(token));
  expect(reply.body?.type).toBe(4);
  expect(Number((reply.body?.data as { flags?: number }).flags) & EPHEMERAL).toBe(EPHEMERAL);
  expect(contentOf(reply)).toMatch(message);
});
