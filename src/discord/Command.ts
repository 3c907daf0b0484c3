import type { ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { BotContext } from './BotContext.js';

/** A check the dispatcher applies before a command runs: the refusal to say privately, or undefined to go on. */
export interface CommandCheck {
  name: string;
  refuse(interaction: ChatInputCommandInteraction, ctx: BotContext): string | undefined;
}

/**
 * A slash command: its registration data, what the dispatcher checks first, and its handler. The
 * dispatcher (`runCommand`) applies `input`, then `checks` in order, once, before `execute`.
 */
export interface Command {
  data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /** Validates the options before anything is spent (a rate-limit token): throws the command's typed errors. */
  input?(interaction: ChatInputCommandInteraction, ctx: BotContext): void;
  /** Permission and rate-limit checks; the first refusal is the reply. */
  checks?: readonly CommandCheck[];
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
}
