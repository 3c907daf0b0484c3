import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DossierError } from '../../src/errors.js';
import { FeedbackStore } from '../../src/discord/FeedbackStore.js';
import { startHarness, type Harness } from '../support/fakeDiscord/botHarness.js';
import type { RecordedRequest } from '../support/fakeDiscord/FakeDiscord.js';
import { user } from '../support/fakeDiscord/payloads.js';
import { StubEngine } from '../support/fakeDiscord/StubEngine.js';

/**
 * How the Discord surface behaves under failure and abuse, over the real discord.js client and a
 * local Discord. The engine is a scripted implementation of our own Engine interface because these
 * tests are about the surface (what the answer says is covered in bot.test.ts with the real engine).
 */

const EPHEMERAL = 1 << 6;
let h: Harness;
let engine: StubEngine;

beforeAll(async () => {
  h = await startHarness(
    async () => {
      engine = new StubEngine();
      return engine;
    },
    { env: { DISCORD_RATE_LIMIT: '3', DISCORD_RATE_WINDOW_SECONDS: '60' }, heartbeatInterval: 1000 },
  );
});
afterAll(async () => h?.close());

let userSeq = 300;
/** A fresh user per test, so the rate limit of one test does not leak into another. */
const freshUser = () => user(`2000000000000${userSeq++}`, `user${userSeq}`);

const onToken = (token: string) => (r: RecordedRequest) => r.path.includes(token);
const ephemeralText = (r: RecordedRequest) => ((Number(r.body?.flags ?? (r.body?.data as { flags?: number } | undefined)?.flags ?? 0) & EPHEMERAL) !== 0 ? String((r.body?.data as { content?: string } | undefined)?.content ?? r.body?.content ?? '') : undefined);

async function askAndWait(question: string, as = freshUser()): Promise<{ token: string; edit: RecordedRequest }> {
  const { token } = h.fake.slashCommand('ask', { question }, { user: as });
  const edit = await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token) && r.status === 200);
  return { token, edit };
}

describe('failures', () => {
  it('an interaction that throws gets a private error, and the bot serves the next one', async () => {
    engine.answerFor = () => {
      throw new Error('boom: the engine fell over');
    };
    const { token } = h.fake.slashCommand('ask', { question: 'Will this fail?' }, { user: freshUser() });
    const followUp = await h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/webhooks/${h.fake.applicationId}/${token}`);
    expect(ephemeralText(followUp)).toMatch(/^Something went wrong on my side\. It has been logged; please try again\. \(ref [0-9a-f]{6}\)$/);
    // The public "thinking…" placeholder is removed rather than left hanging.
    expect(h.fake.requests.some((r) => r.method === 'DELETE' && r.path.includes(token))).toBe(true);
    expect(h.logs.join('')).toContain('boom: the engine fell over');

    engine.answerFor = new StubEngine().answerFor;
    const { edit } = await askAndWait('And now?');
    expect(edit.body?.content).toContain('Stub answer to: And now?');
  });

  it.each([
    ['an empty question', '   ', /Please ask a question/],
    ['a question over MAX_QUESTION_CHARS', 'why '.repeat(400), /limit is 1000/],
  ])('%s gets a clear private message and never reaches the engine', async (_name, question, message) => {
    const asked = engine.asked.length;
    const { token } = h.fake.slashCommand('ask', { question }, { user: freshUser() });
    const reply = await h.fake.waitForRequest((r) => r.path.includes(token) && r.path.endsWith('/callback'));
    expect(reply.body?.type).toBe(4);
    expect(ephemeralText(reply)).toMatch(message);
    expect(engine.asked.length).toBe(asked);
  });

  it('an unknown command is answered privately instead of timing out', async () => {
    const { token } = h.fake.slashCommand('summon', {}, { user: freshUser() });
    const reply = await h.fake.waitForRequest((r) => r.path.includes(token) && r.path.endsWith('/callback'));
    expect(ephemeralText(reply)).toMatch(/no longer know that command/);
  });
});

describe('limits', () => {
  it('holds the per-user rate limit with a friendly wait time, per user', async () => {
    const spammer = freshUser();
    for (let i = 0; i < 3; i++) await askAndWait(`Question ${i}?`, spammer);
    const { token } = h.fake.slashCommand('ask', { question: 'One more?' }, { user: spammer });
    const reply = await h.fake.waitForRequest((r) => r.path.includes(token) && r.path.endsWith('/callback'));
    expect(ephemeralText(reply)).toMatch(/please try again in (59|60) s/);
    // Someone else is not affected.
    const { edit } = await askAndWait('Me too?');
    expect(edit.body?.content).toContain('Stub answer');
  });

  it('checks the input before the rate limit: a mistyped question or date costs no turn', async () => {
    const careful = freshUser();
    for (const [command, options] of [['ask', { question: '   ' }], ['timeline', { from: 'last spring' }], ['ask', { question: ' \u0007 ' }]] as const) {
      const { token } = h.fake.slashCommand(command, options, { user: careful });
      const reply = await h.fake.waitForRequest((r) => r.path.includes(token) && r.path.endsWith('/callback'));
      expect(ephemeralText(reply)).not.toMatch(/try again in/);
    }
    // All three turns are still there.
    for (let i = 0; i < 3; i++) expect((await askAndWait(`Question ${i}?`, careful)).edit.body?.content).toContain('Stub answer');
  });

  it('holds the same limit for mentions, replying with the wait time', async () => {
    const spammer = freshUser();
    const replyTo = (id: string) => (r: RecordedRequest) => r.method === 'POST' && (r.body?.message_reference as { message_id?: string } | undefined)?.message_id === id;
    for (let i = 0; i < 3; i++) await h.fake.waitForRequest(replyTo(h.fake.postMessage(`<@${h.fake.bot.id}> question ${i}?`, { author: spammer })));
    const limited = await h.fake.waitForRequest(replyTo(h.fake.postMessage(`<@${h.fake.bot.id}> again?`, { author: spammer })));
    expect(limited.body?.content).toMatch(/please try again in (59|60) s/);
    expect(engine.asked.some((a) => a.question === 'again?')).toBe(false);
  });

  it('pings nobody: @everyone and user mentions in the question and the answer are inert on the wire', async () => {
    engine.answerFor = (question) => ({
      kind: 'answered',
      question,
      text: 'The article says @everyone and <@123456789012345678> and <@&876543210987654321> were told [1].',
      citations: [{ n: 1, source: 'seeds/000_a.txt', title: '@here news', publisher: 'Reuters', date: null, quote: 'Hey @everyone <@123456789012345678>', start: 0, end: 1, passageId: 'x' }],
      mode: 'extractive',
    });
    const before = h.fake.requests.length;
    const { edit } = await askAndWait('@everyone who is <@123456789012345678>?');
    const mentionId = h.fake.postMessage(`<@${h.fake.bot.id}> @everyone ping <@123456789012345678>?`, { author: freshUser() });
    await h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${h.fake.channelId}/messages` && (r.body?.message_reference as { message_id?: string } | undefined)?.message_id === mentionId, { after: before });
    engine.answerFor = new StubEngine().answerFor;
    // Shown, but broken by a zero-width space: it neither pings nor renders as a mention.
    const content = String(edit.body?.content ?? '');
    expect(content).not.toContain('@everyone');
    expect(content.replace(/\u200b/g, '')).toContain('@everyone');
    const writes = h.fake.messageWrites();
    expect(writes).toContain(edit);
    expect(writes.some((w) => w.method === 'POST' && w.path.startsWith('/channels/'))).toBe(true);
    for (const w of writes) {
      const body = (w.body?.type === 4 || w.body?.type === 7 ? w.body.data : w.body) as { allowed_mentions?: unknown };
      expect(body.allowed_mentions, `${w.method} ${w.path}`).toEqual({ parse: [], replied_user: false });
    }
  });
});

describe('network trouble', () => {
  it('resumes after the Gateway drops the connection, replays what it missed, and keeps answering', async () => {
    const resumes = h.fake.gateway.stats.resumes;
    h.fake.gateway.drop({ code: 4000 });
    // Sent while disconnected: delivered on RESUME (Discord replays missed dispatches).
    const { token } = h.fake.slashCommand('ask', { question: 'Are you back?' }, { user: freshUser() });
    const edit = await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token), { timeoutMs: 20_000 });
    expect(edit.body?.content).toContain('Are you back?');
    expect(h.fake.gateway.stats.resumes).toBe(resumes + 1);
  });

  it('reconnects after an abrupt TCP drop', async () => {
    const resumes = h.fake.gateway.stats.resumes;
    h.fake.gateway.drop('terminate');
    const { token } = h.fake.slashCommand('ask', { question: 'Still there?' }, { user: freshUser() });
    await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token), { timeoutMs: 20_000 });
    expect(h.fake.gateway.stats.resumes).toBe(resumes + 1);
  });

  it('after a close that ends the session (4009 session timed out) it identifies afresh and keeps answering', async () => {
    const identifies = h.fake.gateway.stats.identifies;
    // discord.js spaces identifies 5 s apart (max_concurrency 1), as Discord requires, timed by Date.now(): the
    // clock runs 6 s ahead (at its normal pace) so that gap has passed, instead of the test waiting it out.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 6_000, shouldAdvanceTime: true });
    try {
      h.fake.gateway.drop({ code: 4009 });
      await vi.waitFor(() => expect(h.fake.gateway.stats.identifies).toBe(identifies + 1), { timeout: 15_000, interval: 100 });
      await vi.waitFor(() => expect(h.bot.client.isReady()).toBe(true), { timeout: 15_000 });
      const { edit } = await askAndWait('New session?');
      expect(edit.body?.content).toContain('New session?');
    } finally {
      vi.useRealTimers();
    }
  }, 30_000);

  it('heartbeats are sent and acknowledged (the connection is not treated as a zombie)', async () => {
    // The fake Gateway asks for one every second: wait for the next rather than for a fixed time.
    const before = h.fake.gateway.stats.heartbeats;
    await vi.waitFor(() => expect(h.fake.gateway.stats.heartbeats).toBeGreaterThan(before), { timeout: 5_000, interval: 50 });
    expect(h.bot.client.isReady()).toBe(true);
  });

  it('honours a REST 429 with Retry-After: waits, retries, succeeds', async () => {
    const asker = freshUser();
    h.fake.rateLimitOnce('PATCH', /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/, 1);
    const { token, edit } = await askAndWait('Rate limited?', asker);
    const attempts = h.fake.requests.filter((r) => r.method === 'PATCH' && r.path.includes(token));
    expect(attempts.map((r) => r.status)).toEqual([429, 200]);
    // The client waited the Retry-After (1 s) before the retry, and the bot logged that it did.
    const waits = h.logs.map((l) => JSON.parse(l) as { msg?: string; retryAfterMs?: number }).filter((l) => l.msg === 'Discord rate limit hit; waiting');
    expect(waits.at(-1)?.retryAfterMs).toBeGreaterThanOrEqual(1000);
    expect(edit.body?.content).toContain('Rate limited?');
  });
});

describe('feedback', () => {
  it('records 👍 with question, answer, sources, user and time in a file that survives restarts', async () => {
    const voter = freshUser();
    const { token } = await askAndWait('Who leads the working group?', voter);
    const original = [...h.fake.messages.values()].find((m) => String(m.content).includes('Who leads the working group?'));
    expect(original).toBeDefined();
    const button = JSON.stringify(original?.components).match(/"custom_id":"(fb:up:[^"]+)"/)?.[1] ?? '';
    const click = h.fake.clickButton(original?.id ?? '', button, { user: voter });
    const ack = await h.fake.waitForRequest(onToken(click.token));
    expect(ephemeralText(ack)).toMatch(/Recorded 👍/);
    const store = new FeedbackStore(path.join(h.dataDir, 'feedback.jsonl'));
    const { entries } = await store.read();
    expect(entries.at(-1)).toMatchObject({
      vote: 'up',
      question: 'Who leads the working group?',
      answer: 'Stub answer to: Who leads the working group? [1]',
      sources: [{ n: 1, source: 'seeds/000_a.txt', title: 'A title', quote: 'A quoted sentence.' }],
      userId: voter.id,
      guildId: h.fake.guildId,
    });
    expect(Date.parse(entries.at(-1)?.at ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(token).toBeTruthy();
  });

  it('after a restart (answer no longer in memory) records 👎 from what the message shows', async () => {
    const voter = freshUser();
    const { token } = await askAndWait('What did the ministry say?', voter);
    const original = [...h.fake.messages.values()].find((m) => String(m.content).includes('What did the ministry say?'));
    const button = JSON.stringify(original?.components).match(/"custom_id":"(fb:down:[^"]+)"/)?.[1] ?? '';
    h.bot.context.answers.delete(button.split(':')[2] ?? '');
    const click = h.fake.clickButton(original?.id ?? '', button, { user: voter });
    await h.fake.waitForRequest(onToken(click.token));
    const { entries } = await new FeedbackStore(path.join(h.dataDir, 'feedback.jsonl')).read();
    expect(entries.at(-1)).toMatchObject({
      vote: 'down',
      question: 'What did the ministry say?',
      answer: 'Stub answer to: What did the ministry say? [1]',
      sources: [{ n: 1, title: 'A title', quote: 'A quoted sentence.' }],
      userId: voter.id,
    });
    expect(token).toBeTruthy();
  });
});

describe('secrets', () => {
  it('the token never appears in log output, while it was sent to Discord', async () => {
    // Trigger the logging paths: an error with an interaction token in its URL, a failed edit.
    engine.answerFor = () => {
      throw new DossierError('INTERNAL', `failed while using ${h.fake.token}`);
    };
    const { token } = h.fake.slashCommand('ask', { question: 'leak?' }, { user: freshUser() });
    await h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/webhooks/${h.fake.applicationId}/${token}`);
    engine.answerFor = new StubEngine().answerFor;
    const logs = h.logs.join('');
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).toContain('[redacted]');
    expect(logs).not.toContain(h.fake.token);
    expect(h.fake.requests.some((r) => r.authorization === `Bot ${h.fake.token}`)).toBe(true);
    expect(await readFile(path.join(h.dataDir, 'feedback.jsonl'), 'utf8')).not.toContain(h.fake.token);
  });
});
