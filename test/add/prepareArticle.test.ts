import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareArticle } from '../../src/add/prepareArticle.js';
import { loadConfig } from '../../src/config.js';

/** Pages served the way real servers (and Discord's CDN) serve them, read into articles. */
let server: http.Server;
let base: string;
const config = loadConfig({ ADD_ALLOW_PRIVATE_HOSTS: 'true' }, '/proj');
const LATIN1_PAGE = Buffer.concat([
  Buffer.from('<html><head><meta charset="windows-1252"><title>Caf'),
  Buffer.from([0xe9]),
  Buffer.from(' reopens</title></head><body><article>'),
  ...['The harbour caf', 'The owners said the caf', 'Regulars queued outside the caf'].map((p) =>
    Buffer.concat([Buffer.from(`<p>${p}`), Buffer.from([0xe9]), Buffer.from(' reopened on Monday after a winter of repairs to its roof and kitchen, its owners said.</p>')]),
  ),
  Buffer.from('</article></body></html>'),
]);

beforeAll(async () => {
  const page = await readFile(path.resolve(import.meta.dirname, '../fixtures/add/newsPage.html'));
  server = http.createServer((req, res) => {
    if (req.url === '/upload/saved.html') res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(page);
    else if (req.url === '/cafe') res.writeHead(200, { 'content-type': 'text/html' }).end(LATIN1_PAGE);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('prepareArticle', () => {
  it('reads an uploaded .html file as a page even when it is served as text/plain', async () => {
    const article = await prepareArticle({ kind: 'upload', name: 'saved.html', url: `${base}/upload/saved.html` }, config);
    expect(article.title).toBe('Harbour council approves new ferry link');
    expect(article.text).not.toMatch(/<script|<nav|window\.dataLayer/);
    expect(article.url).toBe('https://ledger.example/news/harbour-ferry-link');
  });

  it('decodes a page in the charset its <meta> declares when the server names none', async () => {
    const article = await prepareArticle({ kind: 'url', url: `${base}/cafe` }, config);
    expect(article.title).toBe('Café reopens');
    expect(article.text).toMatch(/The harbour café reopened on Monday/);
  });
});
