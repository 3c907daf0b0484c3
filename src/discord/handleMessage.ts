import type { Message } from 'discord.js';
import type { Turn } from '../answer/Answer.js';
import { validateQuestion } from '../engine/validateQuestion.js';
import type { BotContext } from './BotContext.js';
import { extendTurns } from './BotContext.js';
import { answerButtons } from './customIds.js';
import { rateLimitMessage } from './RateLimiter.js';
import { answerReplies, deliverToMessage, replyText } from './replies.js';

/** One "mention me" hint per thread or channel per ten minutes is helpful; more is nagging. */
const HINT_COOLDOWN_MS = 10 * 60 * 1000;

/** Why a message is for the bot, and the conversation it continues. */
export type MessageRoute =
  | { kind: 'ignore' }
  | { kind: 'question'; question: string; history: Turn[]; threadId: string | undefined }
  | { kind: 'withheld'; hintKey: string };

/** Removes mentions of the bot (`<@id>` and the legacy `<@!id>`) from the text. */
export function stripBotMention(content: string, botId: string): string {
  return content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Decides whether a message is a question for the bot: a DM, a mention, a reply to one of the
 * bot's answers, or a message in a thread the bot opened. Without the privileged Message Content
 * intent Discord blanks the text of messages that do not mention the bot, so a blank follow-up is
 * `withheld` (the user must mention the bot, or keep the reply ping on) rather than an empty question.
 */
export function routeMessage(message: Message, botId: string, ctx: BotContext): MessageRoute {
  if (message.author.bot || message.system || message.webhookId) return { kind: 'ignore' };
  const dm = !message.inGuild();
  const mentioned = message.mentions.users.has(botId);
  const replyTo = message.reference?.messageId;
  const fromReply = replyTo ? ctx.conversations.get(replyTo) : undefined;
  const threadId = message.channel.isThread() && ctx.conversations.has(message.channelId) ? message.channelId : undefined;
  const fromThread = threadId ? ctx.conversations.get(threadId) : undefined;
  if (!dm && !mentioned && !fromReply && !fromThread) return { kind: 'ignore' };
  const question = stripBotMention(message.content, botId);
  // Discord blanks text that does not mention the bot (e.g. a reply with the ping switched off).
  if (question === '' && !mentioned && !dm && message.attachments.size === 0) return { kind: 'withheld', hintKey: threadId ?? message.channelId };
  return { kind: 'question', question, history: fromReply ?? fromThread ?? [], threadId };
}

/** Answers a mention, DM, reply-to-answer or thread message with a reply to that message. */
export async function handleMessage(message: Message, botId: string, ctx: BotContext): Promise<void> {
  const route = routeMessage(message, botId, ctx);
  if (route.kind === 'ignore') return;
  if (route.kind === 'withheld') {
    const last = ctx.hints.get(route.hintKey);
    if (last !== undefined && Date.now() - last < HINT_COOLDOWN_MS) return;
    ctx.hints.set(route.hintKey, Date.now());
    await replyText(message, 'I can only read messages that mention me. Start your follow-up with my @mention.');
    return;
  }
  const question = validateQuestion(route.question, ctx.config.answer.maxQuestionChars);
  const decision = ctx.rateLimiter.take(message.author.id);
  if (decision.kind === 'limited') {
    await replyText(message, rateLimitMessage(decision.retryAfterSeconds));
    return;
  }
  const started = Date.now();
  if (message.channel.isSendable()) await message.channel.sendTyping().catch(() => undefined);
  const answer = await ctx.engine.ask(question, route.history.length > 0 ? { history: route.history } : {});
  const turns = extendTurns(route.history, answer);
  const key = message.id;
  ctx.answers.set(key, { answer, turns });
  const thread = ctx.config.discord.offerThreads && message.inGuild() && !message.channel.isThread();
  const sent = await deliverToMessage(message, answerReplies(answer, { components: answerButtons(key, { thread }) }));
  for (const m of sent) ctx.conversations.set(m.id, turns);
  if (route.threadId) ctx.conversations.set(route.threadId, turns);
  ctx.logger.info(
    { what: route.history.length > 0 ? 'follow-up' : 'mention', kind: answer.kind, citations: answer.citations.length, turns: turns.length, ms: Date.now() - started },
    'Answered',
  );
}
