import type { Config } from '../config.js';
import { createLogger } from '../logger.js';

/** `npm run register`: registers the slash commands (guild-scoped when DISCORD_GUILD_ID is set). */
export async function runRegister(config: Config, _argv: string[]): Promise<number> {
  const { registerCommands } = await import('../discord/registerCommands.js');
  await registerCommands(config, createLogger(config.logLevel, 'pretty'));
  return 0;
}
