import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createEmbeddings } from '../../src/embeddings/createEmbeddings.js';
import { WordVectorEmbeddings } from '../../src/embeddings/WordVectorEmbeddings.js';
import { isDossierError } from '../../src/errors.js';
import { startOpenAIEmbeddingsServer } from '../support/openaiEmbeddingsServer.js';
import type { OpenAIEmbeddingsServer } from '../support/openaiEmbeddingsServer.js';

const KEY = 'sk-test-secret-key-1234567890';

describe('createEmbeddings', () => {
  let server: OpenAIEmbeddingsServer;
  beforeAll(async () => {
    server = await startOpenAIEmbeddingsServer({ apiKey: KEY, dimension: 12 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('uses the offline word vectors by default', async () => {
    const model = await createEmbeddings(loadConfig({}, process.cwd()));
    expect(model.id).toBe(WordVectorEmbeddings.ID);
    expect(model.dimension).toBe(100);
    expect(await model.embeddings.embedQuery('peace')).toHaveLength(100);
  });

  it('talks to an OpenAI-compatible server, probing the dimension and naming the endpoint in the id', async () => {
    const config = loadConfig({ OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.baseURL, OPENAI_EMBEDDING_MODEL: 'nomic-embed-text' }, process.cwd());
    const before = server.requests.length;
    const model = await createEmbeddings(config);
    expect(model.dimension).toBe(12);
    expect(model.id).toBe(`openai:nomic-embed-text@${new URL(server.baseURL).host}/v1`);
    const vectors = await model.embeddings.embedDocuments(['first passage', 'second passage']);
    expect(vectors).toHaveLength(2);
    expect(vectors[0]).toHaveLength(12);
    const sent = server.requests.slice(before);
    expect(sent.every((r) => r.method === 'POST' && r.url === '/v1/embeddings' && r.authorization === `Bearer ${KEY}`)).toBe(true);
    expect(sent.at(-1)?.body).toMatchObject({ model: 'nomic-embed-text', input: ['first passage', 'second passage'], encoding_format: 'float' });
  });

  it('sends a placeholder key when only OPENAI_BASE_URL is set (local servers)', async () => {
    const open = await startOpenAIEmbeddingsServer({ apiKey: 'not-needed' });
    try {
      const model = await createEmbeddings(loadConfig({ OPENAI_BASE_URL: open.baseURL }, process.cwd()));
      expect(model.dimension).toBe(8);
      expect(open.requests[0]?.authorization).toBe('Bearer not-needed');
    } finally {
      await open.close();
    }
  });

  it('turns a rejected key into EMBEDDINGS_FAILED without revealing the key', async () => {
    const wrongKey = 'sk-wrong-key-abcdefghijklmnop';
    const config = loadConfig({ OPENAI_API_KEY: wrongKey, OPENAI_BASE_URL: server.baseURL }, process.cwd());
    const error: unknown = await createEmbeddings(config, { maxRetries: 0 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isDossierError(error) && error.code).toBe('EMBEDDINGS_FAILED');
    expect(String((error as Error).message)).toMatch(/rejected the API key \(HTTP 401\)/);
    expect(String((error as Error).message)).not.toContain(wrongKey);
  });

  it('reports an unreachable server as EMBEDDINGS_FAILED', async () => {
    const config = loadConfig({ OPENAI_API_KEY: KEY, OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', OPENAI_TIMEOUT_MS: '2000' }, process.cwd());
    const error: unknown = await createEmbeddings(config, { maxRetries: 0 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isDossierError(error) && error.code).toBe('EMBEDDINGS_FAILED');
    expect((error as Error).message).toMatch(/127\.0\.0\.1:9/);
  });
});
