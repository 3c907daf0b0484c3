import type { IndexReport } from '../engine/Engine.js';

/** Files listed per kind of change before the rest are counted: a 1,400-file build is not 1,400 lines. */
export const LISTED_PER_KIND = 20;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function listed(prefix: string, items: readonly string[]): string[] {
  const shown = items.slice(0, LISTED_PER_KIND).map((s) => `  ${prefix} ${s}`);
  return items.length > LISTED_PER_KIND ? [...shown, `  ${prefix} … and ${items.length - LISTED_PER_KIND} more`] : shown;
}

/** Summarises a build: what was reused, added, changed, removed and skipped. */
export function formatIndexReport(r: IndexReport, options: { wallSeconds?: number } = {}): string {
  const articles = r.reused.length + r.added.length + r.changed.length;
  // The time a person waited (start-up included), when the caller measured it; else the build's own.
  const seconds = options.wallSeconds ?? r.seconds;
  const lines = [
    `Index ready: ${plural(articles, 'article')}, ${plural(r.passages, 'passage')} (${r.embedded} embedded) in ${seconds.toFixed(2)} s.`,
    `  reused ${r.reused.length}, added ${r.added.length}, changed ${r.changed.length}, removed ${r.removed.length}, skipped ${r.skipped.length}`,
  ];
  if (r.fullRebuildReason) lines.push(`  full rebuild: ${r.fullRebuildReason}`);
  lines.push(...listed('+', r.added), ...listed('~', r.changed), ...listed('-', r.removed));
  lines.push(...listed('! skipped', r.skipped.map((s) => `${s.source}: ${s.reason}`)));
  return lines.join('\n');
}
