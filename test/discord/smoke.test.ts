import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/fakeDiscord/botHarness.js';
import { StubEngine } from '../support/fakeDiscord/StubEngine.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness(async () => new StubEngine());
});
afterAll(async () => h?.close());

it('answers /ask', async () => {
  const { token } = h.fake.slashCommand('ask', { question: 'who?' });
  const edit = await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token));
  console.log(JSON.stringify(edit.body, null, 1));
  console.log(h.fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`));
  await new Promise((r) => setTimeout(r, 500));
  console.log(h.logs.filter((l) => /error|warn/.test(l)).join(''));
  expect(edit.body?.content).toContain('Stub answer');
});
