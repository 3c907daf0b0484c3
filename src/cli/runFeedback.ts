import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { DossierError } from '../errors.js';
import { FeedbackStore } from '../discord/FeedbackStore.js';

/** `npm run feedback`: exports the 👍/👎 votes the bot recorded, as JSONL (default) or CSV, to stdout. */
export async function runFeedback(config: Config, argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, allowPositionals: false, options: { format: { type: 'string', default: 'jsonl' } } });
  const format = values.format;
  if (format !== 'jsonl' && format !== 'csv') throw new DossierError('USAGE', '--format must be jsonl or csv.');
  process.stdout.write(await FeedbackStore.fromConfig(config).exportFeedback(format));
  return 0;
}
