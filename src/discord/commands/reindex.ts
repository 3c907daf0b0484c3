import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { IndexProgress, IndexReport, ReindexOutcome } from '../../engine/Engine.js';
import type { Command } from '../Command.js';
import { adminOnly } from '../commandChecks.js';
import { progressEditor } from '../progressEditor.js';
import { editInteractionText, notifyEphemeral } from '../replies.js';

const PHASES: Record<IndexProgress['phase'], string> = {
  vectors: 'Preparing word vectors',
  reading: 'Reading articles',
  embedding: 'Embedding passages',
  graph: 'Linking passages',
  writing: 'Writing the index',
  done: 'Finishing',
};

/** "⏳ Reindexing — Embedding passages… 40/120 (33%)"; `task` names what runs ("Adding" for /add). */
export function formatProgress(p: IndexProgress, task = 'Reindexing'): string {
  const count = p.total > 0 ? ` ${p.done}/${p.total} (${Math.floor((100 * p.done) / p.total)}%)` : '';
  return `⏳ ${task} — ${PHASES[p.phase]}…${count}\nI keep answering from the current index meanwhile.`;
}

/** The final summary of a rebuild. */
export function formatReport(r: IndexReport): string {
  const sources = r.reused.length + r.added.length + r.changed.length;
  const lines = [
    `✅ Index rebuilt in ${r.seconds.toFixed(1)} s: ${sources} article${sources === 1 ? '' : 's'}, ${r.passages} passages (${r.embedded} embedded now).`,
    `Added ${r.added.length}, changed ${r.changed.length}, removed ${r.removed.length}, unchanged ${r.reused.length}.`,
  ];
  if (r.fullRebuildReason) lines.push(`Full rebuild: ${r.fullRebuildReason}`);
  for (const s of r.skipped.slice(0, 10)) lines.push(`⚠️ Skipped ${s.source}: ${s.reason}`);
  if (r.skipped.length > 10) lines.push(`…and ${r.skipped.length - 10} more skipped files.`);
  return lines.join('\n');
}

const BUSY = 'A reindex is already running. I keep answering from the current index; try again when it finishes.';

/** `/reindex` — rebuilds the index from the seeds folder, showing progress; admins only. */
export const reindex = {
  data: new SlashCommandBuilder()
    .setName('reindex')
    .setDescription('Rebuild the article index from the seeds folder (Manage Server or configured admins).')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild),
  checks: [adminOnly('rebuild the index')],
  async execute(interaction, ctx) {
    if (ctx.reindex.running || ctx.engine.reindexing) {
      await notifyEphemeral(interaction, BUSY);
      return;
    }
    ctx.reindex.running = true;
    try {
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const progress = progressEditor(interaction, { intervalMs: ctx.progressIntervalMs, logger: ctx.logger, what: '/reindex' });
      progress.show('⏳ Reindexing — starting…\nI keep answering from the current index meanwhile.', true);
      let outcome: ReindexOutcome;
      try {
        outcome = await ctx.engine.reindex((p) => progress.show(formatProgress(p), p.phase === 'done'));
      } finally {
        await progress.settle();
      }
      if (outcome.kind === 'busy') await editInteractionText(interaction, BUSY);
      else {
        ctx.logger.info({ report: { ...outcome.report, skipped: outcome.report.skipped.length } }, 'Reindexed from Discord');
        await editInteractionText(interaction, formatReport(outcome.report));
      }
    } finally {
      ctx.reindex.running = false;
    }
  },
} satisfies Command;
