#!/usr/bin/env node
import 'dotenv/config';
import { loadConfig } from '../config.js';
import { DossierError } from '../errors.js';
import { handleCliError, EXIT_USAGE } from './handleCliError.js';
import { USAGE } from './usage.js';

/**
 * Entry point for every terminal command (`npm start`, `npm run index|ask|timeline|sources|add|chat|register`).
 * Commands are loaded lazily so `--help` and config errors answer instantly.
 */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command ? 0 : EXIT_USAGE;
  }
  const config = loadConfig(process.env, process.cwd());
  switch (command) {
    case 'index':
      return (await import('./runIndex.js')).runIndex(config, rest);
    case 'ask':
      return (await import('./runAsk.js')).runAsk(config, rest);
    case 'timeline':
      return (await import('./runTimeline.js')).runTimeline(config, rest);
    case 'chat':
      return (await import('./runChat.js')).runChat(config, rest);
    case 'start':
      return (await import('./runStart.js')).runStart(config, rest);
    case 'register':
      return (await import('./runRegister.js')).runRegister(config, rest);
    case 'sources':
      return (await import('./runSources.js')).runSources(config, rest);
    case 'add':
      return (await import('./runAdd.js')).runAdd(config, rest);
    case 'feedback':
      return (await import('./runFeedback.js')).runFeedback(config, rest);
    default:
      throw new DossierError('USAGE', `Unknown command "${command}".\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = handleCliError(error, undefined, Boolean(process.env['DEBUG']));
  },
);
