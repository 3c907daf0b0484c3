import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake server received, for asserting the client's request shape. */
export interface RecordedEmbeddingsRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  body: unknown;
}

export interface OpenAIEmbeddingsServer {
  /** Base URL including `/v1`, as `OPENAI_BASE_URL` expects. */
  baseURL: string;
  requests: RecordedEmbeddingsRequest[];
  close(): Promise<void>;
}

/** Deterministic fake vector: depends on the text, so equal texts embed equally. */
export function fakeVector(text: string, dimension: number): number[] {
  const v: number[] = [];
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619);
  for (let i = 0; i < dimension; i++) {
    h = Math.imul(h ^ i, 16777619);
    v.push(((h >>> 0) % 2000) / 1000 - 1);
  }
  return v;
}

/** The real API returns base64 of little-endian float32 when `encoding_format: 'base64'`. */
export function encode(vector: number[], format: unknown): number[] | string {
  return format === 'base64' ? Buffer.from(Float32Array.from(vector).buffer).toString('base64') : vector;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * A minimal OpenAI-compatible `/v1/embeddings` endpoint on 127.0.0.1 speaking the real wire format
 * (`{object:'list', data:[{object:'embedding', index, embedding}], model, usage}`).
 * Requests without `Bearer <apiKey>` get the real 401 error body.
 */
export async function startOpenAIEmbeddingsServer(options: { apiKey: string; dimension?: number }): Promise<OpenAIEmbeddingsServer> {
  const dimension = options.dimension ?? 8;
  const requests: RecordedEmbeddingsRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = null;
      }
      requests.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body });
      if (req.method !== 'POST' || req.url !== '/v1/embeddings') return send(res, 404, { error: { message: 'Not found', type: 'invalid_request_error' } });
      if (req.headers.authorization !== `Bearer ${options.apiKey}`) {
        return send(res, 401, { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } });
      }
      const b = body as { input?: unknown; model?: unknown; encoding_format?: unknown } | null;
      const inputs = typeof b?.input === 'string' ? [b.input] : Array.isArray(b?.input) ? b.input : null;
      if (!inputs || typeof b?.model !== 'string') return send(res, 400, { error: { message: "'input' and 'model' are required", type: 'invalid_request_error' } });
      send(res, 200, {
        object: 'list',
        data: inputs.map((text, index) => ({ object: 'embedding', index, embedding: encode(fakeVector(String(text), dimension), b.encoding_format) })),
        model: b.model,
        usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
