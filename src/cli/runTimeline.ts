import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import type { CliIo } from './CliIo.js';
import { DossierError } from '../errors.js';
import type { TimelineOptions } from '../timeline/TimelineEvent.js';
import { createApp } from '../app.js';
import { createLogger } from '../logger.js';
import { toTimelineJson } from '../timeline/formatTimeline.js';
import { presentTimeline } from '../timeline/presentTimeline.js';
import { parseCliArgs } from './parseCliArgs.js';
import { parseFilter } from './parseFilter.js';
import { progressReporter } from './progressReporter.js';
import { sanitizeTerminal } from './sanitizeTerminal.js';

const TIMELINE_USAGE = 'Usage: timeline [topic words | --topic "text"] [--from DATE] [--to DATE] [--source FILE] [--planned] [--no-history] [--all] [--json] [--png FILE]';

/**
 * Parses the timeline options shared by `npm run timeline` and the chat's `/timeline`. Words outside
 * any option are the topic, so `/timeline Aliyev visit` and `--topic Aliyev visit` mean the same as
 * `--topic "Aliyev visit"`.
 * @throws DossierError `USAGE` for an unknown option or a missing value.
 */
export function parseTimelineArgs(argv: string[]): { options: TimelineOptions; json: boolean; png: string | undefined; all: boolean } {
  const { values, positionals } = parseCliArgs({
    args: argv,
    allowPositionals: true,
    options: {
      topic: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      source: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
      png: { type: 'string' },
      planned: { type: 'boolean', default: false },
      'no-history': { type: 'boolean', default: false },
      all: { type: 'boolean', default: false },
    },
  }, TIMELINE_USAGE);
  const filter = parseFilter(values);
  const topic = [values.topic ?? '', ...positionals].join(' ').replace(/\s+/g, ' ').trim();
  return {
    options: { ...(topic ? { topic } : {}), ...filter, ...(values.planned ? { planned: true } : {}), ...(values['no-history'] ? { history: false } : {}) },
    json: values.json ?? false,
    png: values.png,
    all: values.all ?? false,
  };
}

/** What a summarised timeline tells the reader to do for more. */
export const TO_SEE_ALL = 'Narrow it with a topic, --from or --to, or add --all for every event (--json always lists every event).';

/** `npm run timeline`: dated events, oldest first, as text, JSON, and optionally a PNG. */
export async function runTimeline(config: Config, argv: string[], io: CliIo): Promise<number> {
  const { options, json, png, all } = parseTimelineArgs(argv);
  const progress = progressReporter(io.stderr);
  const app = await createApp(config, { logger: createLogger(config.logLevel, 'pretty', (l) => io.stderr.write(l)), onProgress: progress.onProgress });
  progress.stop();
  try {
    const timeline = await app.engine.timeline(options);
    const shown = presentTimeline(timeline, { all, title: options.topic ? `Timeline: ${options.topic}` : 'Timeline', howToSeeAll: TO_SEE_ALL });
    if (png) {
      await writeFile(path.resolve(io.cwd, png), shown.png()).catch((error: unknown) => {
        const code = (error as NodeJS.ErrnoException).code;
        const why = code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'it cannot be written here' : code === 'EISDIR' ? 'it is a folder' : String(code ?? error);
        throw new DossierError('USAGE', `Could not write the picture to ${png}: ${why}.`, { cause: error });
      });
      io.stderr.write(`Wrote ${png}\n`);
    }
    io.stdout.write(json ? `${JSON.stringify(toTimelineJson(timeline), null, 2)}\n` : `${sanitizeTerminal(shown.text)}\n`);
    return 0;
  } finally {
    await app.close();
  }
}
