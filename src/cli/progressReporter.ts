import cliProgress from 'cli-progress';
import type { IndexProgress } from '../engine/Engine.js';
import type { CliIo } from './CliIo.js';

/**
 * Index-build progress for a terminal: a bar with ETA when stderr is a TTY, otherwise nothing
 * (pipes and CI logs stay readable). Returns the callback and a `stop` to clear the bar.
 */
export function progressReporter(stream: CliIo['stderr']): { onProgress: (p: IndexProgress) => void; stop: () => void } {
  if (!stream.isTTY) return { onProgress: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { stream, format: '{phase} |{bar}| {value}/{total} {unit} | ETA {eta_formatted}', hideCursor: true, clearOnComplete: true, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  let current: IndexProgress['phase'] | undefined;
  const stop = () => {
    if (current !== undefined) bar.stop();
    current = undefined;
  };
  return {
    onProgress: (p) => {
      const shown = PHASES[p.phase];
      // Each phase has its own bar and ETA: reading and embedding articles, then the passages left to embed.
      if (!shown || p.total === 0) {
        if (p.phase === 'done') stop();
        return;
      }
      if (p.phase !== current) {
        stop();
        bar.start(p.total, p.done, shown);
        current = p.phase;
      } else {
        // A phase may learn its real size late (an update reads the changed articles, then counts all).
        if (p.total !== bar.getTotal()) bar.setTotal(p.total);
        bar.update(p.done, shown);
      }
    },
    stop,
  };
}

/** What each phase is called on the bar, and what it counts. */
const PHASES: Partial<Record<IndexProgress['phase'], { phase: string; unit: string }>> = {
  vectors: { phase: 'Preparing word vectors (first run only)', unit: 'MB' },
  reading: { phase: 'Reading articles', unit: 'articles' },
  embedding: { phase: 'Embedding', unit: 'passages' },
  graph: { phase: 'Linking passages', unit: 'passages' },
  writing: { phase: 'Writing index', unit: 'steps' },
};
