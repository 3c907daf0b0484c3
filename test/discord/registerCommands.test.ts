import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { registerCommands } from '../../src/discord/registerCommands.js';
import { createLogger } from '../../src/logger.js';
import { FakeDiscord } from '../support/fakeDiscord/FakeDiscord.js';
import { harnessConfig } from '../support/fakeDiscord/botHarness.js';

let fake: FakeDiscord;
let dataDir: string;
const logs: string[] = [];
const logger = createLogger('debug', 'json', (l) => logs.push(l));
beforeAll(async () => {
  fake = await FakeDiscord.start();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'dossier-register-'));
});
afterAll(async () => fake.close());

it('registers the four commands in the configured server, /reindex limited to Manage Server', async () => {
  const result = await registerCommands(harnessConfig(fake, dataDir), logger);
  expect(result).toEqual({ scope: 'guild', commands: ['ask', 'timeline', 'sources', 'add', 'reindex'] });
  const put = await fake.waitForRequest((r) => r.method === 'PUT');
  expect(put.path).toBe(`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
  expect(put.authorization).toBe(`Bot ${fake.token}`);
  const body = put.body as unknown as Array<{ name: string; default_member_permissions?: string | null; options?: Array<{ name: string; required?: boolean }> }>;
  expect(body.find((c) => c.name === 'reindex')?.default_member_permissions).toBe(String(1 << 5));
  expect(body.find((c) => c.name === 'ask')?.options?.[0]).toMatchObject({ name: 'question', required: true });
  expect(logs.join('')).not.toContain(fake.token);
});

it('registers globally when no server is configured', async () => {
  const after = fake.requests.length;
  const result = await registerCommands(harnessConfig(fake, dataDir, { DISCORD_GUILD_ID: '' }), logger);
  expect(result.scope).toBe('global');
  const put = await fake.waitForRequest((r) => r.method === 'PUT', { after });
  expect(put.path).toBe(`/applications/${fake.applicationId}/commands`);
});

it.each([
  ['DISCORD_TOKEN', { DISCORD_CLIENT_ID: '123456789012345678' }],
  ['DISCORD_CLIENT_ID', { DISCORD_TOKEN: 'x'.repeat(60) }],
  ['DISCORD_TOKEN and DISCORD_CLIENT_ID', {}],
])('names the missing %s', async (missing, env) => {
  await expect(registerCommands(loadConfig(env, process.cwd()), logger)).rejects.toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringContaining(`${missing} `) });
});

it('explains a rejected token without printing it', async () => {
  const config = harnessConfig(fake, dataDir, { DISCORD_TOKEN: 'MTAwMDAwMDAwMDAwMDAwMDAw.WrOnGx.0123456789abcdefghijklmnopqrstuvwxyzWXYZ' });
  const err = await registerCommands(config, logger).catch((e: unknown) => e);
  expect(err).toMatchObject({ code: 'DISCORD_FAILED', message: expect.stringContaining('DISCORD_TOKEN was rejected') });
  expect(JSON.stringify(err) + String(err) + String((err as Error).cause)).not.toContain('WrOnGx');
});
