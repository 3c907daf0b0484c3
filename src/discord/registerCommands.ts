import { REST, Routes } from 'discord.js';
import type { Config } from '../config.js';
import { DossierError } from '../errors.js';
import type { Logger } from '../logger.js';
import { commands } from './commands/index.js';
import { serializeError } from './handleError.js';

/** Where the commands were registered. */
export interface RegisterResult {
  scope: 'guild' | 'global';
  commands: string[];
}

/**
 * Registers (replaces) the slash commands: in one server when DISCORD_GUILD_ID is set (instant),
 * otherwise globally (Discord may take up to an hour to show them everywhere).
 */
export async function registerCommands(config: Config, logger: Logger): Promise<RegisterResult> {
  const { token, clientId, guildId, apiURL } = config.discord;
  const missing = [!token && 'DISCORD_TOKEN', !clientId && 'DISCORD_CLIENT_ID'].filter((v): v is string => Boolean(v));
  if (!token || !clientId) {
    throw new DossierError('CONFIG_INVALID', `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set. Add ${missing.length > 1 ? 'them' : 'it'} to .env (see .env.example).`);
  }
  const rest = new REST({ version: '10', ...(apiURL ? { api: apiURL } : {}) }).setToken(token);
  const body = commands.map((c) => c.data.toJSON());
  const route = guildId ? Routes.applicationGuildCommands(clientId, guildId) : Routes.applicationCommands(clientId);
  try {
    await rest.put(route, { body });
  } catch (err) {
    const status = (err as { status?: unknown }).status;
    const hint = status === 401 ? ' DISCORD_TOKEN was rejected.' : status === 403 || status === 404 ? ' Check DISCORD_CLIENT_ID and that the bot is in DISCORD_GUILD_ID.' : '';
    throw new DossierError('DISCORD_FAILED', `Discord refused the command registration.${hint}`, { cause: new Error(String(serializeError(err, [token]).message)) });
  }
  const names = body.map((c) => c.name);
  const scope = guildId ? 'guild' : 'global';
  logger.info({ scope, commands: names }, scope === 'guild' ? `Registered ${names.length} commands in server ${guildId}.` : `Registered ${names.length} global commands (may take up to an hour to appear).`);
  return { scope, commands: names };
}
