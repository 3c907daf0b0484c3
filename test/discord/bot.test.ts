import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app.js';
import type { Engine, IndexProgress, ReindexOutcome } from '../../src/engine/Engine.js';
import { DISCORD_LIMITS, embedLength } from '../../src/discord/replies.js';
import { startHarness, type Harness } from '../support/fakeDiscord/botHarness.js';
import type { RecordedRequest } from '../support/fakeDiscord/FakeDiscord.js';
import { ALL_PERMISSIONS, user } from '../support/fakeDiscord/payloads.js';

/**
 * End to end: the unmodified discord.js client, a local Discord speaking the real protocol, and the
 * REAL engine from `createApp` over a temp copy of the real seeds with offline embeddings.
 */

const EPHEMERAL = 1 << 6;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let h: Harness;
let tmp: string;
let engine: Engine;
/** Holds /reindex at its start until the test releases it, so "during a reindex" is deterministic. */
let releaseReindex: (() => void) | undefined;
/** For each question the engine was asked, how many requests fake Discord had received by then. */
const requestsWhenAsked = new Map<string, number>();

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'dossier-bot-e2e-'));
  await cp(path.resolve('seeds'), path.join(tmp, 'seeds'), { recursive: true });
  h = await startHarness(
    async (config, logger) => {
      const app = await createApp(config, { logger });
      engine = app.engine;
      // The real engine, with reindex held at the starting line until the test says go.
      return new Proxy(app.engine, {
        get(target, prop, receiver) {
          if (prop === 'reindex') {
            return async (onProgress?: (p: IndexProgress) => void): Promise<ReindexOutcome> => {
              await new Promise<void>((resolve) => (releaseReindex = resolve));
              return target.reindex(onProgress);
            };
          }
          if (prop === 'reindexing') return releaseReindex !== undefined || target.reindexing;
          if (prop === 'ask') {
            return (question: string, options?: Parameters<Engine['ask']>[1]) => {
              requestsWhenAsked.set(question, h.fake.requests.length);
              return target.ask(question, options);
            };
          }
          const value: unknown = Reflect.get(target, prop, receiver);
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
    },
    {
      env: {
        SEEDS_DIR: path.join(tmp, 'seeds'),
        EMBEDDINGS_DIR: path.join(tmp, 'embeddings'),
        DISCORD_ADMIN_USER_IDS: '200000000000000777',
        DISCORD_RATE_LIMIT: '100',
        LOG_LEVEL: 'info',
      },
    },
  );
}, 120_000);
afterAll(async () => {
  await h?.close();
  await rm(tmp, { recursive: true, force: true });
});

const alice = user('200000000000000001', 'alice');
const replyTo = (messageId: string) => (r: RecordedRequest) =>
  r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && (r.body?.message_reference as { message_id?: string } | undefined)?.message_id === messageId;
const mention = (text: string) => `<@${h.fake.bot.id}> ${text}`;
const embedsOf = (r: RecordedRequest) => (r.body?.embeds ?? []) as Array<{ title?: string; description?: string; footer?: { text: string } }>;

function expectWithinLimits(r: RecordedRequest): void {
  expect(String(r.body?.content ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  const embeds = embedsOf(r);
  expect(embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
  expect(embeds.reduce((n, e) => n + embedLength(e as never), 0)).toBeLessThanOrEqual(DISCORD_LIMITS.embedCharsPerMessage);
  for (const e of embeds) expect(e.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
}

async function ask(question: string, as = alice): Promise<RecordedRequest> {
  const { token } = h.fake.slashCommand('ask', { question }, { user: as });
  const defer = await h.fake.waitForRequest((r) => r.path.endsWith('/callback') && r.path.includes(token));
  expect(defer.body?.type).toBe(5);
  const edit = await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token), { timeoutMs: 20_000 });
  // Discord drops interactions not acknowledged within 3 s: the bot defers before any work, so the
  // deferral had reached Discord before the engine was asked.
  expect(h.fake.requests.indexOf(defer)).toBeLessThan(requestsWhenAsked.get(question) ?? -1);
  return edit;
}

describe('/ask', () => {
  it('answers with numbered citations and the quoted sources as embeds, within Discord limits', async () => {
    const edit = await ask('Who will lead the working group implementing the Trump Corridor?');
    const content = String(edit.body?.content);
    expect(content).toContain('Sonata Coulter');
    expect(content).toMatch(/\[1\]/);
    expectWithinLimits(edit);
    const embeds = embedsOf(edit);
    expect(embeds[0]?.title).toMatch(/^\[1\] /);
    expect(embeds.some((e) => e.footer?.text.includes('001_85d2b148091b6640.txt'))).toBe(true);
    // The quote is the article's own words.
    const article = await readFile(path.join(tmp, 'seeds', '001_85d2b148091b6640.txt'), 'utf8');
    const cited = embeds.find((e) => e.footer?.text.includes('001_85d2b148091b6640.txt'));
    const firstWords = (cited?.description ?? '').replace(/^> /, '').replace(/\\/g, '').split(' ').slice(0, 6).join(' ');
    expect(article.replace(/\s+/g, ' ')).toContain(firstWords);
    expect(JSON.stringify(edit.body?.components)).toContain('fb:up:');
  });

  it('says it does not know when the articles do not say, rather than inventing', async () => {
    const edit = await ask('What is the capital of Australia?');
    expect(String(edit.body?.content)).not.toMatch(/Canberra/);
    expectWithinLimits(edit);
  });
});

describe('mentions and follow-ups', () => {
  it('a mention gets a reply to that message; a reply to the answer is a follow-up with context', async () => {
    const question = h.fake.postMessage(mention('Who leads the working group?'));
    const reply = await h.fake.waitForRequest(replyTo(question), { timeoutMs: 20_000 });
    expect(String(reply.body?.content)).toContain('Sonata Coulter');
    expectWithinLimits(reply);

    // On its own, "When was that?" finds nothing to go on...
    const alone = h.fake.postMessage(mention('When was that?'));
    const aloneReply = await h.fake.waitForRequest(replyTo(alone), { timeoutMs: 20_000 });
    expect(embedsOf(aloneReply)).toEqual([]);

    // ...as a reply to the working-group answer it is resolved against that conversation.
    const answerId = [...h.fake.messages.values()].filter((m) => String(m.content).includes('Sonata Coulter')).at(-1)?.id ?? '';
    await vi.waitFor(() => expect(h.bot.context.conversations.has(answerId)).toBe(true), { timeout: 15_000 });
    const followUp = h.fake.postMessage('When was that?', { replyTo: answerId });
    const second = await h.fake.waitForRequest(replyTo(followUp), { timeoutMs: 20_000 });
    expectWithinLimits(second);
    const sources = embedsOf(second).map((e) => e.footer?.text ?? '');
    expect(sources.length).toBeGreaterThan(0);
    // The article that answered the first question comes first (see DossierEngine.test.ts).
    expect(sources[0]).toContain('001_85d2b148091b6640.txt');
  });

  it('a follow-up in the thread opened from an answer uses the conversation', async () => {
    const { token } = h.fake.slashCommand('ask', { question: 'Who leads the working group?' }, { user: alice });
    await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token), { timeoutMs: 20_000 });
    const answer = [...h.fake.messages.values()].filter((m) => m.webhook_id && String(m.content).includes('Who leads the working group?')).at(-1);
    expect(String(answer?.content)).toContain('Sonata Coulter');
    const button = JSON.stringify(answer?.components).match(/"custom_id":"(th:[^"]+)"/)?.[1] ?? '';
    h.fake.clickButton(answer?.id ?? '', button);
    const threadId = answer?.id ?? '';
    await vi.waitFor(() => expect(h.bot.context.conversations.has(threadId)).toBe(true), { timeout: 15_000 });
    // The same bare follow-up that finds nothing on its own (previous test) is resolved in the thread.
    const q = h.fake.postMessage(mention('When was that?'), { channelId: threadId });
    const reply = await h.fake.waitForRequest(replyTo(q), { timeoutMs: 20_000 });
    expect(reply.path).toBe(`/channels/${threadId}/messages`);
    const sources = embedsOf(reply).map((e) => e.footer?.text ?? '');
    expect(sources.length).toBeGreaterThan(0);
    // The article that answered the first question comes first (see DossierEngine.test.ts).
    expect(sources[0]).toContain('001_85d2b148091b6640.txt');
  });
});

describe('/timeline and /sources', () => {
  it('sends the dated events of the real articles with a PNG attached (one page: no ◀ ▶)', async () => {
    const { token } = h.fake.slashCommand('timeline', {}, { user: alice });
    const edit = await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token), { timeoutMs: 20_000 });
    const page = String(edit.body?.content);
    expect(page).toMatch(/^🗓️ \*\*Timeline\*\* · \d+ events\n/);
    expect(page.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    // In date order, at the precision the articles give, with who reported it.
    expect(page).toContain('**17 Jun 2024** — Armenian Foreign Minister Ararat Mirzoyan met with US Deputy Secretary of State');
    expect(page).toContain('**7–8 Aug 2025**');
    expect(page.indexOf('17 Jun 2024')).toBeLessThan(page.indexOf('7–8 Aug 2025'));
    expect(page).toContain('_(Caliber.Az)_');
    const png = edit.files.find((f) => f.name === 'timeline.png');
    expect(png?.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png?.bytes.length).toBeGreaterThan(5_000);
    expect(edit.body?.components).toEqual([]);
  });

  it('filters by topic and date range, and rejects a malformed date privately', async () => {
    const { token } = h.fake.slashCommand('timeline', { topic: 'peace agreement', from: '2025-08', to: '2025-12' }, { user: alice });
    const edit = await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token), { timeoutMs: 20_000 });
    expect(String(edit.body?.content)).toMatch(/^🗓️ \*\*Timeline — “peace agreement” from 2025-08 to 2025-12\*\*/);
    expect(String(edit.body?.content)).not.toMatch(/\b2024\*\*/);

    const bad = h.fake.slashCommand('timeline', { from: 'last tuesday' }, { user: alice });
    const reply = await h.fake.waitForRequest((r) => r.path.includes(bad.token));
    expect(Number((reply.body?.data as { flags?: number }).flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(JSON.stringify(reply.body)).toContain('must be a date like 2024, 2024-06 or 2024-06-17');
  });

  it('/sources lists the five articles with publisher, date and passage counts', async () => {
    const { token } = h.fake.slashCommand('sources', {}, { user: alice });
    const reply = await h.fake.waitForRequest((r) => r.path.includes(token));
    const content = String((reply.body?.data as { content?: string }).content);
    expect(content).toMatch(/^\*\*5 indexed articles\*\* \(\d+ passages\)/);
    expect(content.match(/ passages?\b/g)?.length).toBe(6);
    expect(content).toContain('2025-11');
  });
});

describe('/reindex', () => {
  it('is refused privately for a member without Manage Server', async () => {
    const { token } = h.fake.slashCommand('reindex', {}, { user: user('200000000000000555', 'mallory') });
    const reply = await h.fake.waitForRequest((r) => r.path.includes(token));
    expect(reply.body?.type).toBe(4);
    expect(Number((reply.body?.data as { flags?: number }).flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(JSON.stringify(reply.body)).toMatch(/Only members with \*\*Manage Server\*\*/);
  });

  it('runs for an admin with progress edits, refuses a second run, and /ask keeps answering meanwhile', async () => {
    await writeFile(
      path.join(tmp, 'seeds', '009_added.txt'),
      'Dossier Test Gazette\n\nThe zebra crossing committee of Yerevan will be chaired by Anahit Karapetyan, officials said on Monday. The committee meets every Thursday.\n',
    );
    const before = await ask('Who will chair the zebra crossing committee of Yerevan?');
    expect(String(before.body?.content)).not.toContain('Anahit Karapetyan');

    const run = h.fake.slashCommand('reindex', {}, { user: user('200000000000000666', 'owner'), permissions: ALL_PERMISSIONS });
    await vi.waitFor(() => expect(releaseReindex).toBeDefined());
    // While it runs: a second /reindex (by a configured admin user without Manage Server) is refused politely...
    const second = h.fake.slashCommand('reindex', {}, { user: user('200000000000000777', 'admin') });
    const refusal = await h.fake.waitForRequest((r) => r.path.includes(second.token));
    expect(JSON.stringify(refusal.body)).toMatch(/already running/);
    // ...and questions are still answered, from the old index.
    const during = await ask('Who will lead the working group implementing the Trump Corridor?');
    expect(String(during.body?.content)).toContain('Sonata Coulter');

    const release = releaseReindex;
    releaseReindex = undefined;
    release?.();
    const done = await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(run.token) && /Index rebuilt/.test(String(r.body?.content)), { timeoutMs: 30_000 });
    expect(String(done.body?.content)).toMatch(/Added 1, changed 0, removed 0, unchanged 5/);
    const edits = h.fake.requests.filter((r) => r.method === 'PATCH' && r.path.includes(run.token));
    expect(edits.some((r) => /Reindexing/.test(String(r.body?.content)))).toBe(true);
    expect(engine.reindexing).toBe(false);

    const after = await ask('Who will chair the zebra crossing committee of Yerevan?');
    expect(String(after.body?.content)).toContain('Anahit Karapetyan');
  });
});
