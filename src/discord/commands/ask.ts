import { SlashCommandBuilder } from 'discord.js';
import { validateQuestion } from '../../engine/validateQuestion.js';
import type { Command } from '../Command.js';
import { extendTurns } from '../BotContext.js';
import { answerButtons } from '../customIds.js';
import { rateLimitMessage } from '../RateLimiter.js';
import { answerReplies, deliverToInteraction, notifyEphemeral } from '../replies.js';

/** Discord's own cap on a string option; the configured MAX_QUESTION_CHARS is checked at run time. */
const DISCORD_OPTION_MAX = 6000;

/** `/ask question:` — a grounded answer with numbered citations and the quoted sources. */
export const ask = {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask a question about the indexed news articles; the answer cites and quotes them.')
    .addStringOption((o) =>
      o.setName('question').setDescription('For example: who leads the US–Armenia working group?').setRequired(true).setMaxLength(DISCORD_OPTION_MAX),
    ),
  async execute(interaction, ctx) {
    // Validation and the rate limit are instant, so their answers can be private replies (no defer needed).
    const question = validateQuestion(interaction.options.getString('question', true), ctx.config.answer.maxQuestionChars);
    const decision = ctx.rateLimiter.take(interaction.user.id);
    if (decision.kind === 'limited') {
      await notifyEphemeral(interaction, rateLimitMessage(decision.retryAfterSeconds));
      return;
    }
    const started = Date.now();
    await interaction.deferReply();
    const answer = await ctx.engine.ask(question);
    const key = interaction.id;
    const turns = extendTurns([], answer);
    ctx.answers.set(key, { answer, turns });
    const components = answerButtons(key, { thread: ctx.config.discord.offerThreads && interaction.inGuild() });
    const sent = await deliverToInteraction(interaction, answerReplies(answer, { components }));
    // Replying to any part of the answer continues this conversation.
    for (const m of sent) ctx.conversations.set(m.id, turns);
    ctx.logger.info({ what: '/ask', kind: answer.kind, citations: answer.citations.length, messages: sent.length, ms: Date.now() - started }, 'Answered');
  },
} satisfies Command;
