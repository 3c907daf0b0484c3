import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { addArticles, type AddOutcome } from '../../add/addArticles.js';
import type { AddInput } from '../../add/prepareArticle.js';
import type { IndexProgress } from '../../engine/Engine.js';
import { articleTitle } from '../../util/articleTitle.js';
import type { Command } from '../Command.js';
import { progressEditor } from '../progressEditor.js';
import { editInteractionText, notifyEphemeral } from '../replies.js';
import { untrustedText } from '../untrustedText.js';
import { adminOnly } from '../commandChecks.js';
import { formatProgress } from './reindex.js';

/** The reply for one outcome. Everything read from the page or the link is untrusted text. */
export function formatAddReply(o: AddOutcome): string {
  switch (o.kind) {
    case 'added': {
      const by = [o.publisher ?? 'unknown publisher', o.date ?? 'undated'].map((x) => untrustedText(x)).join(', ');
      return `✅ Added **${untrustedText(articleTitle(o.title))}** — ${by} · ${o.passages} passage${o.passages === 1 ? '' : 's'}\n${untrustedText(o.file)}\nIt answers questions from now on.`;
    }
    case 'duplicate':
      return `Already there: that is the ${o.same === 'url' ? 'same address' : 'same text'} as ${untrustedText(o.file)}. Nothing was added.`;
    case 'failed':
      return `❌ Not added: ${untrustedText(o.message)}`;
  }
}

/** `/add url:` or `/add file:` — adds an article from a link or an uploaded page; admins only, like /reindex. */
export const add = {
  data: new SlashCommandBuilder()
    .setName('add')
    .setDescription('Add an article from a link or an uploaded page (Manage Server or configured admins).')
    .addStringOption((o) => o.setName('url').setDescription('The article\'s web address (http or https)').setMaxLength(2000))
    .addAttachmentOption((o) => o.setName('file').setDescription('A saved page or text file: .html, .htm, .txt or .md'))
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild),
  // The same people who may rebuild the index may add to it.
  checks: [adminOnly('add articles')],
  async execute(interaction, ctx) {
    const url = interaction.options.getString('url');
    const file = interaction.options.getAttachment('file');
    if ((url === null) === (file === null)) {
      await notifyEphemeral(interaction, 'Give either a link (`url:`) or a file (`file:`), one article at a time.');
      return;
    }
    if (file && file.size > ctx.config.add.maxBytes) {
      await notifyEphemeral(interaction, `That file is larger than ${Math.round(ctx.config.add.maxBytes / 1024)} KB, the most I accept.`);
      return;
    }
    const input: AddInput = file ? { kind: 'upload', name: file.name, url: file.url } : { kind: 'url', url: url ?? '' };
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const progress = progressEditor(interaction, { intervalMs: ctx.progressIntervalMs, logger: ctx.logger, what: '/add' });
    const onStep = (step: string) => progress.show(`⏳ ${untrustedText(step)}…\nI keep answering meanwhile.`, true);
    const onProgress = (p: IndexProgress) => progress.show(formatProgress(p, 'Adding'));
    let outcome: AddOutcome | undefined;
    try {
      [outcome] = await addArticles([input], { config: ctx.config, engine: ctx.engine, onStep, onProgress });
    } finally {
      await progress.settle();
    }
    if (outcome?.kind === 'added') ctx.logger.info({ file: outcome.file, passages: outcome.passages }, 'Article added from Discord');
    await editInteractionText(interaction, outcome ? formatAddReply(outcome) : '❌ Not added.');
  },
} satisfies Command;
