import { OpenAIEmbeddings } from '@langchain/openai';
import type { Config } from '../config.js';
import { DossierError, isDossierError } from '../errors.js';
import type { EmbeddingModel } from './EmbeddingModel.js';

/** Sent as the key when only `OPENAI_BASE_URL` is set: local servers (Ollama, llama.cpp) ignore it. */
const PLACEHOLDER_KEY = 'not-needed';

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

function describe(error: unknown, where: string, timeoutMs: number): string {
  const status = statusOf(error);
  const name = error instanceof Error ? error.name : '';
  const text = error instanceof Error ? error.message : String(error);
  if (status === 401 || status === 403) return `The embeddings server at ${where} rejected the API key (HTTP ${status}). Check OPENAI_API_KEY.`;
  if (status === 404) return `The embeddings server at ${where} does not know the model (HTTP 404). Check OPENAI_EMBEDDING_MODEL.`;
  if (status === 429) return `The embeddings server at ${where} is rate limiting or out of quota (HTTP 429). Try again later.`;
  if (/timeout|timed out/i.test(name) || /timeout|timed out/i.test(text))
    return `The embeddings server at ${where} did not answer within ${timeoutMs} ms (OPENAI_TIMEOUT_MS).`;
  if (status !== undefined) return `The embeddings server at ${where} failed (HTTP ${status}).`;
  return `Could not reach the embeddings server at ${where}: ${text}`;
}

/** Removes the key from any text we might show, in case a library echoed it. */
function redact(message: string, apiKey: string | undefined): string {
  return apiKey && apiKey.length > 3 ? message.split(apiKey).join('[redacted]') : message;
}

/**
 * Wraps OpenAI-compatible embeddings so every failure becomes `DossierError('EMBEDDINGS_FAILED')`
 * with a message a person can act on and never the API key.
 */
class CheckedOpenAIEmbeddings extends OpenAIEmbeddings {
  private readonly where: string;
  private readonly secret: string | undefined;
  private readonly timeoutMs: number;

  constructor(fields: ConstructorParameters<typeof OpenAIEmbeddings>[0] & { where: string; secret: string | undefined; timeoutMs: number }) {
    super(fields);
    this.where = fields.where;
    this.secret = fields.secret;
    this.timeoutMs = fields.timeoutMs;
  }

  private fail(error: unknown): never {
    const message = redact(describe(error, this.where, this.timeoutMs), this.secret);
    throw new DossierError('EMBEDDINGS_FAILED', message, { cause: error });
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    try {
      return await super.embedDocuments(texts);
    } catch (error) {
      return this.fail(error);
    }
  }

  override async embedQuery(text: string): Promise<number[]> {
    try {
      return await super.embedQuery(text);
    } catch (error) {
      return this.fail(error);
    }
  }
}

export interface OpenAIEmbeddingsOptions {
  maxRetries?: number;
  /** The embedder of the index already built, if any (see `servedEmbedder`). */
  served?: () => Promise<{ id: string; dimension: number } | undefined>;
  /** Told when the server failed the probe but the built index is served anyway. */
  onUnavailable?: (error: DossierError) => void;
}

/**
 * The OpenAI-compatible embedder of `config.openai`, its dimension probed with one call. Kept out of
 * `createEmbeddings.ts` so the offline path never loads the OpenAI client (~1 s of module loading).
 * @throws DossierError `EMBEDDINGS_FAILED` when the server cannot be reached or rejects the request.
 */
export async function openAIEmbeddings(config: Config, options: OpenAIEmbeddingsOptions = {}): Promise<EmbeddingModel> {
  const { apiKey, baseURL, embeddingModel, timeoutMs } = config.openai;
  let where = 'api.openai.com';
  if (baseURL) {
    const url = new URL(baseURL);
    where = `${url.host}${url.pathname.replace(/\/+$/, '')}`;
  }
  const embeddings = new CheckedOpenAIEmbeddings({
    model: embeddingModel,
    apiKey: apiKey ?? PLACEHOLDER_KEY,
    configuration: baseURL ? { baseURL } : {},
    timeout: timeoutMs,
    maxRetries: options.maxRetries ?? 2,
    // Plain floats: the client's default (base64) is silently mis-decoded by servers that ignore it.
    encodingFormat: 'float',
    where,
    secret: apiKey,
    timeoutMs,
  });
  const id = `openai:${embeddingModel}@${where}`;
  let probe: number[];
  try {
    probe = await embeddings.embedQuery('dimension probe');
  } catch (error) {
    // An index built with this very embedder can still be served: questions then find passages
    // lexically (each says so), and the server is tried again on every question.
    const served = await options.served?.();
    if (!served || served.id !== id || !isDossierError(error)) throw error;
    options.onUnavailable?.(error);
    return { id, dimension: served.dimension, embeddings };
  }
  if (probe.length === 0) throw new DossierError('EMBEDDINGS_FAILED', `The embeddings server at ${where} returned an empty vector.`);
  return { id, dimension: probe.length, embeddings };
}
