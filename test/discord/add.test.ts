import { readdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import type { Engine } from '../../src/engine/Engine.js';
import { startHarness, type Harness } from '../support/fakeDiscord/botHarness.js';
import type { RecordedRequest } from '../support/fakeDiscord/FakeDiscord.js';
import { user } from '../support/fakeDiscord/payloads.js';
import { REPO_ROOT, tempProject, type TempProject } from '../support/tempProject.js';

/**
 * /add end to end: the unmodified discord.js client, the local Discord (which also serves uploads,
 * as Discord's CDN does), a news page on a local web server, and the real engine over a temp project.
 */
const EPHEMERAL = 1 << 6;
const ADMIN = user('200000000000000777', 'editor');
let h: Harness;
let project: TempProject;
let engine: Engine;
let server: http.Server;
let pageUrl: string;

beforeAll(async () => {
  project = await tempProject('dossier-add-bot-');
  const html = await readFile(path.join(REPO_ROOT, 'test/fixtures/add/newsPage.html'));
  server = http.createServer((req, res) =>
    req.url === '/gone' ? res.writeHead(404, { 'content-type': 'text/html' }).end('gone') : res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/news/harbour-ferry-link`;
  h = await startHarness(
    async (config, logger) => {
      const app = await createApp(config, { logger });
      engine = app.engine;
      return app.engine;
    },
    {
      env: {
        SEEDS_DIR: project.seeds,
        EMBEDDINGS_DIR: project.embeddings,
        CACHE_DIR: path.join(REPO_ROOT, '.cache'),
        DISCORD_ADMIN_USER_IDS: ADMIN.id,
        ADD_ALLOW_PRIVATE_HOSTS: 'true',
        LOG_LEVEL: 'info',
      },
    },
  );
}, 120_000);
afterAll(async () => {
  await h?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await project?.cleanup();
});

/** A file in the project's seeds as the engine names it (relative to the bot's root, here the repository). */
const source = (name: string) => path.relative(h.config.root, path.join(project.seeds, name)).split(path.sep).join('/');
const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const contentOf = (r: RecordedRequest) => String(r.body?.content ?? (r.body?.data as { content?: string } | undefined)?.content ?? '');
const finalReply = (token: string, pattern: RegExp) => h.fake.waitForRequest((r) => r.path.includes(token) && pattern.test(contentOf(r)), { timeoutMs: 60_000 });

it('refuses a member who may not manage the server, privately, and adds nothing', async () => {
  const before = await readdir(project.seeds);
  const { token } = h.fake.slashCommand('add', { url: pageUrl }, { user: user('200000000000000555', 'mallory') });
  const reply = await h.fake.waitForRequest((r) => r.path.includes(token));
  expect(Number((reply.body?.data as { flags?: number }).flags) & EPHEMERAL).toBe(EPHEMERAL);
  expect(contentOf(reply)).toMatch(/Only members with \*\*Manage Server\*\*.*can add articles/);
  expect(await readdir(project.seeds)).toEqual(before);
});

it('asks for exactly one of a link or a file', async () => {
  const { token } = h.fake.slashCommand('add', {}, { user: ADMIN });
  expect(contentOf(await h.fake.waitForRequest((r) => r.path.includes(token)))).toMatch(/Give either a link \(`url:`\) or a file \(`file:`\)/);
});

it('adds an article from a link for an admin, which then answers questions; the same link again adds nothing', async () => {
  const { token } = h.fake.slashCommand('add', { url: pageUrl }, { user: ADMIN });
  const done = await finalReply(token, /^(✅|❌|Already)/);
  const file = source('harbour-council-approves-new-ferry-link.txt');
  expect(contentOf(done)).toMatch(new RegExp(`^✅ Added \\*\\*Harbour council approves new ferry link\\*\\* — The Coastal Ledger, 2031-05-03 · \\d+ passages?\\n${escaped(file)}\\n`));
  const answer = await engine.ask('Who chairs the island cooperative that will run the Varrow ferry?');
  expect(answer.citations.map((c) => c.source)).toContain(file);

  const again = h.fake.slashCommand('add', { url: pageUrl }, { user: ADMIN });
  expect(contentOf(await finalReply(again.token, /^(✅|❌|Already)/))).toBe(`Already there: that is the same address as ${file}. Nothing was added.`);
});

it('defers privately, shows progress, and explains a link that cannot be added', async () => {
  const gone = pageUrl.replace('/news/harbour-ferry-link', '/gone');
  const { token } = h.fake.slashCommand('add', { url: gone }, { user: ADMIN });
  const done = await finalReply(token, /^(✅|❌|Already)/);
  // Link text is untrusted: escaped for Discord markdown (the "127." that would start a numbered list).
  expect(contentOf(done)).toMatch(/^❌ Not added: 127\\?\.0\.0\.1:\d+ answered HTTP 404 for \/gone\.$/);
  const mine = h.fake.requests.filter((r) => r.path.includes(token));
  // The deferral is ephemeral (type 5 with the ephemeral flag), then the progress edit, then the outcome.
  expect(mine[0]?.body).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
  expect(mine.some((r) => r.method === 'PATCH' && /^⏳ Fetching/.test(contentOf(r)))).toBe(true);
  expect(mine.at(-1)).toBe(done);
});

it('adds an uploaded saved page (.html)', async () => {
  const bytes = (await readFile(path.join(REPO_ROOT, 'test/fixtures/add/newsPage.html'), 'utf8')).replace('harbour-ferry-link', 'harbour-ferry-link-saved').replace('Harbour council approves new ferry link</h1>', 'Harbour council approves new ferry link (saved copy)</h1><p>This saved copy was made for the archive by the newsroom library staff.</p>');
  const { token } = h.fake.slashCommand('add', { file: { name: 'ferry.html', type: 'text/plain; charset=utf-8', bytes: Buffer.from(bytes) } }, { user: ADMIN });
  const done = await finalReply(token, /^(✅|❌|Already)/);
  expect(contentOf(done)).toMatch(/^✅ Added \*\*Harbour council approves new ferry link\*\* — The Coastal Ledger, 2031-05-03/);
});

it('adds an uploaded text file', async () => {
  const bytes = Buffer.from('Tarrow glassworks reopen\n\nThe Tarrow glassworks reopened on Monday after a two-year closure, with ninety workers rehired by the new owners.\n');
  const { token } = h.fake.slashCommand('add', { file: { name: 'glassworks.txt', type: 'text/plain; charset=utf-8', bytes } }, { user: ADMIN });
  const done = await finalReply(token, /^(✅|❌|Already)/);
  expect(contentOf(done)).toMatch(new RegExp(`^✅ Added \\*\\*Tarrow glassworks reopen\\*\\* — unknown publisher, undated · 1 passage\\n${escaped(source('glassworks.txt'))}\\n`));
  expect(await readFile(path.join(project.seeds, 'glassworks.txt'), 'utf8')).toBe(bytes.toString());
});
