import { AttachmentBuilder, SlashCommandBuilder } from 'discord.js';
import { DossierError } from '../../errors.js';
import type { Timeline, TimelineOptions } from '../../timeline/TimelineEvent.js';
import type { Command } from '../Command.js';
import type { BotContext } from '../BotContext.js';
import { pageButtons } from '../customIds.js';
import { serializeError } from '../handleError.js';
import { RATE_LIMITED } from '../commandChecks.js';
import { deliverToInteraction } from '../replies.js';
import { timelinePages } from '../timelinePages.js';
import { renderTimelinePng } from '../../timeline/renderTimelinePng.js';
import { digestTimeline } from '../../timeline/digestTimeline.js';

const ISO_PREFIX = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

function dateOption(name: 'from' | 'to', value: string | null): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (!ISO_PREFIX.test(v)) throw new DossierError('USAGE', `\`${name}\` must be a date like 2024, 2024-06 or 2024-06-17 (got "${v.slice(0, 40)}").`);
  return v;
}

/** Reads and checks the command's options. */
export function timelineOptions(get: (name: string) => string | null): TimelineOptions {
  const topic = get('topic')?.trim();
  const from = dateOption('from', get('from'));
  const to = dateOption('to', get('to'));
  if (from && to && from > to) throw new DossierError('USAGE', `\`from\` (${from}) is after \`to\` (${to}).`);
  return { ...(topic ? { topic } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** The PNG, or nothing when drawing fails: the text pages are the primary content. */
function renderImage(timeline: Timeline, ctx: BotContext): AttachmentBuilder | undefined {
  if (timeline.events.length === 0) return undefined;
  try {
    // A long timeline's pages list every event; its picture shows the most-reported ones legibly.
    const digest = digestTimeline(timeline);
    const png = digest ? renderTimelinePng(digest.timeline, { total: digest.total }) : renderTimelinePng(timeline);
    const description = digest ? `The ${digest.timeline.events.length} most-reported of the ${digest.total} events listed in this message` : 'Timeline of the events listed in this message';
    return new AttachmentBuilder(png, { name: 'timeline.png', description });
  } catch (err) {
    ctx.logger.warn({ err: serializeError(err) }, 'Timeline image could not be drawn; sending text only');
    return undefined;
  }
}

/** `/timeline [topic] [from] [to]` — dated events with sources, paged, plus a PNG. */
export const timeline = {
  data: new SlashCommandBuilder()
    .setName('timeline')
    .setDescription('Dated events from the articles, optionally about a topic and within a date range.')
    .addStringOption((o) => o.setName('topic').setDescription('e.g. TRIPP corridor, peace agreement, Rubio').setMaxLength(200))
    .addStringOption((o) => o.setName('from').setDescription('Start date: 2024, 2024-06 or 2024-06-17').setMaxLength(10))
    .addStringOption((o) => o.setName('to').setDescription('End date: 2025, 2025-08 or 2025-08-08').setMaxLength(10)),
  // Dates are checked before the rate limit, so a mistyped date costs no turn.
  input: (interaction) => void timelineOptions((name) => interaction.options.getString(name)),
  checks: [RATE_LIMITED],
  async execute(interaction, ctx) {
    const options = timelineOptions((name) => interaction.options.getString(name));
    await interaction.deferReply();
    const result = await ctx.engine.timeline(options);
    const pages = timelinePages(result, options);
    const key = interaction.id;
    ctx.timelines.set(key, { pages });
    const image = renderImage(result, ctx);
    await deliverToInteraction(interaction, [
      { content: pages[0] ?? '', components: pageButtons(key, 0, pages.length), ...(image ? { files: [image] } : {}) },
    ]);
  },
} satisfies Command;
