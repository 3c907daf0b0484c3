import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { isDossierError } from '../src/errors.js';

describe('loadConfig', () => {
  it('runs offline with no settings at all', () => {
    const c = loadConfig({}, '/proj');
    expect(c.embeddings.provider).toBe('local');
    expect(c.answerer).toBe('extractive');
    expect(c.paths.seeds).toBe(path.resolve('/proj/seeds'));
    expect(c.paths.embeddings).toBe(path.resolve('/proj/embeddings'));
    expect(c.rebuildOnStart).toBe(true);
    expect(c.discord.token).toBeUndefined();
    // Adding articles never reaches private addresses unless the operator says so.
    expect(c.add).toEqual({ allowPrivateHosts: false, timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024 });
    expect(loadConfig({ ADD_ALLOW_PRIVATE_HOSTS: 'true' }, '/proj').add.allowPrivateHosts).toBe(true);
  });

  it.each([
    [{ OPENAI_API_KEY: 'sk-test' }, 'openai', 'openai'],
    [{ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' }, 'openai', 'openai'],
    [{ OPENAI_API_KEY: 'sk-test', EMBEDDINGS: 'local' }, 'local', 'openai'],
    [{ OPENAI_API_KEY: 'sk-test', ANSWERER: 'extractive' }, 'openai', 'extractive'],
  ] as const)('chooses providers from %j', (env, embeddings, answerer) => {
    const c = loadConfig({ ...env }, '/proj');
    expect(c.embeddings.provider).toBe(embeddings);
    expect(c.answerer).toBe(answerer);
  });

  it.each([
    [{}, 'openai', 'gpt-4o-mini', 'extractive'],
    [{ OPENAI_CHAT_MODEL: 'llama3.1', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' }, 'openai', 'llama3.1', 'openai'],
    [{ CHAT_MODEL: 'openai:gpt-4o' }, 'openai', 'gpt-4o', 'openai'],
    [{ CHAT_MODEL: 'ollama:llama3.1:8b' }, 'ollama', 'llama3.1:8b', 'openai'],
    [{ CHAT_MODEL: 'anthropic:claude-x', ANSWERER: 'model' }, 'anthropic', 'claude-x', 'openai'],
    [{ CHAT_MODEL: 'gpt-4o-mini' }, 'openai', 'gpt-4o-mini', 'openai'],
  ] as const)('reads the chat model from %j', (env, provider, model, answerer) => {
    const c = loadConfig({ ...env }, '/proj');
    expect(c.chat).toEqual({ provider, model });
    expect(c.answerer).toBe(answerer);
  });

  it('treats empty values as unset, as .env.example leaves them', () => {
    const c = loadConfig({ OPENAI_API_KEY: '', DISCORD_TOKEN: '', ABSTAIN_THRESHOLD: '', TOP_K: '' }, '/proj');
    expect(c.answerer).toBe('extractive');
    expect(c.discord.token).toBeUndefined();
    expect(c.retrieval.topK).toBe(8);
  });

  it.each([
    [{ TOP_K: 'many' }, 'TOP_K'],
    [{ EMBEDDINGS: 'bert' }, 'EMBEDDINGS'],
    [{ OPENAI_BASE_URL: 'not a url' }, 'OPENAI_BASE_URL'],
    [{ DISCORD_GUILD_ID: 'my-server' }, 'DISCORD_GUILD_ID'],
    [{ REBUILD_ON_START: 'maybe' }, 'REBUILD_ON_START'],
    [{ ADD_ALLOW_PRIVATE_HOSTS: 'sometimes' }, 'ADD_ALLOW_PRIVATE_HOSTS'],
    [{ ADD_TIMEOUT_MS: '10' }, 'ADD_TIMEOUT_MS'],
    [{ ADD_MAX_BYTES: 'lots' }, 'ADD_MAX_BYTES'],
    [{ DISCORD_ADMIN_USER_IDS: '123456789012345678, bob' }, 'DISCORD_ADMIN_USER_IDS'],
  ])('names the invalid variable in %j', (env, name) => {
    try {
      loadConfig(env, '/proj');
      expect.unreachable('should have thrown');
    } catch (error) {
      expect(isDossierError(error) && error.code).toBe('CONFIG_INVALID');
      expect((error as Error).message).toContain(name);
    }
  });

  it.each([
    ['TOP_K', 'abc', /TOP_K: must be a whole number \(got "abc"\)/],
    ['TOP_K', '2.5', /TOP_K: must be a whole number \(got "2\.5"\)/],
    ['TOP_K', '99', /TOP_K: .*20.* \(got "99"\)/],
  ])('quotes what was typed for %s=%s', (name, value, message) => {
    expect(() => loadConfig({ [name]: value }, '/proj')).toThrow(message);
  });

  it('never echoes a secret value in a validation error', () => {
    const token = 'short-secret';
    expect(() => loadConfig({ DISCORD_TOKEN: token }, '/proj')).toThrow(/DISCORD_TOKEN/);
    try {
      loadConfig({ DISCORD_TOKEN: token }, '/proj');
    } catch (error) {
      expect((error as Error).message).not.toContain(token);
    }
  });

  it('parses admin id lists', () => {
    const c = loadConfig({ DISCORD_ADMIN_USER_IDS: '123456789012345678, 223456789012345678' }, '/proj');
    expect(c.discord.adminUserIds).toEqual(['123456789012345678', '223456789012345678']);
  });
});
