import {
  EmbedBuilder,
  MessageFlags,
  type APIEmbed,
  type ActionRowBuilder,
  type AttachmentBuilder,
  type ButtonInteraction,
  type Message,
  type SendableChannels,
  type MessageActionRowComponentBuilder,
  type MessageMentionOptions,
  type RepliableInteraction,
} from 'discord.js';
import type { Answer, Citation } from '../answer/Answer.js';
import { untrustedText } from './untrustedText.js';
import { articleTitle } from '../util/articleTitle.js';

/** Discord's documented message and embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedAuthor: 256,
  embedsPerMessage: 10,
  embedCharsPerMessage: 6000,
  threadName: 100,
} as const;

/**
 * Pings nobody, ever: answers quote news articles and echo user text, either of which may contain
 * `@everyone` or `<@id>`. Replies also do not ping the person they reply to.
 */
export const SAFE_MENTIONS: MessageMentionOptions = { parse: [], repliedUser: false };

/** Longest quote shown per source embed; long enough to check the claim, short enough to read. */
const QUOTE_CHARS = 700;

/** One Discord message to send. Every send in the bot is built from this and goes through `deliver`. */
export interface ReplyPayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: Array<ActionRowBuilder<MessageActionRowComponentBuilder>>;
  files?: AttachmentBuilder[];
}

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Splits text into chunks of at most `max` characters, preferring paragraph breaks, then line
 * breaks, then sentence ends, then spaces. A word is cut only when a single word is longer than
 * `max` (e.g. a pasted URL), which no boundary can avoid.
 */
export function splitMessage(text: string, max: number = DISCORD_LIMITS.content): string[] {
  if (max < 1) throw new RangeError('max must be positive');
  const trimmed = text.trim();
  if (trimmed.length === 0) return [];
  if (trimmed.length <= max) return [trimmed];
  return splitBy(trimmed, max, 0);
}

type Level = 'paragraph' | 'line' | 'sentence' | 'word';
const LEVELS: Level[] = ['paragraph', 'line', 'sentence', 'word'];

function splitBy(text: string, max: number, level: number): string[] {
  if (text.length <= max) return [text];
  const kind = LEVELS[level];
  if (kind === undefined) return hardCut(text, max);
  const units = unitsOf(text, kind);
  const out: string[] = [];
  let current = '';
  for (const unit of units) {
    if (unit.trim().length === 0) {
      current += unit;
      continue;
    }
    if ((current + unit).trimEnd().length <= max) {
      current += unit;
      continue;
    }
    if (current.trim().length > 0) out.push(current.trim());
    current = '';
    if (unit.trimEnd().length <= max) current = unit;
    else out.push(...splitBy(unit.trim(), max, level + 1));
  }
  if (current.trim().length > 0) out.push(current.trim());
  return out;
}

/** Units keep their trailing separator so joining them back gives the original text. */
function unitsOf(text: string, kind: Level): string[] {
  switch (kind) {
    case 'paragraph':
      return text.split(/(?<=\n[ \t]*\n)/);
    case 'line':
      return text.split(/(?<=\n)/);
    case 'sentence':
      return Array.from(sentenceSegmenter.segment(text), (s) => s.segment);
    case 'word':
      return text.split(/(?<=\s)(?=\S)/);
  }
}

function hardCut(text: string, max: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += max) out.push(text.slice(i, i + max));
  return out;
}

/**
 * Shortens text to at most `max` characters, ending with "…" at a word boundary. Text that fits is
 * returned unchanged.
 */
export function truncateAtWord(text: string, max: number): string {
  const clean = text.trim();
  if (clean.length <= max) return clean;
  if (max <= 1) return '…'.slice(0, max);
  const room = clean.slice(0, max - 1);
  // When the next character is a space, `room` already ends on a whole word.
  const space = /\s/.test(clean.charAt(max - 1)) ? room.length : room.search(/\s\S*$/);
  // A boundary in the first half would throw away most of the text; cutting a very long word is the lesser evil.
  const cut = space > max / 2 ? room.slice(0, space) : room;
  return `${cut.replace(/[\s,;:.\-–—]+$/, '')}…`;
}

/** Characters Discord counts towards the 6000-per-message embed budget. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

/** Renders a quote as a Markdown block quote, made safe as untrusted text (see `untrustedText`), within `max` chars. */
function blockQuote(quote: string, max: number): string {
  const oneLine = quote.replace(/\s+/g, ' ').trim();
  // Escaping adds characters, so shrink until the escaped form fits.
  let budget = max - 2;
  for (;;) {
    const body = untrustedText(truncateAtWord(oneLine, budget));
    if (body.length + 2 <= max || budget <= 10) return `> ${body}`.slice(0, max);
    budget -= body.length + 2 - max;
  }
}

/** The line under a source: publisher, date and file, whichever are known. */
export function sourceFooter(c: { publisher: string | null; date: string | null; source: string }): string {
  return [c.publisher ?? 'Unknown publisher', c.date ?? 'undated', c.source].join(' · ');
}

/**
 * One embed per citation: `[n] Title`, the verbatim quote, and publisher · date · file.
 * Every embed is within Discord's per-field limits; `chunkEmbeds` keeps messages within theirs.
 */
export function buildSourceEmbeds(citations: Citation[], options: { quoteChars?: number; color?: number } = {}): APIEmbed[] {
  const quoteChars = Math.min(options.quoteChars ?? QUOTE_CHARS, DISCORD_LIMITS.embedDescription);
  return citations.map((c) => {
    const embed = new EmbedBuilder()
      .setTitle(truncateAtWord(`[${c.n}] ${articleTitle(c.title)}`, DISCORD_LIMITS.embedTitle))
      .setDescription(blockQuote(c.quote, quoteChars))
      .setFooter({ text: truncateAtWord(sourceFooter(c), DISCORD_LIMITS.embedFooter) });
    if (options.color !== undefined) embed.setColor(options.color);
    return embed.toJSON();
  });
}

/** Packs embeds into as few messages as possible: at most 10 and 6000 characters per message. */
export function chunkEmbeds(embeds: APIEmbed[]): APIEmbed[][] {
  const out: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const embed of embeds) {
    const len = embedLength(embed);
    if (current.length > 0 && (current.length === DISCORD_LIMITS.embedsPerMessage || size + len > DISCORD_LIMITS.embedCharsPerMessage)) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(embed);
    size += len;
  }
  if (current.length > 0) out.push(current);
  return out;
}

const ANSWERED_COLOR = 0x2b6cb0;
const NO_ANSWER_COLOR = 0x718096;

/**
 * The messages for one answer: the question echoed as a quote, the answer text with `[n]` markers
 * (split on paragraph/sentence boundaries), then the sources as embeds. `components` (feedback and
 * thread buttons) go on the last message so they sit under the sources.
 */
export function answerReplies(
  answer: Answer,
  options: { components?: ReplyPayload['components']; echoQuestion?: boolean } = {},
): ReplyPayload[] {
  const parts: string[] = [];
  if (options.echoQuestion !== false) parts.push(`> **Q:** ${untrustedText(truncateAtWord(answer.question.replace(/\s+/g, ' '), 300))}`);
  // Model output and article text: no masked links, no live mentions, markdown shown as typed.
  parts.push(untrustedText(answer.text));
  if (answer.kind === 'no-answer' && answer.citations.length > 0) parts.push('-# Closest passages (they do not answer the question):');
  if (answer.notice) parts.push(`-# ${answer.notice}`);
  const chunks = splitMessage(parts.join('\n\n'));
  const embeds = buildSourceEmbeds(answer.citations, { color: answer.kind === 'answered' ? ANSWERED_COLOR : NO_ANSWER_COLOR });
  return assemble(chunks, chunkEmbeds(embeds), options.components);
}

/** Plain text (e.g. /sources, notices) as one or more messages, with optional trailing components and files. */
export function textReplies(text: string, extra: Omit<ReplyPayload, 'content' | 'embeds'> = {}): ReplyPayload[] {
  const chunks = splitMessage(text);
  const out = assemble(chunks, [], extra.components);
  const last = out[out.length - 1];
  if (last && extra.files) last.files = extra.files;
  return out;
}

function assemble(chunks: string[], embedGroups: APIEmbed[][], components: ReplyPayload['components']): ReplyPayload[] {
  const out: ReplyPayload[] = chunks.map((content) => ({ content }));
  const groups = [...embedGroups];
  const last = out[out.length - 1];
  const first = groups.shift();
  if (last && first) last.embeds = first;
  else if (first) out.push({ embeds: first });
  for (const g of groups) out.push({ embeds: g });
  if (out.length === 0) out.push({ content: '…' });
  if (components && components.length > 0) {
    const tail = out[out.length - 1];
    if (tail) tail.components = components;
  }
  return out;
}

function toOptions(p: ReplyPayload) {
  return {
    content: p.content ?? '',
    embeds: p.embeds ?? [],
    components: p.components ?? [],
    ...(p.files ? { files: p.files } : {}),
    allowedMentions: SAFE_MENTIONS,
  };
}

/**
 * Sends messages in answer to an interaction: the first replaces the deferred reply (or is the
 * reply), the rest are follow-ups. Returns the messages created, in order.
 */
export async function deliverToInteraction(
  interaction: RepliableInteraction,
  payloads: ReplyPayload[],
  options: { ephemeral?: boolean } = {},
): Promise<Array<Pick<Message, 'id'>>> {
  const sent: Array<Pick<Message, 'id'>> = [];
  const flags = options.ephemeral ? MessageFlags.Ephemeral : undefined;
  for (const payload of payloads) {
    const body = toOptions(payload);
    if (!interaction.deferred && !interaction.replied) {
      const res = await interaction.reply({ ...body, ...(flags ? { flags } : {}), withResponse: true });
      if (res.resource?.message) sent.push(res.resource.message);
    } else if (interaction.deferred && sent.length === 0 && !interaction.replied) {
      sent.push(await interaction.editReply(body));
    } else {
      sent.push(await interaction.followUp({ ...body, ...(flags ? { flags } : {}) }));
    }
  }
  return sent;
}

/** Replies to a message (first payload) and continues in the same channel; never pings. */
export async function deliverToMessage(message: Message, payloads: ReplyPayload[]): Promise<Message[]> {
  const sent: Message[] = [];
  for (const payload of payloads) {
    const body = toOptions(payload);
    const previous = sent[sent.length - 1];
    // Later parts reply to the previous part so the chain stays readable in busy channels.
    sent.push(previous ? await previous.reply(body) : await message.reply(body));
  }
  return sent;
}

/**
 * A short private notice (denials, rate limits, validation, errors): the reply when nothing was
 * sent yet, else a follow-up. A public "thinking…" placeholder is deleted first, because it would
 * otherwise stay in the channel forever.
 */
export async function notifyEphemeral(interaction: RepliableInteraction, text: string): Promise<void> {
  const body = { content: truncateAtWord(text, DISCORD_LIMITS.content), allowedMentions: SAFE_MENTIONS, flags: MessageFlags.Ephemeral } as const;
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply(body);
    return;
  }
  if (interaction.deferred && !interaction.replied && !interaction.ephemeral) await interaction.deleteReply().catch(() => undefined);
  await interaction.followUp(body);
}

/** Edits a command's own reply (e.g. /reindex progress); content is kept within limits. */
export async function editInteractionText(interaction: RepliableInteraction, text: string): Promise<void> {
  await interaction.editReply({ content: truncateAtWord(text, DISCORD_LIMITS.content), allowedMentions: SAFE_MENTIONS });
}

/** A short plain reply to a message (hints, limits, errors); never pings, never over 2000 characters. */
export async function replyText(message: Message, text: string): Promise<Message> {
  return message.reply({ content: truncateAtWord(text, DISCORD_LIMITS.content), allowedMentions: SAFE_MENTIONS });
}

/** A short plain message in a channel or thread. */
export async function sendText(channel: SendableChannels, text: string): Promise<Message> {
  return channel.send({ content: truncateAtWord(text, DISCORD_LIMITS.content), allowedMentions: SAFE_MENTIONS });
}

/**
 * Replaces the content and buttons of the message whose button was clicked (timeline paging).
 * Attachments are left out of the edit, so Discord keeps the ones already on the message.
 */
export async function updateClickedMessage(interaction: ButtonInteraction, payload: Pick<ReplyPayload, 'content' | 'components'>): Promise<void> {
  await interaction.update({ content: truncateAtWord(payload.content ?? '', DISCORD_LIMITS.content), components: payload.components ?? [], allowedMentions: SAFE_MENTIONS });
}
