import path from 'node:path';
import { z } from 'zod';
import { DossierError } from './errors.js';

/**
 * The only reader of `process.env`. Everything else receives a typed `Config`.
 * Every variable is documented, with its default, in `.env.example`.
 */

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));
/** A whole number typed in the environment; the error quotes what was typed, not "NaN". */
const int = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
const idList = z
  .string()
  .transform((s) => s.split(/[\s,]+/).filter(Boolean))
  .pipe(z.array(z.string().regex(/^\d{15,22}$/, 'must be Discord ids (digits)')));
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

const EnvSchema = z.object({
  SEEDS_DIR: optional(z.string()),
  EMBEDDINGS_DIR: optional(z.string()),
  CACHE_DIR: optional(z.string()),
  DATA_DIR: optional(z.string()),
  EMBEDDINGS: optional(z.enum(['local', 'openai'])),
  ANSWERER: optional(z.enum(['extractive', 'openai', 'model'])),
  CHAT_MODEL: optional(z.string().regex(/^(?:[a-z][a-z0-9_-]*:)?\S+$/, 'must be "provider:model" (e.g. openai:gpt-4o-mini, ollama:llama3.1) or a model name')),
  OPENAI_API_KEY: optional(z.string()),
  OPENAI_BASE_URL: optional(z.url()),
  OPENAI_CHAT_MODEL: optional(z.string()),
  OPENAI_EMBEDDING_MODEL: optional(z.string()),
  OPENAI_TIMEOUT_MS: optional(int(1000, 600_000)),
  MAX_FILE_BYTES: optional(int(1024, 100 * 1024 * 1024)),
  PASSAGE_MAX_CHARS: optional(int(200, 8000)),
  PASSAGE_OVERLAP_SENTENCES: optional(int(0, 5)),
  TOP_K: optional(int(1, 20)),
  MAX_QUESTION_CHARS: optional(int(10, 20_000)),
  ABSTAIN_THRESHOLD: optional(z.coerce.number().min(0).max(1)),
  REBUILD_ON_START: optional(bool),
  ADD_ALLOW_PRIVATE_HOSTS: optional(bool),
  ADD_TIMEOUT_MS: optional(int(1000, 120_000)),
  ADD_MAX_BYTES: optional(int(10 * 1024, 50 * 1024 * 1024)),
  LOG_LEVEL: optional(z.enum(['debug', 'info', 'warn', 'error', 'silent'])),
  DISCORD_TOKEN: optional(z.string().min(20, 'looks too short to be a bot token')),
  DISCORD_CLIENT_ID: optional(z.string().regex(/^\d{15,22}$/, 'must be the application id (digits)')),
  DISCORD_GUILD_ID: optional(z.string().regex(/^\d{15,22}$/, 'must be a server id (digits)')),
  DISCORD_API_URL: optional(z.url()),
  DISCORD_ADMIN_USER_IDS: optional(idList),
  DISCORD_ADMIN_ROLE_IDS: optional(idList),
  DISCORD_RATE_LIMIT: optional(int(0, 1000)),
  DISCORD_RATE_WINDOW_SECONDS: optional(int(1, 86_400)),
  DISCORD_OFFER_THREADS: optional(bool),
  DISCORD_CONVERSATION_DAYS: optional(int(0, 3650)),
  /** Set by discord.js's ShardingManager in each shard process (the shard id); not a user setting. */
  SHARDS: optional(z.string().regex(/^\d+(?:,\d+)*$/, 'must be shard ids')),
});

/**
 * `CHAT_MODEL=provider:model` ("ollama:llama3.1:8b" is provider ollama, model "llama3.1:8b"); a bare
 * name, or none, is an OpenAI(-compatible) model (`OPENAI_CHAT_MODEL`, default gpt-4o-mini).
 */
function chatModelOf(chatModel: string | undefined, openaiModel: string | undefined): { provider: string; model: string } {
  const m = chatModel ? /^([a-z][a-z0-9_-]*):(\S+)$/.exec(chatModel) : null;
  if (m?.[1] && m[2]) return { provider: m[1], model: m[2] };
  return { provider: 'openai', model: chatModel ?? openaiModel ?? 'gpt-4o-mini' };
}

/** Resolved, validated settings. Paths are absolute. */
export interface Config {
  root: string;
  paths: { seeds: string; embeddings: string; cache: string; data: string };
  embeddings: { provider: 'local' | 'openai' };
  /** `openai`: a chat model writes the answer (any provider, see `chat`); `extractive`: offline. */
  answerer: 'extractive' | 'openai';
  /** The chat model: a LangChain provider key (`openai`, `ollama`, `anthropic`…) and its model name. */
  chat: { provider: string; model: string };
  openai: {
    apiKey: string | undefined;
    baseURL: string | undefined;
    embeddingModel: string;
    timeoutMs: number;
  };
  ingest: { maxFileBytes: number; passageMaxChars: number; passageOverlapSentences: number };
  retrieval: { topK: number };
  answer: { maxQuestionChars: number; abstainThreshold: number | undefined };
  rebuildOnStart: boolean;
  /**
   * Adding articles from a link or a file (`npm run add`, `/add`): whether fetching may reach
   * private, loopback and link-local addresses (off: a URL cannot be used to probe the bot's own
   * network), the fetch's time limit, and the largest page or file accepted.
   */
  add: { allowPrivateHosts: boolean; timeoutMs: number; maxBytes: number };
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  discord: {
    token: string | undefined;
    clientId: string | undefined;
    guildId: string | undefined;
    apiURL: string | undefined;
    adminUserIds: string[];
    adminRoleIds: string[];
    rateLimit: number;
    rateWindowSeconds: number;
    offerThreads: boolean;
    /** Days a conversation is remembered for follow-ups, across restarts (0: in memory only). */
    conversationRetentionDays: number;
    /** The shard ids this process serves when run under a ShardingManager (files that are rewritten are kept per shard). */
    shardIds: number[] | undefined;
  };
}

/**
 * Parses and validates settings. Throws `DossierError('CONFIG_INVALID')` naming every bad variable.
 * @param env - usually `process.env` (after dotenv); tests pass a plain object.
 * @param root - the project root that relative paths resolve against.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, root: string = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0] ?? '');
      const typed = env[name];
      // What was typed helps, except for secrets.
      const shown = typed !== undefined && !/TOKEN|KEY|SECRET/.test(name) ? ` (got ${JSON.stringify(typed.slice(0, 80))})` : '';
      return `  ${i.path.join('.') || '(env)'}: ${i.message}${shown}`;
    });
    throw new DossierError('CONFIG_INVALID', `Invalid configuration:\n${lines.join('\n')}\nSee .env.example for every setting and its default.`, {
      cause: parsed.error,
    });
  }
  const e = parsed.data;
  const hasOpenAI = Boolean(e.OPENAI_API_KEY || e.OPENAI_BASE_URL);
  const abs = (p: string | undefined, fallback: string) => path.resolve(root, p ?? fallback);
  return {
    root: path.resolve(root),
    paths: {
      seeds: abs(e.SEEDS_DIR, 'seeds'),
      embeddings: abs(e.EMBEDDINGS_DIR, 'embeddings'),
      cache: abs(e.CACHE_DIR, '.cache'),
      data: abs(e.DATA_DIR, 'data'),
    },
    embeddings: { provider: e.EMBEDDINGS ?? (hasOpenAI ? 'openai' : 'local') },
    answerer: e.ANSWERER === 'model' ? 'openai' : (e.ANSWERER ?? (hasOpenAI || e.CHAT_MODEL !== undefined ? 'openai' : 'extractive')),
    chat: chatModelOf(e.CHAT_MODEL, e.OPENAI_CHAT_MODEL),
    openai: {
      apiKey: e.OPENAI_API_KEY,
      baseURL: e.OPENAI_BASE_URL,
      embeddingModel: e.OPENAI_EMBEDDING_MODEL ?? 'text-embedding-3-small',
      timeoutMs: e.OPENAI_TIMEOUT_MS ?? 30_000,
    },
    ingest: {
      maxFileBytes: e.MAX_FILE_BYTES ?? 2 * 1024 * 1024,
      passageMaxChars: e.PASSAGE_MAX_CHARS ?? 1000,
      passageOverlapSentences: e.PASSAGE_OVERLAP_SENTENCES ?? 1,
    },
    retrieval: { topK: e.TOP_K ?? 8 },
    answer: { maxQuestionChars: e.MAX_QUESTION_CHARS ?? 1000, abstainThreshold: e.ABSTAIN_THRESHOLD },
    rebuildOnStart: e.REBUILD_ON_START ?? true,
    add: { allowPrivateHosts: e.ADD_ALLOW_PRIVATE_HOSTS ?? false, timeoutMs: e.ADD_TIMEOUT_MS ?? 15_000, maxBytes: e.ADD_MAX_BYTES ?? 5 * 1024 * 1024 },
    logLevel: e.LOG_LEVEL ?? 'info',
    discord: {
      token: e.DISCORD_TOKEN,
      clientId: e.DISCORD_CLIENT_ID,
      guildId: e.DISCORD_GUILD_ID,
      apiURL: e.DISCORD_API_URL,
      adminUserIds: e.DISCORD_ADMIN_USER_IDS ?? [],
      adminRoleIds: e.DISCORD_ADMIN_ROLE_IDS ?? [],
      rateLimit: e.DISCORD_RATE_LIMIT ?? 5,
      rateWindowSeconds: e.DISCORD_RATE_WINDOW_SECONDS ?? 60,
      offerThreads: e.DISCORD_OFFER_THREADS ?? true,
      conversationRetentionDays: e.DISCORD_CONVERSATION_DAYS ?? 7,
      shardIds: e.SHARDS?.split(',').map(Number),
    },
  };
}
