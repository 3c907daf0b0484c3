import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DossierError } from '../errors.js';

/** An error from `util.parseArgs` (`ERR_PARSE_ARGS_UNKNOWN_OPTION`, `…_INVALID_OPTION_VALUE`, `…_UNEXPECTED_POSITIONAL`). */
function isParseArgsError(error: unknown): error is Error & { code: string } {
  if (!(error instanceof Error)) return false;
  const code: unknown = (error as Error & { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

/**
 * `util.parseArgs` for the CLI commands and the chat: a mistyped or misused option is the user's
 * mistake, so it becomes a `USAGE` error (exit code 2, "Error: …" plus how to call the command)
 * instead of an unexpected failure. `usage` is appended to the message.
 * @throws DossierError `USAGE`.
 */
export function parseCliArgs<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    if (!isParseArgsError(error)) throw error;
    // Node's messages end with advice about `--` that does not apply here (no command takes dashed positionals).
    const message = error.message.replace(/\. To specify a positional argument starting with a '-'.*$/s, '').replace(/\.?$/, '.');
    throw new DossierError('USAGE', `${message}\n${usage}`, { cause: error });
  }
}
