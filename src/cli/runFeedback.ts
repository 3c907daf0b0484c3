import type { Config } from '../config.js';
import type { CliIo } from './CliIo.js';
import { DossierError } from '../errors.js';
import { FeedbackStore } from '../discord/FeedbackStore.js';
import { parseCliArgs } from './parseCliArgs.js';

/** `npm run feedback`: exports the 👍/👎 votes the bot recorded, as JSONL (default) or CSV, to stdout. */
export async function runFeedback(config: Config, argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCliArgs({ args: argv, allowPositionals: false, options: { format: { type: 'string', default: 'jsonl' } } }, 'Usage: npm run feedback -- [--format jsonl|csv]');
  const format = values.format;
  if (format !== 'jsonl' && format !== 'csv') throw new DossierError('USAGE', '--format must be jsonl or csv.');
  io.stdout.write(await FeedbackStore.fromConfig(config).exportFeedback(format));
  return 0;
}
