import type { Config } from '../config.js';
import type { CliIo } from './CliIo.js';
import { createApp } from '../app.js';
import { createLogger } from '../logger.js';
import { progressReporter } from './progressReporter.js';
import { formatIndexReport } from './formatIndexReport.js';
import { parseCliArgs } from './parseCliArgs.js';

/** A build's warning that it skipped a file ("seeds/x.txt: skipped (empty file)"). */
const SKIP_WARNING = /^warning: \S.*: skipped \(/;

/** `npm run index`: builds or incrementally updates the index and prints what changed. */
export async function runIndex(config: Config, argv: string[], io: CliIo): Promise<number> {
  const started = performance.now();
  const { values } = parseCliArgs({ args: argv, options: { json: { type: 'boolean', default: false } }, allowPositionals: false }, 'Usage: npm run index -- [--json]');
  const progress = progressReporter(io.stderr);
  // The report below lists every skipped file with its reason: the build's per-file skip warnings would say it twice.
  const logger = createLogger(config.logLevel, 'pretty', (line) => {
    if (!SKIP_WARNING.test(line)) io.stderr.write(line);
  });
  // Opening never rebuilds a stale index here: the explicit reindex below does, and reports it.
  const app = await createApp({ ...config, rebuildOnStart: false }, { logger, onProgress: progress.onProgress, rebuildingNext: true });
  try {
    let report = app.startupReport;
    if (!report) {
      const outcome = await app.engine.reindex(progress.onProgress);
      if (outcome.kind === 'busy') {
        io.stderr.write('Another build is running on this index; try again when it has finished.\n');
        return 1;
      }
      report = outcome.report;
    }
    progress.stop();
    const wallSeconds = (performance.now() - started) / 1000;
    io.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatIndexReport(report, { wallSeconds })}\n`);
    return 0;
  } finally {
    progress.stop();
    await app.close();
  }
}
