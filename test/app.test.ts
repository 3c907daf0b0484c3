import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { startFakeOpenAI, type FakeOpenAI } from './support/fakeOpenAI.js';
import { tempProject, type TempProject } from './support/tempProject.js';

/**
 * The OpenAI-compatible mode end to end: the same app and engine, with embeddings and answers from a
 * local server that speaks the real `/v1/embeddings` and `/v1/chat/completions` protocols (as Ollama
 * or llama.cpp behind `OPENAI_BASE_URL` do), reached by the real LangChain OpenAI clients.
 */
describe('createApp in OpenAI-compatible mode', () => {
  let project: TempProject;
  let server: FakeOpenAI;

  beforeAll(async () => {
    project = await tempProject('dossier-openai-');
    server = await startFakeOpenAI({ embeddingsDimension: 16 });
  });
  afterAll(async () => {
    await server?.close();
    await project?.cleanup();
  });

  it('indexes with the remote embeddings and answers with the remote model, citations checked against the articles', async () => {
    const config = project.config({ EMBEDDINGS: 'openai', ANSWERER: 'openai', OPENAI_API_KEY: 'sk-local-test', OPENAI_BASE_URL: server.baseURL });
    const app = await createApp(config);
    try {
      const embedded = server.requests.filter((r) => r.path.endsWith('/embeddings'));
      expect(embedded.length).toBeGreaterThan(0);
      expect(embedded.every((r) => r.headers.authorization === 'Bearer sk-local-test')).toBe(true);
      expect(app.engine.sources()).toHaveLength(5);

      // The model answers from the numbered context it is given; the app checks the citation.
      server.enqueue({ kind: 'cite', find: 'Sonata Coulter', content: 'The working group is led by Sonata Coulter [{n}].' });
      const answer = await app.engine.ask('Who leads the working group on the Trump Route?');
      expect(answer.kind).toBe('answered');
      expect(answer.mode).toBe('llm');
      expect(answer.text).toMatch(/Sonata Coulter \[1\]/);
      expect(answer.citations).toHaveLength(1);
      const cited = answer.citations[0];
      const raw = await readFile(path.join(project.root, cited?.source ?? ''), 'utf8');
      expect(raw.slice(cited?.start, cited?.end)).toBe(cited?.quote);

      // The question went to the chat model with the articles' text fenced as data.
      const chat = server.requests.filter((r) => r.path.endsWith('/chat/completions')).at(-1);
      expect(JSON.stringify(chat?.body)).toContain('Who leads the working group on the Trump Route?');

      // A question no passage matches costs no model call: with nothing retrieved, the model is not asked.
      // (There is no gate for questions that match passages but are off-topic: those go to the model.)
      expect(await app.engine.retrieve('What is the capital of France?')).toEqual([]);
      const calls = server.requests.filter((r) => r.path.endsWith('/chat/completions')).length;
      const offCorpus = await app.engine.ask('What is the capital of France?');
      expect(offCorpus).toMatchObject({ kind: 'no-answer', text: "The articles don't say." });
      expect(server.requests.filter((r) => r.path.endsWith('/chat/completions')).length).toBe(calls);

      // A reply citing a passage the model was never given is not passed off as grounded: the offline answer is shown, with why.
      server.enqueue({ kind: 'reply', content: 'The working group is led by Sonata Coulter [42].' });
      const invented = await app.engine.ask('Who leads the working group on the Trump Route?');
      expect(invented.mode).toBe('extractive');
      expect(invented.notice).toMatch(/not supported by the articles it cited/);
      expect(invented.text).not.toMatch(/\[42\]/);
    } finally {
      await app.close();
    }
  });
});
