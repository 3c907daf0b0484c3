import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startHarness, type Harness } from '../support/fakeDiscord/botHarness.js';
import type { RecordedRequest } from '../support/fakeDiscord/FakeDiscord.js';
import { user } from '../support/fakeDiscord/payloads.js';
import { StubEngine } from '../support/fakeDiscord/StubEngine.js';
import { startBot } from '../../src/discord/startBot.js';

/**
 * Which messages the bot treats as questions and what conversation it passes on, checked against
 * what the engine receives (a scripted Engine, so the history is observable exactly). The same
 * flows run against the real engine in bot.test.ts.
 */

let h: Harness;
let engine: StubEngine;
beforeAll(async () => {
  h = await startHarness(async () => {
    engine = new StubEngine();
    return engine;
  }, { env: { DISCORD_RATE_LIMIT: '100' } });
});
afterAll(async () => h?.close());

const replyTo = (messageId: string) => (r: RecordedRequest) =>
  r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && (r.body?.message_reference as { message_id?: string } | undefined)?.message_id === messageId;

const mention = (text: string) => `<@${h.fake.bot.id}> ${text}`;

it('answers a mention with a reply to that message, the mention stripped from the question', async () => {
  const id = h.fake.postMessage(mention('who leads the working group?'));
  const reply = await h.fake.waitForRequest(replyTo(id));
  expect(engine.asked.at(-1)).toEqual({ question: 'who leads the working group?', options: {} });
  expect(reply.body?.content).toContain('Stub answer to: who leads the working group?');
  expect(reply.body?.allowed_mentions).toEqual({ parse: [], replied_user: false });
});

it('ignores ordinary channel chatter (which arrives without content) and other bots', async () => {
  const asked = engine.asked.length;
  const before = h.fake.requests.length;
  h.fake.postMessage('who leads the working group?');
  h.fake.postMessage(mention('hello'), { author: user('200000000000000999', 'otherbot', true) });
  // A later mention is answered, proving the earlier messages were processed and skipped.
  const id = h.fake.postMessage(mention('ping?'));
  await h.fake.waitForRequest(replyTo(id), { after: before });
  expect(engine.asked.slice(asked).map((a) => a.question)).toEqual(['ping?']);
});

it('treats a reply to its answer as a follow-up and passes the conversation so far', async () => {
  const first = h.fake.postMessage(mention('who leads the working group?'));
  await h.fake.waitForRequest(replyTo(first));
  const answerId = [...h.fake.messages.values()].filter((m) => String(m.content).includes('who leads the working group?')).at(-1)?.id ?? '';
  // A person replies after reading the answer, i.e. after the bot has finished sending it.
  await vi.waitFor(() => expect(h.bot.context.conversations.has(answerId)).toBe(true), { timeout: 15_000 });
  const followUp = h.fake.postMessage('when was that?', { replyTo: answerId });
  await h.fake.waitForRequest(replyTo(followUp));
  expect(engine.asked.at(-1)).toEqual({
    question: 'when was that?',
    options: { history: [{ question: 'who leads the working group?', answer: 'Stub answer to: who leads the working group? [1]' }] },
  });
  // And the chain continues: a reply to the follow-up's answer carries both turns.
  const secondAnswer = [...h.fake.messages.values()].filter((m) => String(m.content).includes('when was that?')).at(-1)?.id ?? '';
  await vi.waitFor(() => expect(h.bot.context.conversations.has(secondAnswer)).toBe(true), { timeout: 15_000 });
  const third = h.fake.postMessage('and where?', { replyTo: secondAnswer });
  await h.fake.waitForRequest(replyTo(third));
  expect(engine.asked.at(-1)?.options?.history?.map((t) => t.question)).toEqual(['who leads the working group?', 'when was that?']);
});

it('a reply with the ping switched off arrives blank; the bot asks for a mention instead of guessing', async () => {
  const first = h.fake.postMessage(mention('who leads the working group?'), { channelId: h.fake.channelId });
  await h.fake.waitForRequest(replyTo(first));
  const answerId = [...h.fake.messages.values()].filter((m) => String(m.content).includes('who leads the working group?')).at(-1)?.id ?? '';
  await vi.waitFor(() => expect(h.bot.context.conversations.has(answerId)).toBe(true), { timeout: 15_000 });
  const asked = engine.asked.length;
  const silent = h.fake.postMessage('when was that?', { replyTo: answerId, pingReply: false });
  const hint = await h.fake.waitForRequest(replyTo(silent));
  expect(hint.body?.content).toMatch(/only read messages that mention me/);
  expect(engine.asked.length).toBe(asked);
});

it('opens a thread from the answer button and answers mentions there with the conversation', async () => {
  const { token } = h.fake.slashCommand('ask', { question: 'who leads the working group?' });
  await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token));
  const answer = [...h.fake.messages.values()].filter((m) => m.webhook_id && String(m.content).includes('who leads the working group?')).at(-1);
  const threadButton = JSON.stringify(answer?.components).match(/"custom_id":"(th:[^"]+)"/)?.[1] ?? '';
  expect(threadButton).not.toBe('');
  const click = h.fake.clickButton(answer?.id ?? '', threadButton);
  const created = await h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${h.fake.channelId}/messages/${answer?.id}/threads`);
  expect(created.body?.name).toBe('who leads the working group?');
  const threadId = answer?.id ?? '';
  const ack = await h.fake.waitForRequest((r) => r.path.includes(click.token));
  expect(JSON.stringify(ack.body)).toContain(`<#${threadId}>`);
  await h.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${threadId}/messages`);

  const q = h.fake.postMessage(mention('when was that?'), { channelId: threadId });
  const reply = await h.fake.waitForRequest(replyTo(q));
  expect(reply.path).toBe(`/channels/${threadId}/messages`);
  expect(engine.asked.at(-1)?.options?.history?.map((t) => t.question)).toEqual(['who leads the working group?']);
  // No "open a thread" button inside a thread.
  expect(JSON.stringify(reply.body?.components)).not.toContain('"th:');

  // Without a mention Discord withholds the text: the bot explains once instead of guessing.
  const silent = h.fake.postMessage('and where?', { channelId: threadId });
  const hint = await h.fake.waitForRequest(replyTo(silent));
  expect(hint.body?.content).toMatch(/only read messages that mention me/);
  const before = h.fake.requests.length;
  const silent2 = h.fake.postMessage('hello?', { channelId: threadId });
  const q2 = h.fake.postMessage(mention('where?'), { channelId: threadId });
  await h.fake.waitForRequest(replyTo(q2), { after: before });
  expect(h.fake.requests.slice(before).some(replyTo(silent2))).toBe(false);
  expect(engine.asked.at(-1)?.options?.history?.map((t) => t.question)).toEqual(['who leads the working group?', 'when was that?']);
});

it('a bare mention gets a clear "ask me something" reply', async () => {
  const id = h.fake.postMessage(mention(''));
  const reply = await h.fake.waitForRequest(replyTo(id));
  expect(reply.body?.content).toMatch(/Please ask a question/);
});

it('answers a direct message without needing a mention, and without thread buttons', async () => {
  const { messageId, channelId } = h.fake.postDirectMessage('who leads the working group?');
  const reply = await h.fake.waitForRequest(replyTo(messageId));
  expect(reply.path).toBe(`/channels/${channelId}/messages`);
  expect(reply.body?.content).toContain('Stub answer to: who leads the working group?');
  expect(JSON.stringify(reply.body?.components)).not.toContain('"th:');
});

it('remembers conversations across a restart: a reply to an answer given before it is still a follow-up', async () => {
  const first = h.fake.postMessage(mention('who leads the working group?'));
  await h.fake.waitForRequest(replyTo(first));
  const answerId = [...h.fake.messages.values()].filter((m) => String(m.content).includes('who leads the working group?')).at(-1)?.id ?? '';
  await vi.waitFor(() => expect(h.bot.context.conversations.has(answerId)).toBe(true), { timeout: 15_000 });

  // The bot process goes away (stop() also waits for the journal) and a new one connects with the same data directory.
  await h.bot.stop();
  const restarted = await startBot({ config: h.config, logger: h.logger, engine }, { progressIntervalMs: 50, readyTimeoutMs: 15_000 });
  try {
    expect(restarted.context.conversations).not.toBe(h.bot.context.conversations);
    const followUp = h.fake.postMessage('when was that?', { replyTo: answerId });
    await h.fake.waitForRequest(replyTo(followUp));
    expect(engine.asked.at(-1)).toEqual({
      question: 'when was that?',
      options: { history: [{ question: 'who leads the working group?', answer: 'Stub answer to: who leads the working group? [1]' }] },
    });
  } finally {
    await restarted.stop();
  }
});
