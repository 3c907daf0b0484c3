import { Client, Events, GatewayIntentBits, Partials, type Interaction, type Message } from 'discord.js';
import type { App } from '../app.js';
import { DossierError } from '../errors.js';
import { createBotContext, type BotContext, type BotContextOptions } from './BotContext.js';
import { ConversationStore } from './ConversationStore.js';
import { findCommand } from './commands/index.js';
import { runCommand } from './runCommand.js';
import { handleButton } from './handleButton.js';
import { handleError, redactSecrets, serializeError } from './handleError.js';
import { handleMessage } from './handleMessage.js';
import { SAFE_MENTIONS, notifyEphemeral } from './replies.js';

/** A running bot. */
export interface Bot {
  client: Client;
  /** The state handlers share (exposed for diagnostics and tests). */
  context: BotContext;
  /** Waits briefly for in-flight answers, then disconnects. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartBotOptions extends BotContextOptions {
  /** How long to wait for the Gateway READY before giving up (default 30 s). */
  readyTimeoutMs?: number;
}

/**
 * Intents: Guilds (channels, threads, roles for permission checks), GuildMessages (mentions and
 * replies in servers) and DirectMessages (questions in DMs). Not the privileged MessageContent:
 * Discord still delivers the text of messages that mention the bot and of DMs, which is all the
 * bot reads, so it needs no privileged-intent approval. DM channels are not cached, hence the
 * Channel partial.
 */
export const BOT_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages] as const;

/** Connects to Discord and serves commands, mentions, follow-ups and buttons until `stop()`. */
export async function startBot(app: Pick<App, 'config' | 'logger' | 'engine'>, options: StartBotOptions = {}): Promise<Bot> {
  const { config, logger } = app;
  const token = config.discord.token;
  if (!token) throw new DossierError('CONFIG_INVALID', 'DISCORD_TOKEN is not set. Add the bot token to .env (see .env.example).');
  const secrets = [token];
  const conversations =
    options.conversations ??
    (await ConversationStore.fromConfig(config, (message, cause) => logger.warn({ err: serializeError(cause, secrets) }, message)));
  const ctx = createBotContext(app, { ...options, conversations });
  const client = new Client({
    intents: [...BOT_INTENTS],
    partials: [Partials.Channel],
    allowedMentions: SAFE_MENTIONS,
    ...(config.discord.apiURL ? { rest: { api: config.discord.apiURL } } : {}),
  });

  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  client.on(Events.InteractionCreate, (interaction) => {
    if (!stopping) track(onInteraction(interaction, ctx, secrets));
  });
  client.on(Events.MessageCreate, (message) => {
    if (!stopping) track(onMessage(message, client, ctx, secrets));
  });
  client.on(Events.Error, (err) => logger.error({ err: serializeError(err, secrets) }, 'Discord client error'));
  client.on(Events.Warn, (msg) => logger.warn(redactSecrets(msg, secrets)));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ shard, code: event.code }, 'Disconnected from the Discord Gateway'));
  client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, 'Reconnecting to the Discord Gateway'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'Gateway session resumed'));
  client.rest.on('rateLimited', (info) =>
    logger.warn({ route: info.route, method: info.method, retryAfterMs: info.retryAfter, global: info.global }, 'Discord rate limit hit; waiting'),
  );

  let readyTimer: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    readyTimer = setTimeout(
      () => reject(new DossierError('DISCORD_FAILED', 'Discord did not report ready in time. Check the network and DISCORD_API_URL.')),
      options.readyTimeoutMs ?? 30_000,
    );
    client.once(Events.ClientReady, () => {
      clearTimeout(readyTimer);
      resolve();
    });
  });
  // A failed login must neither leave the timer holding the process open nor reject unobserved later.
  ready.catch(() => undefined);
  try {
    await client.login(token);
    await ready;
  } catch (err) {
    clearTimeout(readyTimer);
    await client.destroy();
    const invalid = err instanceof Error && /token/i.test(err.message);
    throw new DossierError(
      'DISCORD_FAILED',
      invalid ? 'Discord rejected DISCORD_TOKEN. Copy a fresh bot token from the Developer Portal.' : 'Could not connect to Discord.',
      { cause: new Error(serializeError(err, secrets).message as string) },
    );
  }
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'Connected to Discord');

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      stopping = true;
      // Let answers already being written finish, but never hang shutdown on a stuck request.
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((r) => setTimeout(r, 5000).unref())]);
      await client.destroy();
      await conversations.flush();
    })();
    return stopped;
  };
  return { client, context: ctx, stop };
}

async function onInteraction(interaction: Interaction, ctx: BotContext, secrets: string[]): Promise<void> {
  if (!interaction.isRepliable()) return;
  const what = interaction.isChatInputCommand() ? `/${interaction.commandName}` : interaction.isButton() ? 'button' : 'interaction';
  try {
    if (interaction.isChatInputCommand()) {
      const command = findCommand(interaction.commandName);
      if (!command) {
        await notifyEphemeral(interaction, 'I no longer know that command. An admin can run `npm run register` to refresh the command list.');
        return;
      }
      await runCommand(command, interaction, ctx);
    } else if (interaction.isButton()) {
      await handleButton(interaction, ctx);
    }
  } catch (err) {
    await handleError(err, { interaction, what }, ctx.logger, secrets);
  }
}

async function onMessage(message: Message, client: Client, ctx: BotContext, secrets: string[]): Promise<void> {
  const botId = client.user?.id;
  if (!botId) return;
  try {
    await handleMessage(message, botId, ctx);
  } catch (err) {
    await handleError(err, { message, what: 'mention' }, ctx.logger, secrets);
  }
}
