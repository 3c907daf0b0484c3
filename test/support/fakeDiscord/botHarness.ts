import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../../src/config.js';
import type { Engine } from '../../../src/engine/Engine.js';
import { createLogger, type Logger } from '../../../src/logger.js';
import { startBot, type Bot } from '../../../src/discord/startBot.js';
import { FakeDiscord } from './FakeDiscord.js';

/** A bot connected to a local fake Discord, with captured logs. */
export interface Harness {
  fake: FakeDiscord;
  bot: Bot;
  config: Config;
  logs: string[];
  logger: Logger;
  dataDir: string;
  close(): Promise<void>;
}

/** Config for a bot pointed at `fake`; `env` overrides anything. */
export function harnessConfig(fake: FakeDiscord, dataDir: string, env: Record<string, string> = {}): Config {
  return loadConfig(
    {
      DISCORD_TOKEN: fake.token,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_GUILD_ID: fake.guildId,
      DISCORD_API_URL: fake.apiURL,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'debug',
      ...env,
    },
    process.cwd(),
  );
}

/** Starts a fake Discord and a bot on top of `engine` (built from the config, so it can be the real one). */
export async function startHarness(
  makeEngine: (config: Config, logger: Logger) => Promise<Engine>,
  options: { env?: Record<string, string> | ((fake: FakeDiscord) => Record<string, string>); heartbeatInterval?: number } = {},
): Promise<Harness> {
  const fake = await FakeDiscord.start({ heartbeatInterval: options.heartbeatInterval ?? 41_250 });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'dossier-bot-'));
  const config = harnessConfig(fake, dataDir, typeof options.env === 'function' ? options.env(fake) : options.env);
  const logs: string[] = [];
  const logger = createLogger('debug', 'json', (line) => logs.push(line));
  const engine = await makeEngine(config, logger);
  const bot = await startBot({ config, logger, engine }, { progressIntervalMs: 50, readyTimeoutMs: 15_000 });
  return {
    fake,
    bot,
    config,
    logs,
    logger,
    dataDir,
    async close() {
      await bot.stop();
      await engine.close();
      await fake.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
