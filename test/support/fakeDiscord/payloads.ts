/**
 * Discord API object shapes (v10) as the real API sends them, trimmed to the fields discord.js
 * reads. Field names follow https://discord.com/developers/docs/resources.
 */

let counter = 0n;
/** Snowflakes: time-ordered ids, like Discord's (ms since the Discord epoch << 22 | increment). */
export function snowflake(): string {
  counter += 1n;
  const ms = BigInt(Date.now()) - 1420070400000n;
  return ((ms << 22n) | (counter & 0xfffn)).toString();
}

export interface ApiUser {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: string | null;
  bot?: boolean;
}

export function user(id: string, username: string, bot = false): ApiUser {
  return { id, username, discriminator: '0', global_name: username, avatar: null, ...(bot ? { bot: true } : {}) };
}

/** A guild member as embedded in messages and interactions. `permissions` only appears in interactions. */
export function member(u: ApiUser, options: { roles?: string[]; permissions?: string } = {}): Record<string, unknown> {
  return {
    user: u,
    roles: options.roles ?? [],
    joined_at: new Date(0).toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    nick: null,
    avatar: null,
    premium_since: null,
    communication_disabled_until: null,
    ...(options.permissions !== undefined ? { permissions: options.permissions } : {}),
  };
}

export function textChannel(id: string, guildId: string, name: string): Record<string, unknown> {
  return { id, type: 0, guild_id: guildId, name, position: 0, permission_overwrites: [], parent_id: null, topic: null, nsfw: false, rate_limit_per_user: 0, last_message_id: null, flags: 0 };
}

export function threadChannel(id: string, guildId: string, parentId: string, name: string, ownerId: string, autoArchive = 1440): Record<string, unknown> {
  return {
    id,
    type: 11,
    guild_id: guildId,
    parent_id: parentId,
    name,
    owner_id: ownerId,
    last_message_id: null,
    rate_limit_per_user: 0,
    message_count: 0,
    member_count: 1,
    flags: 0,
    total_message_sent: 0,
    thread_metadata: { archived: false, auto_archive_duration: autoArchive, archive_timestamp: new Date().toISOString(), locked: false, create_timestamp: new Date().toISOString() },
  };
}

export function role(id: string, name: string, permissions: string, position: number): Record<string, unknown> {
  return { id, name, permissions, position, color: 0, hoist: false, managed: false, mentionable: false, flags: 0, icon: null, unicode_emoji: null };
}

/** The GUILD_CREATE payload for a small server with one text channel. */
export function guildCreate(options: { guildId: string; ownerId: string; channel: Record<string, unknown>; roles: Array<Record<string, unknown>>; members: Array<Record<string, unknown>> }): Record<string, unknown> {
  return {
    id: options.guildId,
    name: 'Dossier Test Server',
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: options.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: options.roles,
    emojis: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    stickers: [],
    premium_progress_bar_enabled: false,
    joined_at: new Date(0).toISOString(),
    large: false,
    unavailable: false,
    member_count: options.members.length + 1,
    voice_states: [],
    members: options.members,
    channels: [options.channel],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
  };
}

/** Every permission bit (as a decimal string), like an owner's `permissions` in an interaction. */
export const ALL_PERMISSIONS = ((1n << 50n) - 1n).toString();
/** View Channel + Send Messages + Read Message History + Use Application Commands: an ordinary member. */
export const MEMBER_PERMISSIONS = ((1n << 10n) | (1n << 11n) | (1n << 16n) | (1n << 31n)).toString();
