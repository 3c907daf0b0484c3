import { SlashCommandBuilder } from 'discord.js';
import { untrustedText } from '../untrustedText.js';
import type { SourceInfo } from '../../engine/Engine.js';
import type { Command } from '../Command.js';
import { deliverToInteraction, textReplies } from '../replies.js';
import { UNTITLED } from '../../util/articleTitle.js';

/** One line per article: title, publisher, date, passage count. */
export function formatSources(sources: SourceInfo[]): string {
  if (sources.length === 0) return 'No articles are indexed yet. An admin can add files to the seeds folder and run /reindex.';
  const total = sources.reduce((n, s) => n + s.passages, 0);
  const lines = sources.map((s, i) => {
    // An untitled article is named by its file, shown as everywhere else (its path).
    const title = s.title ? `**${untrustedText(s.title)}**` : `**${UNTITLED}** ${untrustedText(s.source)}`;
    const by = [s.publisher ?? 'unknown publisher', s.date ?? 'undated'].map((x) => untrustedText(x)).join(', ');
    const link = s.url ? ` — <${s.url}>` : '';
    return `${i + 1}. ${title} — ${by} · ${s.passages} passage${s.passages === 1 ? '' : 's'}${link}`;
  });
  return [`**${sources.length} indexed article${sources.length === 1 ? '' : 's'}** (${total} passages)`, '', ...lines].join('\n');
}

/** `/sources` — what the bot can answer from. */
export const sources = {
  data: new SlashCommandBuilder().setName('sources').setDescription('List the indexed articles with publisher, date and passage count.'),
  async execute(interaction, ctx) {
    await deliverToInteraction(interaction, textReplies(formatSources(ctx.engine.sources())));
  },
} satisfies Command;
