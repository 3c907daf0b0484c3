import type { ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from './BotContext.js';
import type { Command } from './Command.js';
import { notifyEphemeral } from './replies.js';

/**
 * Runs a slash command with what it declares applied once, here: its input check (typed errors go
 * to the dispatcher's error handler), then its checks in order (the first refusal is said
 * privately and the command does not run), then the command.
 */
export async function runCommand(command: Command, interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  command.input?.(interaction, ctx);
  for (const check of command.checks ?? []) {
    const refusal = check.refuse(interaction, ctx);
    if (refusal !== undefined) {
      await notifyEphemeral(interaction, refusal);
      return;
    }
  }
  await command.execute(interaction, ctx);
}
