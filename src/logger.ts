import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs on stderr (stdout stays clean for `--json` output). Secrets are redacted
 * by key name, so a token can never reach a log line even when an options object is logged whole.
 */
export function createLogger(level: 'debug' | 'info' | 'warn' | 'error' | 'silent' = 'info'): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: ['token', '*.token', 'apiKey', '*.apiKey', 'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization'],
        censor: '[redacted]',
      },
    },
    pino.destination(2),
  );
}
