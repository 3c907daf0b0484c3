import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import type { Logger } from '../logger.js';
import type { Config } from '../config.js';
import type { RetrievedPassage } from '../retrieval/RetrievedPassage.js';
import type { Answer } from './Answer.js';
import type { Answerer, AnswerOptions } from './Answerer.js';
import { DossierError } from '../errors.js';
import { buildPrompt } from './buildPrompt.js';
import { groundReply } from './groundReply.js';
import { noAnswer } from './noAnswer.js';
import { citationFor } from './citationFor.js';
import { createChatModel } from './createChatModel.js';

export interface LlmAnswererOptions {
  /** Answers offline when the model fails, so the user still gets a cited answer. */
  fallback: Answerer;
  logger?: Logger;
  /** Used in messages ("the model server at ..."); never the key. */
  serverLabel?: string;
  /**
   * The whole question's time with the model, retries included (default 30 s): a hanging server
   * costs this once, not once per try.
   */
  budgetMs?: number;
}

function status(e: unknown): number | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const s = (e as { status?: unknown }).status;
  return typeof s === 'number' ? s : undefined;
}

function chain(e: unknown): unknown[] {
  const out: unknown[] = [];
  let cur: unknown = e;
  while (cur !== undefined && cur !== null && out.length < 5) {
    out.push(cur);
    cur = typeof cur === 'object' ? (cur as { cause?: unknown }).cause : undefined;
  }
  return out;
}

/** Maps a chat-model failure to a typed error with a message a person can act on. The key never appears. */
export function describeLlmError(e: unknown, server: string): DossierError {
  const code = status(e);
  const text = chain(e)
    .map((x) => (x instanceof Error ? `${x.name} ${x.message} ${(x as { code?: unknown }).code ?? ''}` : String(x)))
    .join(' ');
  if (code === 401 || code === 403) {
    return new DossierError('LLM_AUTH', `The model server rejected the API key (${code}). Check OPENAI_API_KEY (and OPENAI_BASE_URL).`, { cause: e });
  }
  if (code === 429) return new DossierError('LLM_RATE_LIMITED', 'The model server is rate limiting us (429). Try again in a minute.', { cause: e });
  if (/timeout|timed out|ETIMEDOUT|AbortError|aborted/i.test(text)) {
    return new DossierError('LLM_TIMEOUT', `The model server at ${server} did not answer in time. Raise OPENAI_TIMEOUT_MS or try again.`, { cause: e });
  }
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|Connection error|fetch failed/i.test(text)) {
    return new DossierError('LLM_FAILED', `Could not reach the model server at ${server}. Is it running, and is OPENAI_BASE_URL right?`, { cause: e });
  }
  return new DossierError('LLM_FAILED', `The model server at ${server} failed${code ? ` (${code})` : ''}.`, { cause: e });
}

/** Removes anything that looks like the key from a message, as a last line of defence. */
function redact(message: string, secret: string | undefined): string {
  return secret && secret.length >= 4 ? message.split(secret).join('[redacted]') : message;
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part) => (typeof part === 'string' ? part : typeof part === 'object' && part !== null && typeof (part as { text?: unknown }).text === 'string' ? (part as { text: string }).text : ''))
      .join('');
  }
  return '';
}

/**
 * Answers with a chat model, grounded in the retrieved passages: numbered context, a strict system
 * prompt, then every sentence checked against what it cites (`groundReply`); a reply with nothing
 * supported gives the offline answer with a notice saying why. Any model failure (bad key, rate limit, timeout, unreachable
 * server) falls back to the offline answerer with a `notice` saying why.
 */
export class LlmAnswerer implements Answerer {
  readonly #model: BaseChatModel;
  readonly #fallback: Answerer;
  readonly #logger: Logger | undefined;
  readonly #server: string;
  readonly #secret: string | undefined;
  readonly #budgetMs: number;

  constructor(model: BaseChatModel, options: LlmAnswererOptions & { secret?: string }) {
    this.#model = model;
    this.#fallback = options.fallback;
    this.#logger = options.logger;
    this.#server = options.serverLabel ?? 'the configured endpoint';
    this.#secret = options.secret;
    this.#budgetMs = options.budgetMs ?? 30_000;
  }

  /** The configured chat model (see `createChatModel`), with the question's time budget from `OPENAI_TIMEOUT_MS`. */
  static async fromConfig(config: Config, options: LlmAnswererOptions): Promise<LlmAnswerer> {
    const { apiKey, baseURL, timeoutMs } = config.openai;
    const model = await createChatModel(config);
    const server = config.chat.provider === 'openai' ? (baseURL ?? 'api.openai.com') : config.chat.provider;
    return new LlmAnswerer(model, { ...options, serverLabel: options.serverLabel ?? server, budgetMs: timeoutMs, ...(apiKey ? { secret: apiKey } : {}) });
  }

  async answer(question: string, retrieved: RetrievedPassage[], options: AnswerOptions = {}): Promise<Answer> {
    if (retrieved.length === 0) return noAnswer(question, [], 'llm');
    const prompt = buildPrompt(question, retrieved, options.history ?? []);
    let reply: string;
    try {
      const message = await this.#model.invoke([new SystemMessage(prompt.system), new HumanMessage(prompt.user)], { signal: AbortSignal.timeout(this.#budgetMs) });
      reply = contentText(message.content);
    } catch (e) {
      const error = describeLlmError(e, this.#server);
      const notice = redact(`${error.message} Showing the offline answer instead.`, this.#secret);
      this.#logger?.warn({ code: error.code, status: status(e) }, redact(error.message, this.#secret));
      const offline = await this.#fallback.answer(question, retrieved, options);
      return { ...offline, mode: 'extractive', notice };
    }
    const checked = groundReply(reply, retrieved);
    if (checked.problems.length > 0) this.#logger?.warn({ problems: checked.problems }, `The model's reply failed ${checked.problems.length} check(s) against the articles`);
    if (checked.kind === 'declined') {
      const closest = retrieved.slice(0, 3).flatMap((r, i) => {
        const s = r.passage.sentences[0];
        return s ? [citationFor(i + 1, r.passage, s)] : [];
      });
      return noAnswer(question, closest.map((c, i) => ({ ...c, n: i + 1 })), 'llm');
    }
    if (checked.kind === 'unsupported') {
      const offline = await this.#fallback.answer(question, retrieved, options);
      const notice = "The model's answer was not supported by the articles it cited, so this is the offline answer.";
      return { ...offline, mode: 'extractive', notice };
    }
    const left = checked.problems.filter((p) => p.startsWith('left out') || p.startsWith('an invented quote')).length;
    const notice = left > 0 ? `${left} sentence${left === 1 ? ' was' : 's were'} left out of the model's answer: the articles cited do not support ${left === 1 ? 'it' : 'them'}.` : undefined;
    return { kind: 'answered', question, text: checked.text, citations: checked.citations, mode: 'llm', ...(notice ? { notice } : {}) };
  }
}
