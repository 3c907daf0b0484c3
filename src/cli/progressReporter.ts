import cliProgress from 'cli-progress';
import type { IndexProgress } from '../Engine.js';

/**
 * Index-build progress for a terminal: a bar with ETA when stderr is a TTY, otherwise nothing
 * (pipes and CI logs stay readable). Returns the callback and a `stop` to clear the bar.
 */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr): { onProgress: (p: IndexProgress) => void; stop: () => void } {
  if (!stream.isTTY) return { onProgress: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { stream, format: '{phase} |{bar}| {value}/{total} passages | ETA {eta_formatted}', hideCursor: true, clearOnComplete: true, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress: (p) => {
      if (p.phase !== 'embedding' || p.total === 0) return;
      if (!started) {
        bar.start(p.total, p.done, { phase: 'Embedding' });
        started = true;
      } else bar.update(p.done, { phase: 'Embedding' });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
