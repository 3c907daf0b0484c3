import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { validateQuestion } from '../../engine/validateQuestion.js';
import type { Command } from '../Command.js';
import { extendTurns, type BotContext } from '../BotContext.js';
import { RATE_LIMITED } from '../commandChecks.js';
import { answerButtons } from '../customIds.js';
import { answerReplies, deliverToInteraction } from '../replies.js';

/** Discord's own cap on a string option; the configured MAX_QUESTION_CHARS is checked at run time. */
const DISCORD_OPTION_MAX = 6000;

const questionOf = (interaction: ChatInputCommandInteraction, ctx: BotContext) => validateQuestion(interaction.options.getString('question', true), ctx.config.answer.maxQuestionChars);

/** `/ask question:` — a grounded answer with numbered citations and the quoted sources. */
export const ask = {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask a question about the indexed news articles; the answer cites and quotes them.')
    .addStringOption((o) =>
      o.setName('question').setDescription('For example: who leads the US–Armenia working group?').setRequired(true).setMaxLength(DISCORD_OPTION_MAX),
    ),
  // Checked before the rate limit, so a mistyped question costs no turn; both answer privately, without a defer.
  input: (interaction, ctx) => void questionOf(interaction, ctx),
  checks: [RATE_LIMITED],
  async execute(interaction, ctx) {
    const question = questionOf(interaction, ctx);
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
