import type { Config } from '../config.js';
import type { CliIo } from './CliIo.js';
import type { SourceInfo } from '../engine/Engine.js';
import { createApp } from '../app.js';
import { createLogger } from '../logger.js';
import { parseCliArgs } from './parseCliArgs.js';
import { progressReporter } from './progressReporter.js';
import { sanitizeTerminal } from './sanitizeTerminal.js';
import { articleTitle } from '../util/articleTitle.js';

const SOURCES_USAGE = 'Usage: npm run sources -- [--json]';

/** One article as a line a person can scan: date, title, publisher, passages, then the file. */
export function formatSourceLine(s: SourceInfo): string {
  const title = articleTitle(s.title);
  return `${(s.date ?? 'undated').padEnd(10)}  ${sanitizeTerminal(title)} — ${sanitizeTerminal(s.publisher ?? 'publisher unknown')} (${s.passages} passage${s.passages === 1 ? '' : 's'})\n            ${s.source}`;
}

/**
 * `npm run sources`: what each indexed article was read as — title, publisher and date as
 * inferred (or set by a sidecar), so a user can check and correct them. `--json` prints an array of
 * `{source, title, publisher, date, passages}`, `source` as in `ask --json`.
 */
export async function runSources(config: Config, argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCliArgs({ args: argv, allowPositionals: false, options: { json: { type: 'boolean', default: false } } }, SOURCES_USAGE);
  const progress = progressReporter(io.stderr);
  const app = await createApp(config, { logger: createLogger(config.logLevel, 'pretty', (l) => io.stderr.write(l)), onProgress: progress.onProgress });
  progress.stop();
  try {
    const sources = app.engine.sources();
    if (values.json) {
      io.stdout.write(`${JSON.stringify(sources.map(({ source, title, publisher, date, passages }) => ({ source, title, publisher, date, passages })), null, 2)}\n`);
    } else {
      const dated = sources.filter((s) => s.date !== null).length;
      io.stdout.write(`${sources.length} articles (${dated} dated)\n\n${sources.map(formatSourceLine).join('\n')}\n`);
    }
    return 0;
  } finally {
    await app.close();
  }
}
