import type { Config } from '../config.js';
import type { CliIo } from './CliIo.js';
import { createLogger } from '../logger.js';

/**
 * `npm run register`: registers the slash commands (guild-scoped when DISCORD_GUILD_ID is set,
 * otherwise global) and prints the invite URL with the permissions the bot needs.
 */
export async function runRegister(config: Config, _argv: string[], io: CliIo): Promise<number> {
  const { registerCommands } = await import('../discord/registerCommands.js');
  const { inviteUrl } = await import('../discord/inviteUrl.js');
  const result = await registerCommands(config, createLogger(config.logLevel, 'pretty', (l) => io.stderr.write(l)));
  const where = result.scope === 'guild' ? `in server ${config.discord.guildId} (available now)` : 'globally (may take up to an hour to appear)';
  io.stdout.write(`Registered ${result.commands.map((c) => `/${c}`).join(', ')} ${where}.\n`);
  if (config.discord.clientId) io.stdout.write(`Invite the bot: ${inviteUrl(config.discord.clientId, config.discord.guildId ? { guildId: config.discord.guildId } : {})}\n`);
  return 0;
}
