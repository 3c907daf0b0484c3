import type { RepliableInteraction } from 'discord.js';
import type { Logger } from '../logger.js';
import { editInteractionText } from './replies.js';

/** Edits of a deferred reply that shows a long task's progress (`/reindex`, `/add`). */
export interface ProgressEditor {
  /** Shows `text`: at once when `force`, otherwise only if the last edit is `intervalMs` old. */
  show(text: string, force?: boolean): void;
  /** Waits for the queued edits and stops further ones, so none lands after (and hides) the outcome. */
  settle(): Promise<void>;
}

/**
 * Progress edits in order and throttled: Discord rate-limits edits, and a few per second would queue
 * up behind each other. A failed edit is logged, never thrown: progress is a courtesy, the outcome
 * is what must arrive.
 */
export function progressEditor(interaction: RepliableInteraction, options: { intervalMs: number; logger: Logger; what: string }): ProgressEditor {
  let lastEdit = 0;
  let settled = false;
  let pending: Promise<void> = Promise.resolve();
  return {
    show(text, force = false) {
      const now = Date.now();
      if (settled || (!force && now - lastEdit < options.intervalMs)) return;
      lastEdit = now;
      pending = pending.then(() => editInteractionText(interaction, text)).catch((err: unknown) => {
        options.logger.warn({ err: err instanceof Error ? err.message : String(err) }, `Could not edit ${options.what} progress`);
      });
    },
    async settle() {
      settled = true;
      await pending;
    },
  };
}
