import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGateway } from './FakeGateway.js';
import {
  ALL_PERMISSIONS,
  MEMBER_PERMISSIONS,
  guildCreate,
  member,
  role,
  snowflake,
  textChannel,
  threadChannel,
  user,
  type ApiUser,
} from './payloads.js';

/** A file a user attaches to a slash command option. */
export interface Upload {
  name: string;
  /** Its media type, as Discord reports it ("text/html; charset=utf-8"). */
  type: string;
  bytes: Buffer;
}

/** One REST request as the bot sent it. */
export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, without the query string. */
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  /** JSON body, or the `payload_json` part of a multipart body. */
  body: Record<string, unknown> | undefined;
  files: Array<{ field: string; name: string; type: string; bytes: Buffer }>;
  status: number;
}

type ApiMessage = Record<string, unknown> & { id: string; channel_id: string };

interface ScriptedFailure {
  method: string;
  path: RegExp;
  retryAfter: number;
}

/** Discord's MESSAGE_CONTENT intent bit; without it the Gateway blanks most message text. */
const MESSAGE_CONTENT_INTENT = 1 << 15;
const EPHEMERAL = 1 << 6;

export interface FakeDiscordOptions {
  token?: string;
  heartbeatInterval?: number;
}

/**
 * A local Discord (REST v10 + Gateway) for end-to-end tests of the unmodified discord.js client.
 * Point the bot at `apiURL`; `GET /gateway/bot` hands out this server's WebSocket URL.
 */
export class FakeDiscord {
  readonly token: string;
  readonly applicationId = snowflake();
  readonly guildId = snowflake();
  readonly channelId = snowflake();
  readonly adminRoleId = snowflake();
  readonly bot: ApiUser;
  readonly owner = user(snowflake(), 'owner');
  readonly requests: RecordedRequest[] = [];
  /** Messages the bot created, by id (interaction responses, follow-ups, channel messages). */
  readonly messages = new Map<string, ApiMessage>();
  readonly channels = new Map<string, Record<string, unknown>>();
  readonly gateway: FakeGateway;
  readonly #server: http.Server;
  readonly #events = new EventEmitter();
  readonly #failures: ScriptedFailure[] = [];
  /** Interaction token -> id of its original response message. */
  readonly #originals = new Map<string, string>();
  /** Interaction token -> the channel it happened in (follow-ups land there). */
  readonly #tokenChannels = new Map<string, string>();
  /** Button interaction id -> the message whose button was clicked (UPDATE_MESSAGE edits it). */
  readonly #clickedMessages = new Map<string, string>();
  #port = 0;

  private constructor(options: FakeDiscordOptions) {
    this.token = options.token ?? 'MTAwMDAwMDAwMDAwMDAwMDAw.GfAkEt.0123456789abcdefghijklmnopqrstuvwxyzABCD';
    this.bot = user(snowflake(), 'Dossier', true);
    this.channels.set(this.channelId, textChannel(this.channelId, this.guildId, 'general'));
    this.#events.setMaxListeners(100);
    this.gateway = new FakeGateway({
      token: this.token,
      heartbeatInterval: options.heartbeatInterval ?? 41_250,
      readyPayload: (sessionId) => ({
        v: 10,
        user: { ...this.bot, verified: true, mfa_enabled: false, flags: 0 },
        guilds: [{ id: this.guildId, unavailable: true }],
        session_id: sessionId,
        resume_gateway_url: this.wsURL,
        shard: [0, 1],
        application: { id: this.applicationId, flags: 0 },
        private_channels: [],
        presences: [],
        relationships: [],
        user_settings: {},
        geo_ordered_rtc_regions: [],
        _trace: ['fake-discord'],
      }),
      onReady: () =>
        this.gateway.dispatch(
          'GUILD_CREATE',
          guildCreate({
            guildId: this.guildId,
            ownerId: this.owner.id,
            channel: this.channels.get(this.channelId) ?? {},
            roles: [role(this.guildId, '@everyone', MEMBER_PERMISSIONS, 0), role(this.adminRoleId, 'Dossier admins', MEMBER_PERMISSIONS, 1)],
            members: [member(this.bot)],
          }),
        ),
    });
    this.#server = http.createServer((req, res) => void this.#onRequest(req, res));
    this.#server.on('upgrade', (req, socket, head) => this.gateway.handleUpgrade(req, socket, head));
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve) => fake.#server.listen(0, '127.0.0.1', resolve));
    fake.#port = (fake.#server.address() as AddressInfo).port;
    return fake;
  }

  /** The REST base to configure as DISCORD_API_URL (discord.js appends `/v10`). */
  get apiURL(): string {
    return `http://127.0.0.1:${this.#port}/api`;
  }

  get wsURL(): string {
    return `ws://127.0.0.1:${this.#port}`;
  }

  /** Where uploaded attachments are served, as Discord's CDN serves them (no authorisation). */
  get cdnURL(): string {
    return `http://127.0.0.1:${this.#port}/cdn`;
  }

  /** Files users attached to slash commands, by attachment id. */
  readonly #uploads = new Map<string, Upload>();

  async close(): Promise<void> {
    await this.gateway.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  // ---------------------------------------------------------------- scripting

  /** The next request matching `method` and `path` gets a 429 with Retry-After, as Discord sends it. */
  rateLimitOnce(method: string, path: RegExp, retryAfterSeconds: number): void {
    this.#failures.push({ method, path, retryAfter: retryAfterSeconds });
  }

  /** Resolves with the first request (from index `after` on) matching `match`. */
  waitForRequest(match: (r: RecordedRequest) => boolean, options: { after?: number; timeoutMs?: number } = {}): Promise<RecordedRequest> {
    const found = this.requests.slice(options.after ?? 0).find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#events.off('request', listener);
        reject(new Error(`No matching request within ${options.timeoutMs ?? 15_000} ms. Seen: ${this.requests.slice(options.after ?? 0).map((r) => `${r.method} ${r.path}`).join(', ')}`));
      }, options.timeoutMs ?? 15_000);
      const listener = (r: RecordedRequest) => {
        if (!match(r)) return;
        clearTimeout(timer);
        this.#events.off('request', listener);
        resolve(r);
      };
      this.#events.on('request', listener);
    });
  }

  /** Requests that created or changed visible message content: every one must carry safe `allowed_mentions`. */
  messageWrites(): RecordedRequest[] {
    return this.requests.filter((r) => {
      if (r.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(r.path)) {
        const type = r.body?.type;
        return type === 4 || type === 7;
      }
      return (
        (r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path)) ||
        (r.method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(r.path)) ||
        (r.method === 'PATCH' && /^\/webhooks\/\d+\/[^/]+\/messages\/[^/]+$/.test(r.path))
      );
    });
  }

  // ---------------------------------------------------------------- Gateway events

  /** A user runs a slash command. Returns the interaction id and token (the token appears in webhook paths). */
  slashCommand(
    name: string,
    options: Record<string, string | Upload> = {},
    as: { user?: ApiUser; permissions?: string; roles?: string[] } = {},
  ): { id: string; token: string } {
    const id = snowflake();
    const token = `aW50ZXJhY3Rpb246${id}:${snowflake()}`;
    const u = as.user ?? user('200000000000000001', 'alice');
    this.#tokenChannels.set(token, this.channelId);
    // An attachment option's value is the attachment's id; the attachment itself is in `resolved`, as on Discord.
    const attachments: Record<string, unknown> = {};
    const values = Object.entries(options).map(([n, value]) => {
      if (typeof value === 'string') return { name: n, type: 3, value };
      const attachmentId = snowflake();
      this.#uploads.set(attachmentId, value);
      attachments[attachmentId] = {
        id: attachmentId,
        filename: value.name,
        size: value.bytes.length,
        url: `${this.cdnURL}/attachments/${attachmentId}/${encodeURIComponent(value.name)}`,
        proxy_url: `${this.cdnURL}/attachments/${attachmentId}/${encodeURIComponent(value.name)}`,
        content_type: value.type,
      };
      return { name: n, type: 11, value: attachmentId };
    });
    this.gateway.dispatch('INTERACTION_CREATE', {
      ...this.#interactionBase(id, token, u, as),
      type: 2,
      data: {
        id: snowflake(),
        name,
        type: 1,
        guild_id: this.guildId,
        options: values,
        ...(Object.keys(attachments).length > 0 ? { resolved: { attachments } } : {}),
      },
    });
    return { id, token };
  }

  /** A user clicks a button on one of the bot's messages. */
  clickButton(messageId: string, customId: string, as: { user?: ApiUser; permissions?: string } = {}): { id: string; token: string } {
    const message = this.messages.get(messageId);
    if (!message) throw new Error(`Unknown bot message ${messageId}`);
    const id = snowflake();
    const token = `aW50ZXJhY3Rpb246${id}:${snowflake()}`;
    const u = as.user ?? user('200000000000000001', 'alice');
    this.#tokenChannels.set(token, message.channel_id);
    this.#clickedMessages.set(id, message.id);
    this.gateway.dispatch('INTERACTION_CREATE', {
      ...this.#interactionBase(id, token, u, as, message.channel_id),
      type: 3,
      data: { custom_id: customId, component_type: 2 },
      message,
    });
    return { id, token };
  }

  /**
   * A user posts a message. As on Discord, a bot without the Message Content intent receives empty
   * content unless the message mentions it (an @mention, or a reply that pings it) or is a DM.
   */
  postMessage(content: string, options: { author?: ApiUser; channelId?: string; mentionBot?: boolean; replyTo?: string; pingReply?: boolean } = {}): string {
    const id = snowflake();
    const author = options.author ?? user('200000000000000001', 'alice');
    const channelId = options.channelId ?? this.channelId;
    const replied = options.replyTo ? this.messages.get(options.replyTo) : undefined;
    const mentionsBot = options.mentionBot === true || content.includes(`<@${this.bot.id}>`) || (replied !== undefined && options.pingReply !== false);
    const canRead = (this.gateway.intents & MESSAGE_CONTENT_INTENT) !== 0 || mentionsBot;
    this.gateway.dispatch('MESSAGE_CREATE', {
      id,
      channel_id: channelId,
      channel_type: Number(this.channels.get(channelId)?.type ?? 0),
      guild_id: this.guildId,
      author,
      member: { ...member(author), user: undefined },
      content: canRead ? content : '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: mentionsBot ? [{ ...this.bot, member: member(this.bot) }] : [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      flags: 0,
      type: replied ? 19 : 0,
      ...(replied
        ? { message_reference: { type: 0, message_id: replied.id, channel_id: replied.channel_id, guild_id: this.guildId }, referenced_message: replied }
        : {}),
    });
    return id;
  }

  /** A user writes to the bot in a DM: no guild, and the content is always delivered. Returns the message id. */
  postDirectMessage(content: string, options: { author?: ApiUser } = {}): { messageId: string; channelId: string } {
    const author = options.author ?? user('200000000000000001', 'alice');
    const channelId = snowflake();
    this.channels.set(channelId, { id: channelId, type: 1, recipients: [author], last_message_id: null, flags: 0 });
    const messageId = snowflake();
    this.gateway.dispatch('MESSAGE_CREATE', {
      id: messageId,
      channel_id: channelId,
      // Discord includes the channel type in MESSAGE_CREATE; discord.js needs it to build an uncached DM channel.
      channel_type: 1,
      author,
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      flags: 0,
      type: 0,
    });
    return { messageId, channelId };
  }

  #interactionBase(id: string, token: string, u: ApiUser, as: { permissions?: string; roles?: string[] }, channelId = this.channelId): Record<string, unknown> {
    return {
      id,
      application_id: this.applicationId,
      token,
      version: 1,
      guild_id: this.guildId,
      guild: { id: this.guildId, locale: 'en-US', features: [] },
      channel_id: channelId,
      channel: this.channels.get(channelId) ?? textChannel(channelId, this.guildId, 'general'),
      member: member(u, { roles: as.roles ?? [], permissions: as.permissions ?? MEMBER_PERMISSIONS }),
      app_permissions: ALL_PERMISSIONS,
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': this.guildId },
      context: 0,
      attachment_size_limit: 10 * 1024 * 1024,
    };
  }

  // ---------------------------------------------------------------- REST

  async #onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const cdn = /^\/cdn\/attachments\/(\d+)\//.exec(url.pathname);
    if (cdn && req.method === 'GET') {
      const upload = this.#uploads.get(cdn[1] ?? '');
      if (!upload) return void res.writeHead(404).end();
      return void res.writeHead(200, { 'content-type': upload.type, 'content-length': upload.bytes.length }).end(upload.bytes);
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname).replace(/^\/api\/v10/, ''),
      query: url.searchParams,
      authorization: req.headers.authorization,
      body: undefined,
      files: [],
      status: 0,
    };
    try {
      await parseBody(record, raw, req.headers['content-type']);
    } catch {
      return this.#reply(res, record, 400, { message: 'Cannot parse body', code: 50109 });
    }
    const failure = this.#failures.findIndex((f) => f.method === record.method && f.path.test(record.path));
    if (failure >= 0) {
      const f = this.#failures.splice(failure, 1)[0] as ScriptedFailure;
      res.setHeader('Retry-After', String(f.retryAfter));
      res.setHeader('X-RateLimit-Limit', '5');
      res.setHeader('X-RateLimit-Remaining', '0');
      res.setHeader('X-RateLimit-Reset-After', String(f.retryAfter));
      res.setHeader('X-RateLimit-Bucket', 'fake-bucket');
      res.setHeader('X-RateLimit-Scope', 'user');
      return this.#reply(res, record, 429, { message: 'You are being rate limited.', retry_after: f.retryAfter, global: false });
    }
    const webhookish = /^\/(webhooks|interactions)\//.test(record.path);
    if (!webhookish && record.authorization !== `Bot ${this.token}`) return this.#reply(res, record, 401, { message: '401: Unauthorized', code: 0 });
    const [status, body] = this.#route(record);
    return this.#reply(res, record, status, body);
  }

  #reply(res: http.ServerResponse, record: RecordedRequest, status: number, body: unknown): void {
    record.status = status;
    this.requests.push(record);
    this.#events.emit('request', record);
    if (status === 204 || body === undefined) {
      res.writeHead(204).end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  #route(r: RecordedRequest): [number, unknown] {
    const p = r.path;
    let m: RegExpExecArray | null;
    if (r.method === 'GET' && p === '/gateway/bot') {
      return [200, { url: this.wsURL, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 } }];
    }
    if (r.method === 'GET' && p === '/users/@me') return [200, this.bot];
    if (r.method === 'PUT' && (m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(p))) {
      const list = Array.isArray(r.body) ? (r.body as unknown[]) : [];
      return [200, list.map((c) => ({ ...(c as object), id: snowflake(), application_id: m?.[1], version: snowflake(), ...(m?.[2] ? { guild_id: m[2] } : {}) }))];
    }
    if (r.method === 'POST' && (m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(p))) return this.#callback(m[1] ?? '', m[2] ?? '', r);
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/.exec(p))) {
      const token = m[2] ?? '';
      const id = m[3] === '@original' ? this.#originals.get(token) : m[3];
      const message = id ? this.messages.get(id) : undefined;
      if (!message) return [404, { message: 'Unknown Message', code: 10008 }];
      if (r.method === 'GET') return [200, message];
      if (r.method === 'DELETE') {
        this.messages.delete(message.id);
        return [204, undefined];
      }
      if (r.method === 'PATCH') return [200, this.#edit(message, r)];
    }
    if (r.method === 'POST' && (m = /^\/webhooks\/(\d+)\/([^/]+)$/.exec(p))) {
      const flags = Number(r.body?.flags ?? 0);
      return [200, this.#create(this.#tokenChannels.get(m[2] ?? '') ?? this.channelId, r, { webhook: true, flags })];
    }
    if (r.method === 'POST' && (m = /^\/channels\/(\d+)\/typing$/.exec(p))) return [204, undefined];
    if (r.method === 'POST' && (m = /^\/channels\/(\d+)\/messages$/.exec(p))) {
      const channelId = m[1] ?? '';
      if (!this.channels.has(channelId)) return [404, { message: 'Unknown Channel', code: 10003 }];
      return [200, this.#create(channelId, r, { webhook: false, flags: 0 })];
    }
    if (r.method === 'POST' && (m = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(p))) {
      const [channelId, messageId] = [m[1] ?? '', m[2] ?? ''];
      const starter = this.messages.get(messageId);
      if (!starter) return [404, { message: 'Unknown Message', code: 10008 }];
      if (this.channels.has(messageId)) return [400, { message: 'A thread has already been created for this message', code: 160004 }];
      // A thread started from a message shares the message's id.
      const thread = threadChannel(messageId, this.guildId, channelId, String(r.body?.name ?? 'thread'), this.bot.id, Number(r.body?.auto_archive_duration ?? 1440));
      this.channels.set(messageId, thread);
      starter.thread = thread;
      this.gateway.dispatch('THREAD_CREATE', { ...thread, newly_created: true });
      return [201, thread];
    }
    if (r.method === 'GET' && (m = /^\/channels\/(\d+)$/.exec(p))) {
      const channel = this.channels.get(m[1] ?? '');
      return channel ? [200, channel] : [404, { message: 'Unknown Channel', code: 10003 }];
    }
    return [404, { message: `404: Not Found (${r.method} ${p})`, code: 0 }];
  }

  #callback(interactionId: string, token: string, r: RecordedRequest): [number, unknown] {
    const type = Number(r.body?.type);
    const data = (r.body?.data ?? {}) as Record<string, unknown>;
    const withResponse = r.query.get('with_response') === 'true';
    let message: ApiMessage | undefined;
    if (type === 4 || type === 5) {
      // 4: reply now; 5: "Bot is thinking…" placeholder, edited later through @original.
      message = this.#create(this.#tokenChannels.get(token) ?? this.channelId, { ...r, body: type === 5 ? { content: '' } : data }, { webhook: true, flags: Number(data.flags ?? 0), interaction: interactionId });
      this.#originals.set(token, message.id);
    } else if (type === 7) {
      const target = this.messages.get(this.#clickedMessages.get(interactionId) ?? '');
      if (!target) return [400, { message: 'Interaction has no message to update', code: 50035 }];
      message = this.#edit(target, { ...r, body: data });
    } else if (type !== 6) {
      return [400, { message: 'Invalid interaction response type', code: 50035 }];
    }
    if (!withResponse) return [204, undefined];
    return [
      200,
      {
        interaction: { id: interactionId, type: 2, activity_instance_id: null, response_message_id: message?.id ?? null, response_message_loading: type === 5, response_message_ephemeral: false },
        resource: { type, ...(message ? { message } : {}) },
      },
    ];
  }

  #create(channelId: string, r: Pick<RecordedRequest, 'body' | 'files'>, options: { webhook: boolean; flags: number; interaction?: string }): ApiMessage {
    const body = r.body ?? {};
    const reference = body.message_reference as { message_id?: string } | undefined;
    const referenced = reference?.message_id ? this.messages.get(reference.message_id) : undefined;
    const message: ApiMessage = {
      id: snowflake(),
      channel_id: channelId,
      guild_id: this.guildId,
      author: this.bot,
      content: typeof body.content === 'string' ? body.content : '',
      embeds: Array.isArray(body.embeds) ? body.embeds : [],
      components: Array.isArray(body.components) ? body.components : [],
      attachments: r.files.map((f, i) => ({ id: snowflake(), filename: f.name, size: f.bytes.length, url: `${this.apiURL}/attachments/${i}/${f.name}`, proxy_url: '', content_type: f.type })),
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      pinned: false,
      flags: options.flags,
      type: options.interaction ? 20 : referenced ? 19 : 0,
      ...(options.webhook ? { webhook_id: this.applicationId, application_id: this.applicationId } : {}),
      ...(referenced ? { message_reference: { type: 0, message_id: referenced.id, channel_id: referenced.channel_id, guild_id: this.guildId }, referenced_message: referenced } : {}),
    };
    this.messages.set(message.id, message);
    if ((options.flags & EPHEMERAL) === 0 && this.gateway.connected) this.gateway.dispatch('MESSAGE_CREATE', message);
    return message;
  }

  #edit(message: ApiMessage, r: Pick<RecordedRequest, 'body' | 'files'>): ApiMessage {
    const body = r.body ?? {};
    for (const key of ['content', 'embeds', 'components'] as const) if (body[key] !== undefined) message[key] = body[key];
    if (r.files.length > 0) {
      message.attachments = r.files.map((f, i) => ({ id: snowflake(), filename: f.name, size: f.bytes.length, url: `${this.apiURL}/attachments/${i}/${f.name}`, proxy_url: '', content_type: f.type }));
    }
    message.edited_timestamp = new Date().toISOString();
    return message;
  }
}

async function parseBody(record: RecordedRequest, raw: Buffer, contentType: string | undefined): Promise<void> {
  if (raw.length === 0) return;
  if (contentType?.startsWith('multipart/form-data')) {
    const form = await new Request('http://fake/', { method: 'POST', headers: { 'content-type': contentType }, body: raw }).formData();
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') record.body = JSON.parse(value) as Record<string, unknown>;
      } else {
        record.files.push({ field, name: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) });
      }
    }
    return;
  }
  record.body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
}
