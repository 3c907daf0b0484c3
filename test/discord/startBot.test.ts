import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { GatewayIntentBits } from 'discord.js';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { execFile } from 'node:child_process';
import { startBot } from '../../src/discord/startBot.js';
import { createLogger } from '../../src/logger.js';
import { FakeDiscord } from '../support/fakeDiscord/FakeDiscord.js';
import { harnessConfig } from '../support/fakeDiscord/botHarness.js';
import { StubEngine } from '../support/fakeDiscord/StubEngine.js';
import { REPO_ROOT, tempProject } from '../support/tempProject.js';

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
  // The fake Gateway sees the close a moment after the client sends it.
  await vi.waitFor(() => expect(fake.gateway.connected).toBe(false));
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

it('npm start with a rejected token says so and exits 1 at once, with no stack trace', async () => {
  const wrong = 'MTAwMDAwMDAwMDAwMDAwMDAw.WrOnGx.0123456789abcdefghijklmnopqrstuvwxyzWXYZ';
  // Indexed already, so start-up is opening the index, then the refusal.
  const project = await tempProject('dossier-badtoken-', { indexed: true });
  try {
    const started = Date.now();
    const run = await new Promise<{ code: number; stderr: string }>((resolve) => {
      // What `npm start` runs, in a process of its own: what is under test is that the process ends.
      execFile(
        process.execPath,
        [path.join(REPO_ROOT, 'scripts/run.mjs'), path.join(REPO_ROOT, 'src/cli/main.ts'), 'start'],
        {
          cwd: project.root,
          env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', CACHE_DIR: path.join(REPO_ROOT, '.cache'), DATA_DIR: dataDir, DISCORD_TOKEN: wrong, DISCORD_API_URL: fake.apiURL, DISCORD_CLIENT_ID: fake.applicationId, LOG_LEVEL: 'warn' },
          timeout: 60_000,
        },
        (error, _stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr }),
      );
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Discord rejected DISCORD_TOKEN/);
    expect(run.stderr).not.toMatch(/did not report ready|\n\s+at /);
    expect(run.stderr).not.toContain(wrong);
    // Start-up plus the refusal, not the 30 s ready timeout (nor a timer left holding the process open).
    expect(Date.now() - started).toBeLessThan(20_000);
  } finally {
    await project.cleanup();
  }
});

it('refuses to start without a token', async () => {
  await expect(startBot({ config: harnessConfig(fake, dataDir, { DISCORD_TOKEN: '' }), logger: createLogger('silent'), engine: new StubEngine() })).rejects.toMatchObject({
    code: 'CONFIG_INVALID',
    message: expect.stringContaining('DISCORD_TOKEN'),
  });
});
