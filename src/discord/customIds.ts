import { ActionRowBuilder, ButtonBuilder, ButtonStyle, type MessageActionRowComponentBuilder } from 'discord.js';

/**
 * Button ids. State lives in the bot's memory under `key`; the id only says what was clicked and
 * where to look, so ids stay short (Discord allows 100 characters).
 */
export type ButtonAction =
  | { kind: 'feedback'; vote: 'up' | 'down'; key: string }
  | { kind: 'thread'; key: string }
  | { kind: 'page'; key: string; page: number };

/** Encodes an action as a button `custom_id`. */
export function encodeButton(action: ButtonAction): string {
  switch (action.kind) {
    case 'feedback':
      return `fb:${action.vote}:${action.key}`;
    case 'thread':
      return `th:${action.key}`;
    case 'page':
      return `tl:${action.key}:${action.page}`;
  }
}

/** Parses a `custom_id`; `undefined` for ids this bot did not make. */
export function parseButton(customId: string): ButtonAction | undefined {
  const [kind, a, b] = customId.split(':');
  if (kind === 'fb' && (a === 'up' || a === 'down') && b) return { kind: 'feedback', vote: a, key: b };
  if (kind === 'th' && a) return { kind: 'thread', key: a };
  if (kind === 'tl' && a && b && /^\d+$/.test(b)) return { kind: 'page', key: a, page: Number(b) };
  return undefined;
}

/** 👍 / 👎 (and "Open a thread" when offered) under an answer. */
export function answerButtons(key: string, options: { thread: boolean }): Array<ActionRowBuilder<MessageActionRowComponentBuilder>> {
  const row = new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(
    new ButtonBuilder().setCustomId(encodeButton({ kind: 'feedback', vote: 'up', key })).setEmoji('👍').setLabel('Helpful').setStyle(ButtonStyle.Secondary),
    new ButtonBuilder().setCustomId(encodeButton({ kind: 'feedback', vote: 'down', key })).setEmoji('👎').setLabel('Not helpful').setStyle(ButtonStyle.Secondary),
  );
  if (options.thread) {
    row.addComponents(new ButtonBuilder().setCustomId(encodeButton({ kind: 'thread', key })).setEmoji('🧵').setLabel('Open a thread').setStyle(ButtonStyle.Primary));
  }
  return [row];
}

/** ◀ n/N ▶ under a timeline page; none when everything fits on one page. */
export function pageButtons(key: string, page: number, pages: number): Array<ActionRowBuilder<MessageActionRowComponentBuilder>> {
  if (pages <= 1) return [];
  return [
    new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(
      new ButtonBuilder().setCustomId(encodeButton({ kind: 'page', key, page: page - 1 })).setEmoji('◀').setStyle(ButtonStyle.Secondary).setDisabled(page <= 0),
      new ButtonBuilder().setCustomId(`tl-label:${key}`).setLabel(`${page + 1} / ${pages}`).setStyle(ButtonStyle.Secondary).setDisabled(true),
      new ButtonBuilder().setCustomId(encodeButton({ kind: 'page', key, page: page + 1 })).setEmoji('▶').setStyle(ButtonStyle.Secondary).setDisabled(page >= pages - 1),
    ),
  ];
}
