import { readdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAddInput } from '../../src/cli/runAdd.js';
import { runCli, type CliRun } from '../support/runCli.js';
import { REPO_ROOT, tempProject, type TempProject } from '../support/tempProject.js';

/** `npm run add` end to end: the real CLI (in-process), a news page served on 127.0.0.1, a temp project with the seeds indexed. */
let project: TempProject;
let server: http.Server;
let pageUrl: string;
const cli = (args: string[], env: Record<string, string> = {}, input?: string): Promise<CliRun> => runCli(project.root, args, env, input);

beforeAll(async () => {
  project = await tempProject('dossier-add-cli-', { indexed: true });
  const html = await readFile(path.join(REPO_ROOT, 'test/fixtures/add/newsPage.html'));
  server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/news/harbour-ferry-link?utm_source=chat`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await project?.cleanup();
});

describe('npm run add', () => {
  it('refuses a loopback address without ADD_ALLOW_PRIVATE_HOSTS, and writes nothing', async () => {
    const before = await readdir(project.seeds);
    const r = await cli(['add', pageUrl, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: 'ADD_REFUSED', message: /ADD_ALLOW_PRIVATE_HOSTS=true/ });
    expect(await readdir(project.seeds)).toEqual(before);
  });

  it('adds the page with ADD_ALLOW_PRIVATE_HOSTS=true: article text only, the page\'s metadata, answerable at once, never twice', async () => {
    const allow = { ADD_ALLOW_PRIVATE_HOSTS: 'true' };
    const added = await cli(['add', pageUrl, '--json'], allow);
    expect(added.code, added.stderr).toBe(0);
    const json = JSON.parse(added.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ file: 'seeds/harbour-council-approves-new-ferry-link.txt', title: 'Harbour council approves new ferry link', publisher: 'The Coastal Ledger', date: '2031-05-03', url: 'https://ledger.example/news/harbour-ferry-link' });
    expect(json['passages']).toBeGreaterThan(0);

    const text = await readFile(path.join(project.seeds, 'harbour-council-approves-new-ferry-link.txt'), 'utf8');
    expect(text).toMatch(/^Harbour council approves new ferry link\n\nThe Eastport harbour council voted/);
    for (const furniture of ['Weather', 'cookies', 'Read also', 'Sea wall repairs delayed', 'tracking pixel', 'All rights reserved']) expect(text).not.toContain(furniture);
    const meta = JSON.parse(await readFile(path.join(project.seeds, 'harbour-council-approves-new-ferry-link.txt.meta.json'), 'utf8')) as Record<string, unknown>;
    expect(meta).toMatchObject({ title: 'Harbour council approves new ferry link', publisher: 'The Coastal Ledger', date: '2031-05-03', author: 'Mira Testwell' });
    expect(Date.parse(String(meta['retrievedAt']))).not.toBeNaN();

    const ask = await cli(['ask', 'Who chairs the island cooperative that will run the Varrow ferry?', '--json']);
    const answer = JSON.parse(ask.stdout) as { abstained: boolean; answer: string; citations: Array<{ source: string }> };
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(/Linnea Crabbe/);
    expect(answer.citations.map((c) => c.source)).toContain('seeds/harbour-council-approves-new-ferry-link.txt');

    const before = await readdir(project.seeds);
    const again = await cli(['add', pageUrl], allow);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Already there: .* is the same address as seeds\/harbour-council-approves-new-ferry-link\.txt; nothing added\./);
    expect(await readdir(project.seeds)).toEqual(before);
  });

  it('adds a file from the chat with /add, then answers from it in the same session', async () => {
    await writeFile(path.join(project.root, 'glassworks.txt'), 'Tarrow glassworks reopen\n\nThe Tarrow glassworks reopened on Monday after a two-year closure, with ninety workers rehired by the new owners.\n');
    const r = await cli(['chat'], {}, '/add glassworks.txt\nHow many workers did the Tarrow glassworks rehire?\n/quit\n');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Added Tarrow glassworks reopen — publisher unknown, date unknown \(1 passage\)\n\s+seeds\/glassworks\.txt/);
    expect(r.stdout).toMatch(/ninety workers rehired[\s\S]*seeds\/glassworks\.txt/);
  });

  it.each([
    ['https://news.example/a', { kind: 'url', url: 'https://news.example/a' }],
    ['saved/page.html', { kind: 'file', path: '/work/saved/page.html' }],
  ])('reads %s as %j', (arg, expected) => {
    expect(parseAddInput(arg, '/work')).toEqual(expected);
  });
});
