import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChatOpenAI } from '@langchain/openai';
import { LlmAnswerer } from '../../src/answer/LlmAnswerer.js';
import { ExtractiveAnswerer } from '../../src/answer/ExtractiveAnswerer.js';
import { loadConfig } from '../../src/config.js';
import { DATA_CLOSE, DATA_OPEN } from '../../src/answer/buildPrompt.js';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fakeOpenAI.js';
import { loadSeedRetrieval, type SeedRetrieval } from './seedRetrieval.js';

const KEY = 'sk-test-SECRET-key-1234567890';
const QUESTION = 'Who leads the joint working group?';
let server: FakeOpenAI;
let seeds: SeedRetrieval;

function answerer(timeout = 5_000): LlmAnswerer {
  const model = new ChatOpenAI({ model: 'gpt-test', apiKey: KEY, configuration: { baseURL: server.baseURL }, timeout, maxRetries: 0 });
  return new LlmAnswerer(model, { fallback: new ExtractiveAnswerer(), serverLabel: server.baseURL, secret: KEY });
}

interface ChatBody {
  model: string;
  messages: Array<{ role: string; content: string }>;
}
function lastBody(): ChatBody {
  return server.requests.at(-1)?.body as ChatBody;
}

beforeAll(async () => {
  server = await startFakeOpenAI();
  seeds = await loadSeedRetrieval();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

describe('LlmAnswerer against a local OpenAI-compatible server', () => {
  it('sends the model, a grounded system prompt and numbered, fenced context', async () => {
    server.enqueue({ kind: 'reply', content: 'Sonata Coulter leads it [1].' });
    const retrieved = await seeds.retrieve(QUESTION);
    await answerer().answer(QUESTION, retrieved);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.path).toBe('/v1/chat/completions');
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    const body = lastBody();
    expect(body.model).toBe('gpt-test');
    expect(body.messages[0]?.role).toBe('system');
    expect(body.messages[0]?.content).toMatch(/UNTRUSTED/);
    const user = body.messages[1]?.content ?? '';
    expect(user).toContain('[1] ');
    expect(user).toContain(`[${retrieved.length}] `);
    expect(user.split(DATA_OPEN).length - 1).toBe(retrieved.length);
    expect(user.split(DATA_CLOSE).length - 1).toBe(retrieved.length);
    expect(user).toContain('Sonata Coulter');
    expect(user).toContain(`Question: ${QUESTION}`);
  });

  it('passes a valid cited reply through with verbatim citations', async () => {
    server.enqueue({ kind: 'reply', content: 'Sonata Coulter [1]. The working group "will be led by Sonata Coulter" [1].' });
    const retrieved = await seeds.retrieve(QUESTION);
    const answer = await answerer().answer(QUESTION, retrieved);
    expect(answer).toMatchObject({ kind: 'answered', mode: 'llm' });
    expect(answer.text).toBe('Sonata Coulter [1]. The working group "will be led by Sonata Coulter" [1].');
    expect(answer.citations).toHaveLength(1);
    const c = answer.citations[0];
    expect(c?.quote).toContain('Sonata Coulter');
    expect(seeds.raw.get(c?.source ?? '')?.slice(c?.start, c?.end)).toBe(c?.quote);
  });

  it('drops an invalid citation [9]', async () => {
    server.enqueue({ kind: 'reply', content: 'Sonata Coulter leads the group [1][9].' });
    const answer = await answerer().answer(QUESTION, await seeds.retrieve(QUESTION));
    expect(answer.kind).toBe('answered');
    expect(answer.text).toBe('Sonata Coulter leads the group [1].');
    expect(answer.citations.map((c) => c.n)).toEqual([1]);
  });

  it('treats the no-answer sentence as an honest abstention', async () => {
    server.enqueue({ kind: 'reply', content: "The articles don't say." });
    const answer = await answerer().answer(QUESTION, await seeds.retrieve(QUESTION));
    expect(answer).toMatchObject({ kind: 'no-answer', mode: 'llm' });
    expect(answer.text).toMatch(/^The articles don't say\./);
  });

  it('shows only the supported sentence of a reply with a dangling citation and an invented one, and says so', async () => {
    server.enqueue({ kind: 'reply', content: 'Sonata Coulter leads the working group [1][9]. She was appointed by Marco Rubio [7].' });
    const answer = await answerer().answer(QUESTION, await seeds.retrieve(QUESTION));
    expect(answer).toMatchObject({ kind: 'answered', mode: 'llm', text: 'Sonata Coulter leads the working group [1].' });
    expect(answer.notice).toMatch(/1 sentence was left out/);
    const c = answer.citations[0];
    expect(c?.quote).toContain('Sonata Coulter');
    expect(seeds.raw.get(c?.source ?? '')?.slice(c?.start, c?.end)).toBe(c?.quote);
  });

  it.each([
    ['no citation', 'Sonata Coulter leads the group.'],
    ['only an invented quote', 'The report says "the group is chaired by Vladimir Putin and meets in Paris" [1].'],
    ['a bare marker', '[1].'],
    ['a masked link and @everyone, uncited', '[click here](https://evil.example/phish) @everyone'],
  ])('answers offline, with a notice saying why, when the reply has %s', async (_name, content) => {
    server.enqueue({ kind: 'reply', content });
    const answer = await answerer().answer(QUESTION, await seeds.retrieve(QUESTION));
    expect(answer.mode).toBe('extractive');
    expect(answer.notice).toMatch(/not supported by the articles it cited/);
    expect(answer.text).not.toMatch(/Putin|evil\.example|@everyone|^\[1\]\.$/);
  });

  it.each([
    ['401', { kind: 'error' as const, status: 401, message: `Incorrect API key provided: ${KEY}`, type: 'invalid_request_error', code: 'invalid_api_key' }, /rejected the API key \(401\)/],
    ['429', { kind: 'error' as const, status: 429, message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' }, /rate limit/i],
    ['500', { kind: 'error' as const, status: 500, message: 'boom', type: 'server_error' }, /failed \(500\)/],
    ['a timeout', { kind: 'delay' as const, ms: 3_000, content: 'late [1]' }, /did not answer in time/],
  ])('falls back to the extractive answer on %s, with a notice and no key', async (_name, reply, notice) => {
    server.enqueue(reply);
    const answer = await answerer(1_000).answer(QUESTION, await seeds.retrieve(QUESTION));
    expect(answer.mode).toBe('extractive');
    expect(answer.notice).toMatch(notice);
    expect(answer.notice).toMatch(/offline answer/);
    expect(JSON.stringify(answer)).not.toContain(KEY);
    expect(answer.kind).toBe('answered');
    expect(answer.text).toMatch(/Sonata Coulter/);
    expect(answer.citations.length).toBeGreaterThan(0);
  });

  it('spends one time budget per question on a hanging server, retries included', async () => {
    server.enqueue({ kind: 'delay', ms: 4_000, content: 'late [1]' });
    // Each try may take 3 s and one retry is allowed (a second request after 3 s); the question's budget is 0.5 s in all.
    const model = new ChatOpenAI({ model: 'gpt-test', apiKey: KEY, configuration: { baseURL: server.baseURL }, timeout: 3_000, maxRetries: 1 });
    const asked = server.requests.filter((r) => r.path.endsWith('/chat/completions')).length;
    const answer = await new LlmAnswerer(model, { fallback: new ExtractiveAnswerer(), serverLabel: server.baseURL, secret: KEY, budgetMs: 500 }).answer(QUESTION, await seeds.retrieve(QUESTION));
    // The budget ended the question during the first try: there was no retry (a per-try timeout would have made one).
    expect(server.requests.filter((r) => r.path.endsWith('/chat/completions')).length - asked).toBe(1);
    expect(answer.mode).toBe('extractive');
    expect(answer.notice).toMatch(/did not answer in time/);
  });

  it('builds the configured model through LangChain’s universal initialisation', async () => {
    server.enqueue({ kind: 'cite', find: 'Sonata Coulter', content: 'Sonata Coulter leads the working group [{n}].' });
    const config = loadConfig({ ANSWERER: 'model', CHAT_MODEL: 'openai:gpt-universal', OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.baseURL }, process.cwd());
    const answer = await (await LlmAnswerer.fromConfig(config, { fallback: new ExtractiveAnswerer() })).answer(QUESTION, await seeds.retrieve(QUESTION));
    expect(lastBody().model).toBe('gpt-universal');
    expect(answer).toMatchObject({ kind: 'answered', mode: 'llm' });
  });

  it.each([
    ['an unknown provider', 'nosuchprovider:model-x', /unknown provider "nosuchprovider"/],
    ['a provider whose package is not installed', 'ollama:llama3.1', /needs the package @langchain\/ollama.*npm install @langchain\/ollama/],
  ])('says what to do about %s', async (_name, chatModel, message) => {
    const config = loadConfig({ CHAT_MODEL: chatModel }, process.cwd());
    await expect(LlmAnswerer.fromConfig(config, { fallback: new ExtractiveAnswerer() })).rejects.toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringMatching(message) });
  });

  it('falls back when the server is unreachable', async () => {
    const dead = await startFakeOpenAI();
    const baseURL = dead.baseURL;
    await dead.close();
    const model = new ChatOpenAI({ model: 'gpt-test', apiKey: KEY, configuration: { baseURL }, timeout: 2_000, maxRetries: 0 });
    const answer = await new LlmAnswerer(model, { fallback: new ExtractiveAnswerer(), serverLabel: baseURL, secret: KEY }).answer(QUESTION, await seeds.retrieve(QUESTION));
    expect(answer.mode).toBe('extractive');
    expect(answer.notice).toMatch(/Could not reach the model server/);
    expect(answer.notice).not.toContain(KEY);
  });
});
