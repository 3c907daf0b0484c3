import path from 'node:path';
import { addArticles, type AddOutcome } from '../add/addArticles.js';
import type { AddInput } from '../add/prepareArticle.js';
import type { Config } from '../config.js';
import type { CliIo } from './CliIo.js';
import { createApp, type App } from '../app.js';
import { DossierError } from '../errors.js';
import { createLogger } from '../logger.js';
import { articleTitle } from '../util/articleTitle.js';
import { parseCliArgs } from './parseCliArgs.js';
import { progressReporter } from './progressReporter.js';
import { sanitizeTerminal } from './sanitizeTerminal.js';

const ADD_USAGE = 'Usage: npm run add -- <URL|FILE>… [--json]   (FILE: .html, .htm, .txt or .md)';

/** A web address ("https://…"), else a path on this machine (relative to where the command runs). */
export function parseAddInput(arg: string, cwd: string): AddInput {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(arg) ? { kind: 'url', url: arg } : { kind: 'file', path: path.resolve(cwd, arg) };
}

/** One line (or two) per outcome, for people. Page text is untrusted: sanitised for the terminal. */
export function formatAddOutcome(o: AddOutcome): string {
  switch (o.kind) {
    case 'added': {
      const by = [o.publisher ?? 'publisher unknown', o.date ?? 'date unknown'].join(', ');
      return sanitizeTerminal(`Added ${articleTitle(o.title)} — ${by} (${o.passages} passage${o.passages === 1 ? '' : 's'})\n      ${o.file}`);
    }
    case 'duplicate':
      return sanitizeTerminal(`Already there: ${o.input} is ${o.same === 'url' ? 'the same address as' : 'the same text as'} ${o.file}; nothing added.`);
    case 'failed':
      return sanitizeTerminal(`Not added: ${o.message}`);
  }
}

/** What `--json` prints for one outcome. */
export function addOutcomeJson(o: AddOutcome): Record<string, unknown> {
  switch (o.kind) {
    case 'added':
      return { file: o.file, title: o.title, publisher: o.publisher, date: o.date, url: o.url, passages: o.passages };
    case 'duplicate':
      return { duplicate: true, input: o.input, file: o.file, same: o.same };
    case 'failed':
      return { error: o.code, input: o.input, message: o.message };
  }
}

/**
 * `npm run add -- <URL|FILE>… [--json]`: adds articles from the web or from files to the articles
 * folder and updates the index, so they answer questions at once. `--json` prints one object per
 * input per line. Exits 1 when any input could not be added (a duplicate is not a failure).
 */
export async function runAdd(config: Config, argv: string[], io: CliIo, existing?: App): Promise<number> {
  const { values, positionals } = parseCliArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean', default: false } } }, ADD_USAGE);
  if (positionals.length === 0) throw new DossierError('USAGE', `Give at least one web address or file.\n${ADD_USAGE}`);
  const inputs = positionals.map((p) => parseAddInput(p, io.cwd));
  const progress = progressReporter(io.stderr);
  const logger = createLogger(config.logLevel, 'pretty', (l) => io.stderr.write(l));
  const app = existing ?? (await createApp(config, { logger, onProgress: progress.onProgress }));
  progress.stop();
  try {
    const bar = progressReporter(io.stderr);
    const outcomes = await addArticles(inputs, { config, engine: app.engine, onProgress: bar.onProgress, onStep: (step) => logger.info(sanitizeTerminal(`${step}…`)) });
    bar.stop();
    for (const o of outcomes) io.stdout.write(`${values.json ? JSON.stringify(addOutcomeJson(o)) : formatAddOutcome(o)}\n`);
    return outcomes.some((o) => o.kind === 'failed') ? 1 : 0;
  } finally {
    if (!existing) await app.close();
  }
}
