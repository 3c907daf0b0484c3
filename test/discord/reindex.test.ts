import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { IndexProgress, IndexReport, ReindexOutcome } from '../../src/engine/Engine.js';
import { startHarness, type Harness } from '../support/fakeDiscord/botHarness.js';
import type { RecordedRequest } from '../support/fakeDiscord/FakeDiscord.js';
import { ALL_PERMISSIONS, user } from '../support/fakeDiscord/payloads.js';
import { StubEngine } from '../support/fakeDiscord/StubEngine.js';

/**
 * Who may run /reindex and how progress is shown, with a scripted engine whose progress events
 * are controlled exactly (bot.test.ts runs /reindex on the real engine).
 */

const EPHEMERAL = 1 << 6;
const report: IndexReport = { reused: ['a', 'b'], added: ['c'], changed: [], removed: [], skipped: [{ source: 'seeds/bad.txt', reason: 'not UTF-8' }], passages: 42, embedded: 7, seconds: 1.25 };
let h: Harness;
let engine: StubEngine;
beforeAll(async () => {
  h = await startHarness(
    async () => {
      engine = new StubEngine();
      return engine;
    },
    { env: (fake) => ({ DISCORD_ADMIN_ROLE_IDS: fake.adminRoleId }) },
  );
});
afterAll(async () => h?.close());

const contentOf = (r: RecordedRequest) => String(r.body?.content ?? (r.body?.data as { content?: string } | undefined)?.content ?? '');

it.each([
  ['a member without Manage Server', {}],
  ['a member with an unrelated role', { roles: ['300000000000000099'] }],
])('refuses %s privately, without touching the index', async (_name, as) => {
  let called = false;
  engine.reindex = async () => {
    called = true;
    return { kind: 'busy' };
  };
  const { token } = h.fake.slashCommand('reindex', {}, { user: user('200000000000000555', 'mallory'), ...as });
  const reply = await h.fake.waitForRequest((r) => r.path.includes(token));
  expect(Number((reply.body?.data as { flags?: number }).flags) & EPHEMERAL).toBe(EPHEMERAL);
  expect(contentOf(reply)).toMatch(/Only members with \*\*Manage Server\*\*/);
  expect(called).toBe(false);
});

it('runs for a configured admin role, editing its private reply with throttled progress and a summary', async () => {
  // The edits are throttled by the clock (Date): the scripted build moves it on 30 ms every 20 events instead of taking that long.
  vi.useFakeTimers({ toFake: ['Date'] });
  engine.reindex = async (onProgress?: (p: IndexProgress) => void): Promise<ReindexOutcome> => {
    for (let i = 0; i <= 200; i++) {
      onProgress?.({ phase: 'embedding', done: i, total: 200 });
      if (i % 20 === 0) vi.advanceTimersByTime(30);
    }
    onProgress?.({ phase: 'done', done: 200, total: 200 });
    return { kind: 'done', report };
  };
  const { token } = h.fake.slashCommand('reindex', {}, { user: user('200000000000000556', 'mod'), roles: [h.fake.adminRoleId] });
  const done = await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token) && contentOf(r).includes('Index rebuilt')).finally(() => vi.useRealTimers());
  const defer = h.fake.requests.find((r) => r.path.includes(token) && r.path.endsWith('/callback'));
  expect(defer?.body).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
  expect(contentOf(done)).toBe(
    '✅ Index rebuilt in 1.3 s: 3 articles, 42 passages (7 embedded now).\nAdded 1, changed 0, removed 0, unchanged 2.\n⚠️ Skipped seeds/bad.txt: not UTF-8',
  );
  const progress = h.fake.requests.filter((r) => r.method === 'PATCH' && r.path.includes(token) && /Embedding passages… \d+\/200/.test(contentOf(r)));
  // 202 progress events over 330 ms of clock with a 50 ms throttle: the first event after 50 ms have passed since the
  // last edit (the opening one at 0 ms) is shown, at 60, 120, 180, 240 and 300 ms: five edits, not hundreds.
  expect(progress.map((r) => /\d+\/200/.exec(contentOf(r))?.[0])).toEqual(['21/200', '61/200', '101/200', '141/200', '181/200']);
});

it('refuses politely when the engine reports a reindex already running (e.g. from the CLI)', async () => {
  engine.reindex = async () => ({ kind: 'busy' });
  const { token } = h.fake.slashCommand('reindex', {}, { user: user('200000000000000557', 'owner'), permissions: ALL_PERMISSIONS });
  const reply = await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token) && /already running/.test(contentOf(r)));
  expect(contentOf(reply)).toMatch(/I keep answering from the current index/);
});
