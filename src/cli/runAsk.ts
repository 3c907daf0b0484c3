import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCliArgs } from './parseCliArgs.js';
import type { Config } from '../config.js';
import type { CliIo } from './CliIo.js';
import { createApp } from '../app.js';
import { createLogger } from '../logger.js';
import { DossierError, toDossierError } from '../errors.js';
import { toAnswerJson } from '../answer/Answer.js';
import { formatAnswer } from './formatAnswer.js';
import { parseFilter } from './parseFilter.js';
import { progressReporter } from './progressReporter.js';
import { EXIT_USAGE } from './handleCliError.js';
import { sanitizeTerminal } from './sanitizeTerminal.js';

const ASK_USAGE = 'Usage: npm run ask -- "your question" [--json] [--k N] [--source FILE] [--from DATE] [--to DATE]\n       npm run ask -- --batch questions.txt\n';

/** `npm run ask`: one question (human or `--json` output), or `--batch FILE` for scripts. */
export async function runAsk(config: Config, argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCliArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      k: { type: 'string' },
      batch: { type: 'string' },
      source: { type: 'string', multiple: true },
      from: { type: 'string' },
      to: { type: 'string' },
    },
  }, ASK_USAGE.trimEnd());
  const question = positionals.join(' ').trim();
  if (!values.batch && question === '') {
    io.stderr.write(ASK_USAGE);
    return EXIT_USAGE;
  }
  const k = values.k === undefined ? undefined : Number(values.k);
  if (k !== undefined && (!Number.isInteger(k) || k < 1 || k > 20)) throw new DossierError('USAGE', '--k must be a whole number from 1 to 20.');
  const filter = parseFilter(values);
  const batchLines = values.batch ? await readBatch(values.batch, io.cwd) : undefined;

  const progress = progressReporter(io.stderr);
  const app = await createApp(config, { logger: createLogger(config.logLevel, 'pretty', (l) => io.stderr.write(l)), onProgress: progress.onProgress });
  progress.stop();
  try {
    const options = { ...(k ? { k } : {}), ...(filter ? { filter } : {}) };
    if (batchLines) {
      for (const line of batchLines) {
        try {
          io.stdout.write(`${JSON.stringify(toAnswerJson(await app.engine.ask(line, options)))}\n`);
        } catch (error) {
          const e = toDossierError(error);
          io.stdout.write(`${JSON.stringify({ question: line, error: { code: e.code, message: e.message } })}\n`);
        }
      }
      return 0;
    }
    const answer = await app.engine.ask(question, options);
    io.stdout.write(values.json ? `${JSON.stringify(toAnswerJson(answer), null, 2)}\n` : `${sanitizeTerminal(formatAnswer(answer))}\n`);
    return 0;
  } finally {
    await app.close();
  }
}

async function readBatch(file: string, cwd: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new DossierError('USAGE', `Cannot read the batch file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
}
