import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeDiscord } from '../support/fakeDiscord/FakeDiscord.js';
import { REPO_ROOT, tempProject, type TempProject } from '../support/tempProject.js';

let project: TempProject;
let fake: FakeDiscord;

beforeAll(async () => {
  // Indexed already: start-up opens the index rather than building it (building is tested in-process).
  project = await tempProject('dossier-start-', { indexed: true });
  fake = await FakeDiscord.start();
});

afterAll(async () => {
  await fake?.close();
  await project?.cleanup();
});

it('npm start with DISCORD_TOKEN runs the bot, answers /ask, and shuts down cleanly on SIGTERM', async () => {
  // What `npm start` runs: the launcher, in a process of its own (the signal is the process's).
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'scripts/run.mjs'), path.join(REPO_ROOT, 'src/cli/main.ts'), 'start'], {
    cwd: project.root,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      CACHE_DIR: path.join(REPO_ROOT, '.cache'),
      DISCORD_TOKEN: fake.token,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiURL,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    await expect.poll(() => fake.gateway.connected, { timeout: 90_000, interval: 200 }).toBe(true);
    await expect.poll(() => output, { timeout: 30_000 }).toMatch(/Connected to Discord/);
    const { token } = fake.slashCommand('ask', { question: 'Who leads the joint working group?' });
    const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token), { timeoutMs: 30_000 });
    expect(JSON.stringify(edit.body)).toMatch(/Sonata Coulter/);
    expect(edit.body).toMatchObject({ allowed_mentions: { parse: [] } });
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
  expect(output).toMatch(/SIGTERM received; shutting down/);
  expect(output).not.toContain(fake.token);
}, 180_000);
