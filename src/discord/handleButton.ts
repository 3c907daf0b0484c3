import { ChannelType, ThreadAutoArchiveDuration, type ButtonInteraction } from 'discord.js';
import type { Answer } from '../answer/Answer.js';
import type { AnswerRecord, BotContext } from './BotContext.js';
import { pageButtons, parseButton } from './customIds.js';
import type { FeedbackEntry } from './FeedbackStore.js';
import { DISCORD_LIMITS, notifyEphemeral, sendText, truncateAtWord, updateClickedMessage } from './replies.js';

/**
 * After a restart the in-memory record is gone, but the message itself still shows the answer
 * and its sources, so feedback is recorded from what the user actually saw.
 */
function recordFromMessage(interaction: ButtonInteraction): Pick<FeedbackEntry, 'question' | 'answer' | 'sources'> {
  const content = interaction.message.content;
  const q = /^> \*\*Q:\*\* (.*)$/m.exec(content);
  const sources = interaction.message.embeds.map((e, i) => {
    const m = /^\[(\d+)\] (.*)$/.exec(e.title ?? '');
    return { n: m ? Number(m[1]) : i + 1, source: e.footer?.text ?? '', title: m?.[2] ?? e.title ?? null, quote: (e.description ?? '').replace(/^> /, '') };
  });
  return { question: q?.[1] ?? '', answer: content.replace(/^> \*\*Q:\*\* .*\n+/, ''), sources };
}

function fromRecord(answer: Answer): Pick<FeedbackEntry, 'question' | 'answer' | 'sources'> {
  return {
    question: answer.question,
    answer: answer.text,
    sources: answer.citations.map((c) => ({ n: c.n, source: c.source, title: c.title, quote: c.quote })),
  };
}

async function onFeedback(interaction: ButtonInteraction, vote: 'up' | 'down', key: string, ctx: BotContext): Promise<void> {
  const record: AnswerRecord | undefined = ctx.answers.get(key);
  await ctx.feedback.record({
    answerId: key,
    vote,
    ...(record ? fromRecord(record.answer) : recordFromMessage(interaction)),
    userId: interaction.user.id,
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    at: new Date().toISOString(),
  });
  await notifyEphemeral(interaction, vote === 'up' ? 'Thanks! Recorded 👍 for this answer.' : "Thanks — recorded 👎. It helps improve the answers.");
}

async function onThread(interaction: ButtonInteraction, key: string, ctx: BotContext): Promise<void> {
  const message = interaction.message;
  if (message.hasThread && message.thread) {
    await notifyEphemeral(interaction, `There is already a thread for this answer: <#${message.thread.id}>`);
    return;
  }
  if (!message.inGuild() || message.channel.type !== ChannelType.GuildText) {
    await notifyEphemeral(interaction, 'Threads can only be opened from an answer in a server text channel.');
    return;
  }
  const record = ctx.answers.get(key);
  const turns = record?.turns ?? ctx.conversations.get(message.id) ?? [];
  const name = truncateAtWord(record?.answer.question ?? 'Follow-up questions', DISCORD_LIMITS.threadName);
  const thread = await message.startThread({ name, autoArchiveDuration: ThreadAutoArchiveDuration.OneDay });
  ctx.conversations.set(thread.id, turns);
  await sendText(thread, 'Ask follow-up questions here — start each one with my @mention, e.g. “@Dossier when was that?”. I remember this conversation.');
  await notifyEphemeral(interaction, `Thread opened: <#${thread.id}>`);
}

async function onPage(interaction: ButtonInteraction, key: string, page: number, ctx: BotContext): Promise<void> {
  const stored = ctx.timelines.get(key);
  const content = stored?.pages[page];
  if (!stored || content === undefined) {
    await notifyEphemeral(interaction, 'This timeline has expired. Run /timeline again to page through it.');
    return;
  }
  await updateClickedMessage(interaction, { content, components: pageButtons(key, page, stored.pages.length) });
}

/** Dispatches a button click to feedback, thread or timeline paging. */
export async function handleButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const action = parseButton(interaction.customId);
  if (!action) {
    await notifyEphemeral(interaction, "That button isn't active any more.");
    return;
  }
  switch (action.kind) {
    case 'feedback':
      return onFeedback(interaction, action.vote, action.key, ctx);
    case 'thread':
      return onThread(interaction, action.key, ctx);
    case 'page':
      return onPage(interaction, action.key, action.page, ctx);
  }
}
