import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addressPolicy, fetchPage, type FetchOptions } from '../../src/add/fetchPage.js';

/** A local web server with one route per case; it stands for the sites articles are added from. */
let server: http.Server;
let base: string;
const ROUTES: Record<string, (res: http.ServerResponse) => void> = {
  '/article': (res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>Ferry link approved.</p>'),
  '/latin1': (res) => res.writeHead(200, { 'content-type': 'text/plain; charset=windows-1252' }).end(Buffer.from([0x43, 0x61, 0x66, 0xe9])),
  '/moved': (res) => res.writeHead(301, { location: '/article' }).end(),
  '/to-file': (res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
  '/to-metadata': (res) => res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
  '/loop': (res) => res.writeHead(302, { location: '/loop' }).end(),
  '/missing': (res) => res.writeHead(404, { 'content-type': 'text/html' }).end('not here'),
  '/image': (res) => res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(10)),
  '/big-declared': (res) => res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(10 * 1024 * 1024) }).end(),
  '/big-streamed': (res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    for (let i = 0; i < 40; i++) res.write(Buffer.alloc(64 * 1024, 0x61));
    res.end();
  },
  '/silent': () => undefined, // never answers
  '/bad-location': (res) => res.writeHead(302, { location: 'http://[::1' }).end(),
  '/redirect-with-endless-body': (res) => {
    res.writeHead(302, { location: '/article', 'content-type': 'text/html' });
    const timer = setInterval(() => res.write(Buffer.alloc(64 * 1024, 0x61)), 5);
    res.on('close', () => {
      clearInterval(timer);
      endlessClosedAt = Date.now();
    });
  },
};
let endlessClosedAt = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => (ROUTES[req.url ?? ''] ?? ((r: http.ServerResponse) => r.writeHead(404).end()))(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const allowed: FetchOptions = { allowAddress: addressPolicy(true), timeoutMs: 2000, maxBytes: 1024 * 1024, accept: ['text/html', 'text/plain'] };
const guarded: FetchOptions = { ...allowed, allowAddress: addressPolicy(false) };

describe('fetchPage', () => {
  it('fetches a page, following redirects, with its final address, media type and charset', async () => {
    const page = await fetchPage(`${base}/moved`, allowed);
    expect(page).toMatchObject({ url: `${base}/article`, mediaType: 'text/html', charset: 'utf-8' });
    expect(page.body.toString()).toBe('<p>Ferry link approved.</p>');
    expect((await fetchPage(`${base}/latin1`, allowed)).charset).toBe('windows-1252');
  });

  it.each([
    ['a loopback address', () => `${base}/article`],
    ['localhost (resolved, then refused)', () => `${base.replace('127.0.0.1', 'localhost')}/article`],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
    ['an IPv6 loopback literal', () => 'http://[::1]/'],
    ['a private network address', () => 'http://10.0.0.8/admin'],
  ])('refuses %s unless private hosts are allowed', async (_name, url) => {
    await expect(fetchPage(url(), guarded)).rejects.toMatchObject({ code: 'ADD_REFUSED', message: /private, loopback or link-local.*ADD_ALLOW_PRIVATE_HOSTS=true/ });
  });

  it.each<[string, string, string, RegExp]>([
    ['a non-web scheme', 'file:///etc/passwd', 'ADD_REFUSED', /Only http and https/],
    ['a redirect to a non-web scheme', '/to-file', 'ADD_REFUSED', /Only http and https/],
    ['a link with credentials', 'http://user:secret@news.example/', 'ADD_REFUSED', /user name or password/],
    ['not an address at all', 'news dot example', 'ADD_REFUSED', /not a web address/],
    ['a redirect loop', '/loop', 'ADD_FAILED', /redirected more than 5 times/],
    ['an HTTP error', '/missing', 'ADD_FAILED', /HTTP 404/],
    ['an image', '/image', 'ADD_NOT_ARTICLE', /image\/png, not a web page/],
    ['a page declared too large', '/big-declared', 'ADD_TOO_LARGE', /larger than 1024 KB/],
    ['a page that turns out too large', '/big-streamed', 'ADD_TOO_LARGE', /larger than 1024 KB/],
    ['a server that never answers', '/silent', 'ADD_FAILED', /did not answer within 0\.3 s/],
    ['a redirect to something that is not an address', '/bad-location', 'ADD_FAILED', /redirected to an address that is not one/],
  ])('explains %s', async (_name, path, code, message) => {
    const url = path.startsWith('/') ? `${base}${path}` : path;
    await expect(fetchPage(url, { ...allowed, timeoutMs: path === '/silent' ? 300 : allowed.timeoutMs })).rejects.toMatchObject({ code, message });
  });

  it('does not download the body of a redirect (it has no size limit): the connection is closed at once', async () => {
    const started = Date.now();
    await expect(fetchPage(`${base}/redirect-with-endless-body`, allowed)).resolves.toMatchObject({ url: `${base}/article` });
    // The server sees the close a moment after the client makes it.
    await vi.waitFor(() => expect(endlessClosedAt).toBeGreaterThanOrEqual(started));
  });

  it('checks every redirect target again: an allowed page may not redirect to the metadata service', async () => {
    // The local server stands in for a public site: its address is allowed, every other private one is not.
    const options: FetchOptions = { ...guarded, allowAddress: (ip) => ip === '127.0.0.1' || addressPolicy(false)(ip) };
    await expect(fetchPage(`${base}/article`, options)).resolves.toMatchObject({ mediaType: 'text/html' });
    await expect(fetchPage(`${base}/to-metadata`, options)).rejects.toMatchObject({ code: 'ADD_REFUSED', message: /^169\.254\.169\.254 is a private/ });
  });
});
