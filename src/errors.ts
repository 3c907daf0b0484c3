/**
 * Typed failures. Expected outcomes (no answer, skipped file, denied command) are values, not
 * errors; a `DossierError` means something went wrong that a surface must explain to a person.
 * Each surface (CLI, chat, Discord) has exactly one handler that turns these into a message.
 */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'SEEDS_MISSING'
  | 'INDEX_MISSING'
  | 'INDEX_CORRUPT'
  | 'INDEX_INCOMPATIBLE'
  | 'INDEX_BUSY'
  | 'INDEX_READ_ONLY'
  | 'QUESTION_EMPTY'
  | 'QUESTION_TOO_LONG'
  | 'EMBEDDINGS_FAILED'
  | 'LLM_AUTH'
  | 'LLM_RATE_LIMITED'
  | 'LLM_TIMEOUT'
  | 'LLM_FAILED'
  | 'RENDER_FAILED'
  | 'INSTALL_INCOMPLETE'
  | 'DISCORD_FAILED'
  | 'PERMISSION_DENIED'
  | 'RATE_LIMITED'
  | 'ADD_REFUSED'
  | 'ADD_FAILED'
  | 'ADD_TOO_LARGE'
  | 'ADD_NOT_ARTICLE'
  | 'USAGE'
  | 'INTERNAL';

/** A failure with a stable machine-readable `code`, a human message, and the underlying `cause`. */
export class DossierError extends Error {
  override readonly name = 'DossierError';
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Type guard that survives module duplication (checks shape, not only prototype). */
export function isDossierError(value: unknown): value is DossierError {
  return (
    value instanceof DossierError ||
    (value instanceof Error && value.name === 'DossierError' && typeof (value as { code?: unknown }).code === 'string')
  );
}

/** Wraps anything thrown into a DossierError, keeping the original as `cause`. */
export function toDossierError(value: unknown, fallback: ErrorCode = 'INTERNAL'): DossierError {
  if (isDossierError(value)) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new DossierError(fallback, message, { cause: value });
}
