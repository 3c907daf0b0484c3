import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { expect, it } from 'vitest';
import { inviteUrl } from '../../src/discord/inviteUrl.js';

it('asks for the bot and commands scopes and exactly the permissions the bot uses', () => {
  const url = new URL(inviteUrl('123456789012345678'));
  expect(url.origin + url.pathname).toBe('https://discord.com/oauth2/authorize');
  expect(url.searchParams.get('client_id')).toBe('123456789012345678');
  expect(url.searchParams.get('scope')).toBe('bot applications.commands');
  const perms = new PermissionsBitField(BigInt(url.searchParams.get('permissions') ?? '0'));
  expect(perms.toArray().sort()).toEqual(
    ['AttachFiles', 'CreatePublicThreads', 'EmbedLinks', 'ReadMessageHistory', 'SendMessages', 'SendMessagesInThreads', 'ViewChannel'].sort(),
  );
  expect(perms.has(PermissionFlagsBits.Administrator)).toBe(false);
});

it('pre-selects a server when given one', () => {
  const url = new URL(inviteUrl('123456789012345678', { guildId: '876543210987654321' }));
  expect(url.searchParams.get('guild_id')).toBe('876543210987654321');
  expect(url.searchParams.get('disable_guild_select')).toBe('true');
});
