import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { encode, fakeVector } from './openaiEmbeddingsServer.js';

/** What the fake server does for the next request. */
export type FakeReply =
  | { kind: 'reply'; content: string }
  | { kind: 'error'; status: number; message: string; type?: string; code?: string }
  /** Waits this long before replying, to trip a client timeout. */
  | { kind: 'delay'; ms: number; content: string }
  /**
   * Reads the numbered context as a model would: finds the block whose text contains `find` and
   * replies `content` with `{n}` replaced by that block's number (`{n}` stays when none has it).
   */
  | { kind: 'cite'; find: string; content: string };

/** One request the server received. */
export interface RecordedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export interface FakeOpenAI {
  /** e.g. `http://127.0.0.1:54321/v1` — pass as `configuration.baseURL`. */
  baseURL: string;
  requests: RecordedRequest[];
  /** Queues replies; when the queue is empty the default reply is used. */
  enqueue(...replies: FakeReply[]): void;
  setDefault(reply: FakeReply): void;
  /** Makes `/v1/embeddings` answer with this error from now on (null: serve vectors again). */
  failEmbeddings(error: { status: number; message: string } | null): void;
  close(): Promise<void>;
}

/** The number of the first context block (`[n] header` then its text) whose text holds `find`. */
function blockHolding(body: unknown, find: string): string | undefined {
  const messages = (body as { messages?: Array<{ content?: unknown }> } | null)?.messages ?? [];
  const user = messages.map((m) => (typeof m.content === 'string' ? m.content : '')).join('\n');
  const blocks = user.split(/^(?=\[\d+\] )/m);
  return blocks.find((b) => b.includes(find))?.match(/^\[(\d+)\]/)?.[1];
}

function completion(model: string, content: string) {
  return {
    id: `chatcmpl-fake-${Math.random().toString(36).slice(2, 10)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
    usage: { prompt_tokens: 10, completion_tokens: Math.ceil(content.length / 4), total_tokens: 10 + Math.ceil(content.length / 4) },
  };
}

/**
 * A local OpenAI-compatible chat server on 127.0.0.1 (random port) speaking the real
 * `/v1/chat/completions` protocol, with scriptable replies and failures (OpenAI error JSON bodies,
 * slow replies). Tests point a real `ChatOpenAI` client at it instead of mocking the client.
 */
export async function startFakeOpenAI(options: {
  /** Also serve `/v1/embeddings` (deterministic vectors of this size), as one Ollama-style server does both. */
  embeddingsDimension?: number;
} = {}): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  const queue: FakeReply[] = [];
  let fallback: FakeReply = { kind: 'reply', content: "The articles don't say." };
  const sockets = new Set<Socket>();
  let embeddingsError: { status: number; message: string } | null = null;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = null;
      }
      requests.push({ path: req.url ?? '', headers: req.headers, body });
      const send = (status: number, payload: unknown) => {
        if (res.destroyed) return;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (options.embeddingsDimension !== undefined && req.method === 'POST' && (req.url ?? '').endsWith('/embeddings') && embeddingsError) {
        send(embeddingsError.status, { error: { message: embeddingsError.message, type: 'invalid_request_error', param: null, code: null } });
        return;
      }
      if (options.embeddingsDimension !== undefined && req.method === 'POST' && (req.url ?? '').endsWith('/embeddings')) {
        const b = body as { input?: unknown; model?: unknown; encoding_format?: unknown } | null;
        const inputs = typeof b?.input === 'string' ? [b.input] : Array.isArray(b?.input) ? b.input : [];
        const dimension = options.embeddingsDimension;
        send(200, {
          object: 'list',
          data: inputs.map((text, index) => ({ object: 'embedding', index, embedding: encode(fakeVector(String(text), dimension), b?.encoding_format) })),
          model: typeof b?.model === 'string' ? b.model : 'unknown',
          usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
        });
        return;
      }
      if (req.method !== 'POST' || !(req.url ?? '').endsWith('/chat/completions')) {
        send(404, { error: { message: `Unknown route ${req.method} ${req.url}`, type: 'invalid_request_error', param: null, code: null } });
        return;
      }
      const model = typeof body === 'object' && body !== null && typeof (body as { model?: unknown }).model === 'string' ? (body as { model: string }).model : 'unknown';
      const reply = queue.shift() ?? fallback;
      if (reply.kind === 'error') {
        send(reply.status, { error: { message: reply.message, type: reply.type ?? 'invalid_request_error', param: null, code: reply.code ?? null } });
      } else if (reply.kind === 'delay') {
        setTimeout(() => send(200, completion(model, reply.content)), reply.ms).unref();
      } else if (reply.kind === 'cite') {
        send(200, completion(model, reply.content.replaceAll('{n}', blockHolding(body, reply.find) ?? '{n}')));
      } else {
        send(200, completion(model, reply.content));
      }
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...replies) => queue.push(...replies),
    setDefault: (reply) => {
      fallback = reply;
    },
    failEmbeddings: (error) => {
      embeddingsError = error;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
