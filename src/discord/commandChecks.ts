import { PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import type { Config } from '../config.js';
import type { CommandCheck } from './Command.js';
import { rateLimitMessage } from './RateLimiter.js';

/**
 * Who may change the index: members with Manage Server, or configured admin users/roles. Discord
 * hides admin commands from others (default_member_permissions), but server admins can override
 * that per role, so the bot checks again itself.
 */
export function isDossierAdmin(interaction: ChatInputCommandInteraction, config: Config): boolean {
  if (config.discord.adminUserIds.includes(interaction.user.id)) return true;
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  const roles = interaction.member?.roles;
  const roleIds = Array.isArray(roles) ? roles : roles ? [...roles.cache.keys()] : [];
  return roleIds.some((id) => config.discord.adminRoleIds.includes(id));
}

/** Admins only; `action` completes "can …" in the refusal ("rebuild the index"). */
export function adminOnly(action: string): CommandCheck {
  return {
    name: 'admin-only',
    refuse: (interaction, ctx) =>
      isDossierAdmin(interaction, ctx.config) ? undefined : `Only members with **Manage Server** (or configured Dossier admins) can ${action}.`,
  };
}

/** The per-user rate limit (`DISCORD_RATE_LIMIT` per `DISCORD_RATE_WINDOW_SECONDS`); a refusal says when to try again. */
export const RATE_LIMITED: CommandCheck = {
  name: 'rate-limit',
  refuse: (interaction, ctx) => {
    const decision = ctx.rateLimiter.take(interaction.user.id);
    return decision.kind === 'limited' ? rateLimitMessage(decision.retryAfterSeconds) : undefined;
  },
};
