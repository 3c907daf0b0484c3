import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { GatewayIntentBits } from 'discord.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBot } from '../../src/discord/startBot.js';
import { createLogger } from '../../src/logger.js';
import { FakeDiscord } from '../support/fakeDiscord/FakeDiscord.js';
import { harnessConfig } from '../support/fakeDiscord/botHarness.js';
import { StubEngine } from '../support/fakeDiscord/StubEngine.js';

let fake: FakeDiscord;
let dataDir: string;
beforeAll(async () => {
  fake = await FakeDiscord.start();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'dossier-start-'));
});
afterAll(async () => {
  await fake.close();
  await rm(dataDir, { recursive: true, force: true });
});

it('identifies with Guilds, GuildMessages and DirectMessages only (no privileged Message Content), and stops cleanly', async () => {
  const logs: string[] = [];
  const bot = await startBot({ config: harnessConfig(fake, dataDir), logger: createLogger('debug', 'json', (l) => logs.push(l)), engine: new StubEngine() });
  expect(bot.client.isReady()).toBe(true);
  expect(fake.gateway.intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages);
  expect(fake.gateway.intents & GatewayIntentBits.MessageContent).toBe(0);
  expect(logs.join('')).toContain('Connected to Discord');
  await Promise.all([bot.stop(), bot.stop()]);
  expect(bot.client.isReady()).toBe(false);
  await new Promise((r) => setTimeout(r, 100));
  expect(fake.gateway.connected).toBe(false);
});

it('explains a rejected token without repeating it', async () => {
  const wrong = 'MTAwMDAwMDAwMDAwMDAwMDAw.WrOnGx.0123456789abcdefghijklmnopqrstuvwxyzWXYZ';
  const logs: string[] = [];
  const err = await startBot({
    config: harnessConfig(fake, dataDir, { DISCORD_TOKEN: wrong }),
    logger: createLogger('debug', 'json', (l) => logs.push(l)),
    engine: new StubEngine(),
  }).catch((e: unknown) => e);
  expect(err).toMatchObject({ code: 'DISCORD_FAILED', message: expect.stringContaining('Discord rejected DISCORD_TOKEN') });
  expect(`${String(err)} ${String((err as Error).cause)} ${logs.join('')}`).not.toContain(wrong);
});

it('refuses to start without a token', async () => {
  await expect(startBot({ config: harnessConfig(fake, dataDir, { DISCORD_TOKEN: '' }), logger: createLogger('silent'), engine: new StubEngine() })).rejects.toMatchObject({
    code: 'CONFIG_INVALID',
    message: expect.stringContaining('DISCORD_TOKEN'),
  });
});
