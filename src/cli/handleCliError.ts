import { isDossierError } from '../errors.js';

/** Exit codes: 1 = runtime failure, 2 = bad usage or input (so scripts can tell them apart). */
export const EXIT_USAGE = 2;
export const EXIT_FAILURE = 1;

/**
 * The CLI's single error handler: prints a clear one-paragraph message (never a stack trace, unless
 * DEBUG is set) and returns the exit code.
 */
export function handleCliError(error: unknown, write: (s: string) => void = (s) => process.stderr.write(s), debug = false): number {
  if (isDossierError(error)) {
    write(`Error: ${error.message}\n`);
    if (debug && error.cause) write(`Cause: ${String(error.cause instanceof Error ? error.cause.stack : error.cause)}\n`);
    return ['USAGE', 'QUESTION_EMPTY', 'QUESTION_TOO_LONG', 'CONFIG_INVALID'].includes(error.code) ? EXIT_USAGE : EXIT_FAILURE;
  }
  const message = error instanceof Error ? error.message : String(error);
  write(`Unexpected error: ${message}\n`);
  if (debug && error instanceof Error && error.stack) write(`${error.stack}\n`);
  return EXIT_FAILURE;
}
