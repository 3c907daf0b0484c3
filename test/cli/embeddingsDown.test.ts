import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fakeOpenAI.js';
import { runCli } from '../support/runCli.js';
import { tempProject, type TempProject } from '../support/tempProject.js';

const KEY = 'sk-embed-SECRET-0123456789abcdef';

/**
 * An index built with a remote embeddings server whose key is later revoked: `ask` still answers
 * from the built index (keyword search), says why, exits 0, and never prints the key.
 */
describe('ask when the embeddings server fails after the build', () => {
  let project: TempProject;
  let server: FakeOpenAI;
  let env: Record<string, string>;

  beforeAll(async () => {
    project = await tempProject('dossier-embed-down-');
    server = await startFakeOpenAI({ embeddingsDimension: 16 });
    env = { EMBEDDINGS: 'openai', ANSWERER: 'extractive', OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.baseURL, OPENAI_TIMEOUT_MS: '5000' };
    const app = await createApp(project.config(env), { logger: createLogger('silent') });
    await app.close();
  });
  afterAll(async () => {
    await server?.close();
    await project?.cleanup();
  });

  it('answers from the built index with a notice naming the failure, exit code 0', async () => {
    server.failEmbeddings({ status: 401, message: `Incorrect API key provided: ${KEY}` });
    const run = await runCli(project.root, ['ask', 'Who leads the joint working group?', '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as { answer: string; abstained: boolean; notice?: string };
    expect(json.abstained).toBe(false);
    expect(json.answer).toMatch(/Sonata Coulter/);
    expect(json.notice).toMatch(/401/);
    expect(json.notice).toMatch(/keyword search/);
    expect(`${run.stdout}${run.stderr}`).not.toContain(KEY);
  });
});
