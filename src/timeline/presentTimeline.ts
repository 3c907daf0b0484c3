import { digestNote, digestTimeline } from './digestTimeline.js';
import { formatTimeline } from './formatTimeline.js';
import { renderTimelinePng } from './renderTimelinePng.js';
import type { Timeline } from './TimelineEvent.js';

/** A timeline as a reader gets it: whole when short, summarised when long unless `all` is asked. */
export interface PresentedTimeline {
  text: string;
  /** Draws the same events as `text` lists. */
  png: () => Buffer;
}

/**
 * Text and picture of a timeline for the terminal and the chat. A long timeline (see
 * `DIGEST_PARAMS`) is shown as its most-reported events with counts per period, and a note saying
 * how to see everything; `--json` output is never summarised.
 * @param howToSeeAll - the surface's own words for narrowing or asking for everything.
 */
export function presentTimeline(timeline: Timeline, options: { all: boolean; title: string; howToSeeAll: string }): PresentedTimeline {
  const digest = options.all ? undefined : digestTimeline(timeline);
  const shown = digest?.timeline ?? timeline;
  const text = digest ? `${digestNote(digest, options.howToSeeAll)}\n\n${formatTimeline(shown)}` : formatTimeline(shown);
  return { text, png: () => renderTimelinePng(shown, { title: options.title, ...(digest ? { total: digest.total } : {}) }) };
}
