import type { Config } from '../config.js';
import type { CliIo } from './CliIo.js';
import { createApp } from '../app.js';
import { createLogger } from '../logger.js';
import { progressReporter } from './progressReporter.js';
import { runChat } from './runChat.js';

const CONNECT_HELP = `No DISCORD_TOKEN set, so the Discord bot is not started; opening the offline chat instead.
To connect Discord: create an application at https://discord.com/developers/applications, copy its bot token and
application id into .env (DISCORD_TOKEN, DISCORD_CLIENT_ID), run "npm run register", then "npm start" again.
See "Add Dossier to your server" in README.md.
`;

/** `npm start`: the Discord bot when a token is configured, otherwise the offline chat. */
export async function runStart(config: Config, argv: string[], io: CliIo): Promise<number> {
  if (!config.discord.token) {
    io.stdout.write(CONNECT_HELP);
    return runChat(config, argv, io);
  }
  const logger = createLogger(config.logLevel, io.stderr.isTTY ? 'pretty' : 'json', (l) => io.stderr.write(l));
  const progress = progressReporter(io.stderr);
  const app = await createApp(config, { logger, onProgress: progress.onProgress });
  progress.stop();
  // Load the answering libraries while the bot connects, so the first question is not the slow one.
  // A failure here is not fatal: the first question loads them (and reports any error) again.
  const warm = app.warmUp().catch((error: unknown) => logger.warn(`Could not preload the answering libraries: ${String(error)}`));
  const { startBot } = await import('../discord/startBot.js');
  const bot = await startBot(app);
  await warm;
  logger.info('Dossier is online. Press Ctrl+C to stop.');
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      logger.info(`${signal} received; shutting down.`);
      resolve();
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  });
  await bot.stop();
  await app.close();
  return 0;
}
