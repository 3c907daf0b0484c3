import { randomBytes } from 'node:crypto';
import type { Message, RepliableInteraction } from 'discord.js';
import { isDossierError, toDossierError, type ErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';
import { notifyEphemeral, replyText } from './replies.js';

/** What a person is told for each failure. Codes whose own message is written for people use it as is. */
const MESSAGES: Partial<Record<ErrorCode, string>> = {
  INDEX_MISSING: "The article index isn't built yet. An admin can run /reindex.",
  INDEX_CORRUPT: 'The article index is damaged. An admin can run /reindex to rebuild it.',
  INDEX_INCOMPATIBLE: 'The article index was built differently and needs a rebuild. An admin can run /reindex.',
  INDEX_READ_ONLY: "The article index can't be updated on this machine (its folder is read-only). I keep answering from it as it is.",
  EMBEDDINGS_FAILED: "I couldn't read the question's meaning just now. Please try again in a moment.",
  LLM_AUTH: 'The language model rejected my credentials. Please tell the bot owner.',
  LLM_RATE_LIMITED: 'The language model is busy. Please try again in a minute.',
  LLM_TIMEOUT: 'The language model took too long. Please try again.',
  LLM_FAILED: 'The language model failed. Please try again.',
  RENDER_FAILED: "I couldn't draw the timeline image.",
  INSTALL_INCOMPLETE: "The bot's installation is incomplete. Please tell the bot owner.",
  DISCORD_FAILED: 'Discord refused my reply. Please try again.',
};
const OWN_MESSAGE: ErrorCode[] = ['QUESTION_EMPTY', 'QUESTION_TOO_LONG', 'INDEX_BUSY', 'PERMISSION_DENIED', 'RATE_LIMITED', 'USAGE', 'ADD_REFUSED', 'ADD_FAILED', 'ADD_TOO_LARGE', 'ADD_NOT_ARTICLE'];
const GENERIC = 'Something went wrong on my side. It has been logged; please try again.';

/** The sentence shown to a user for an error; internal details never leak into it. */
export function userMessage(error: unknown): string {
  if (!isDossierError(error)) return GENERIC;
  if (OWN_MESSAGE.includes(error.code)) return error.message;
  return MESSAGES[error.code] ?? GENERIC;
}

// Interaction and webhook tokens sit in REST URLs that discord.js errors quote.
const URL_TOKEN = /\b(webhooks|interactions)\/(\d+)\/[A-Za-z0-9._-]{20,}/g;
// The shape of a bot token: base64 id . timestamp . hmac.
const BOT_TOKEN = /[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,40}/g;

/** Removes the bot token, anything shaped like one, and interaction tokens from text. */
export function redactSecrets(text: string, secrets: Array<string | undefined> = []): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 8) out = out.split(s).join('[redacted]');
  return out.replace(URL_TOKEN, '$1/$2/[redacted]').replace(BOT_TOKEN, '[redacted]');
}

/** A log-safe view of an error (and its causes): name, code, message and stack, all redacted. */
export function serializeError(error: unknown, secrets: Array<string | undefined> = [], depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: redactSecrets(String(error), secrets) };
  const out: Record<string, unknown> = {
    name: error.name,
    message: redactSecrets(error.message, secrets),
    stack: error.stack ? redactSecrets(error.stack, secrets) : undefined,
  };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') out.code = code;
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number') out.status = status;
  if (error.cause !== undefined && depth < 3) out.cause = serializeError(error.cause, secrets, depth + 1);
  return out;
}

/** Where the failure happened and who to tell. */
export interface ErrorTarget {
  interaction?: RepliableInteraction;
  message?: Message;
  /** Short label for logs, e.g. `/ask` or `mention`. */
  what: string;
}

/**
 * The one error handler of the Discord surface: logs the failure (redacted) with a short reference,
 * and tells the user in an ephemeral message (or a reply, for mentions). Never throws: a failure
 * while reporting a failure is logged and dropped so the bot stays up.
 */
export async function handleError(error: unknown, target: ErrorTarget, logger: Logger, secrets: Array<string | undefined> = []): Promise<void> {
  const ref = randomBytes(3).toString('hex');
  const wrapped = toDossierError(error);
  const expected = OWN_MESSAGE.includes(wrapped.code);
  const log = { err: serializeError(error, secrets), code: wrapped.code, ref, what: target.what };
  if (expected) logger.info(log, `${target.what}: ${wrapped.code}`);
  else logger.error(log, `${target.what} failed`);
  const text = expected ? userMessage(wrapped) : `${userMessage(wrapped)} (ref ${ref})`;
  try {
    if (target.interaction) await notifyEphemeral(target.interaction, text);
    else if (target.message) await replyText(target.message, text);
  } catch (replyError) {
    logger.warn({ err: serializeError(replyError, secrets), ref }, 'Could not deliver the error message');
  }
}
