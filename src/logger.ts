import { pino, type Logger } from 'pino';

export type { Logger };

type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const REDACT = {
  paths: ['token', '*.token', 'apiKey', '*.apiKey', 'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization'],
  censor: '[redacted]',
};

/**
 * Structured logs with levels, on stderr so stdout stays clean for `--json` output. Secrets are
 * redacted by key name, so a token cannot reach a log line even when an options object is logged.
 * `format: 'pretty'` prints one short human line per entry for terminals; `json` is for the bot
 * and log collectors.
 */
export function createLogger(level: Level = 'info', format: 'json' | 'pretty' = 'json', write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  if (format === 'json') return pino({ level, base: undefined, redact: REDACT }, { write });
  return pino({ level, base: undefined, redact: REDACT, timestamp: false }, { write: (line: string) => write(prettyLine(line)) });
}

const LABELS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warning', 50: 'error', 60: 'fatal' };

function prettyLine(json: string): string {
  try {
    const entry = JSON.parse(json) as { level?: number; msg?: unknown; err?: { message?: string } };
    const level = LABELS[entry.level ?? 30] ?? 'info';
    const msg = typeof entry.msg === 'string' ? entry.msg : '';
    const err = entry.err?.message ? ` (${entry.err.message})` : '';
    return level === 'info' ? `${msg}${err}\n` : `${level}: ${msg}${err}\n`;
  } catch {
    return json;
  }
}
