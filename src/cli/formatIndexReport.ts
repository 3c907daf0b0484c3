import type { IndexReport } from '../Engine.js';

/** Summarises a build: what was reused, added, changed, removed and skipped. */
export function formatIndexReport(r: IndexReport): string {
  const lines = [
    `Index ready: ${r.reused.length + r.added.length + r.changed.length} articles, ${r.passages} passages (${r.embedded} embedded) in ${r.seconds.toFixed(2)} s.`,
    `  reused ${r.reused.length}, added ${r.added.length}, changed ${r.changed.length}, removed ${r.removed.length}, skipped ${r.skipped.length}`,
  ];
  if (r.fullRebuildReason) lines.push(`  full rebuild: ${r.fullRebuildReason}`);
  for (const s of r.added) lines.push(`  + ${s}`);
  for (const s of r.changed) lines.push(`  ~ ${s}`);
  for (const s of r.removed) lines.push(`  - ${s}`);
  for (const s of r.skipped) lines.push(`  ! skipped ${s.source}: ${s.reason}`);
  return lines.join('\n');
}
