import { loadConfig } from '../config.js';
import { DossierError } from '../errors.js';
import type { CliIo } from './CliIo.js';
import { handleCliError, EXIT_USAGE } from './handleCliError.js';
import { USAGE } from './usage.js';

/**
 * Runs one terminal command (`npm start`, `npm run index|ask|timeline|sources|add|chat|register|feedback`)
 * in `io` and returns its exit code; every error is turned into a message on `io.stderr` by
 * {@link handleCliError}, so this never rejects for a command's failure. Commands are loaded lazily
 * so `--help` and config errors answer instantly.
 * @param argv - the arguments after the script name: the command, then its options.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    return handleCliError(error, (s) => io.stderr.write(s), Boolean(io.env['DEBUG']));
  }
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.stdout.write(USAGE);
    return command ? 0 : EXIT_USAGE;
  }
  const config = loadConfig(io.env, io.cwd);
  switch (command) {
    case 'index':
      return (await import('./runIndex.js')).runIndex(config, rest, io);
    case 'ask':
      return (await import('./runAsk.js')).runAsk(config, rest, io);
    case 'timeline':
      return (await import('./runTimeline.js')).runTimeline(config, rest, io);
    case 'chat':
      return (await import('./runChat.js')).runChat(config, rest, io);
    case 'start':
      return (await import('./runStart.js')).runStart(config, rest, io);
    case 'register':
      return (await import('./runRegister.js')).runRegister(config, rest, io);
    case 'sources':
      return (await import('./runSources.js')).runSources(config, rest, io);
    case 'add':
      return (await import('./runAdd.js')).runAdd(config, rest, io);
    case 'feedback':
      return (await import('./runFeedback.js')).runFeedback(config, rest, io);
    default:
      throw new DossierError('USAGE', `Unknown command "${command}".\n\n${USAGE}`);
  }
}
