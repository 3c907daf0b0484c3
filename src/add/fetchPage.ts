import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { DossierError } from '../errors.js';
import { isPublicAddress } from './isPublicAddress.js';

/** A page as fetched: its final address (after redirects), its media type and charset, its bytes. */
export interface FetchedPage {
  url: string;
  mediaType: string;
  charset: string | undefined;
  body: Buffer;
}

export interface FetchOptions {
  /**
   * Which IP addresses a connection may be made to: `isPublicAddress`, or every address when the
   * operator allows private hosts (`ADD_ALLOW_PRIVATE_HOSTS`; see `addressPolicy`).
   */
  allowAddress: (ip: string) => boolean;
  timeoutMs: number;
  maxBytes: number;
  /** Media types accepted; anything else is "not an article". */
  accept: readonly string[];
}

/** The addresses a fetch may reach: public ones, or all of them when private hosts are allowed. */
export function addressPolicy(allowPrivateHosts: boolean): (ip: string) => boolean {
  return allowPrivateHosts ? () => true : isPublicAddress;
}

/** Redirects followed before giving up: real article links take one to three. */
const MAX_REDIRECTS = 5;

const refused = (url: URL, why: string) =>
  new DossierError('ADD_REFUSED', `${url.host} ${why}, so it was not fetched. An operator can allow private addresses with ADD_ALLOW_PRIVATE_HOSTS=true.`);

/**
 * Fetches a web page for adding it as an article: http and https only, a time limit, a size limit,
 * redirects followed one by one and each new address checked again, the media type checked.
 * Unless private hosts are allowed, the address the connection is actually made to is checked
 * (a DNS answer is judged where it is used, so a name cannot resolve to a public address for a
 * check and a private one for the connection).
 * @throws DossierError `ADD_REFUSED` (scheme, private address), `ADD_FAILED` (unreachable, HTTP
 * error, timeout, too many redirects), `ADD_TOO_LARGE`, `ADD_NOT_ARTICLE` (media type).
 */
export async function fetchPage(address: string, options: FetchOptions): Promise<FetchedPage> {
  let url = parseAddress(address);
  const signal = AbortSignal.timeout(options.timeoutMs);
  for (let redirects = 0; ; redirects++) {
    checkTarget(url, options);
    const response = await request(url, options, signal);
    if (response.kind === 'page') return response.page;
    if (redirects >= MAX_REDIRECTS) throw new DossierError('ADD_FAILED', `${address} redirected more than ${MAX_REDIRECTS} times.`);
    url = redirectTarget(response.location, url);
  }
}

function redirectTarget(location: string, from: URL): URL {
  try {
    return new URL(location, from);
  } catch (error) {
    throw new DossierError('ADD_FAILED', `${from.host} redirected to an address that is not one.`, { cause: error });
  }
}

function parseAddress(address: string): URL {
  try {
    return new URL(address);
  } catch (error) {
    throw new DossierError('ADD_REFUSED', `${JSON.stringify(address.slice(0, 200))} is not a web address.`, { cause: error });
  }
}

/** The scheme, and an address written as an IP literal (connections to those skip DNS). */
function checkTarget(url: URL, options: FetchOptions): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new DossierError('ADD_REFUSED', `Only http and https links can be added (got ${url.protocol}).`);
  if (url.username || url.password) throw new DossierError('ADD_REFUSED', 'Links with a user name or password are not fetched.');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !options.allowAddress(host)) throw refused(url, 'is a private, loopback or link-local address');
}

type Lookup = NonNullable<http.RequestOptions['lookup']>;

/** DNS lookup that keeps only public addresses (or all of them, when private hosts are allowed). */
function guardedLookup(url: URL, options: FetchOptions): Lookup {
  return ((hostname: string, lookupOptions: { all?: boolean; family?: number }, callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { all: true, ...(lookupOptions.family ? { family: lookupOptions.family } : {}) }, (err, addresses) => {
      if (err) return callback(err, '');
      const usable = addresses.filter((a) => options.allowAddress(a.address));
      if (usable.length === 0) return callback(refused(url, 'resolves only to private, loopback or link-local addresses'), '');
      if (lookupOptions.all) return callback(null, usable);
      const first = usable[0] as LookupAddress;
      return callback(null, first.address, first.family);
    });
  }) as Lookup;
}

type Response = { kind: 'page'; page: FetchedPage } | { kind: 'redirect'; location: string };

function request(url: URL, options: FetchOptions, signal: AbortSignal): Promise<Response> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<Response>((resolve, reject) => {
    const fail = (error: unknown) => reject(describeFailure(error, url, options));
    const req = client.get(
      url,
      {
        lookup: guardedLookup(url, options),
        signal,
        headers: { 'user-agent': 'Dossier/0.1 (adds a news article to a reading list)', accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1' },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const location = res.headers.location;
        // A body not read is not downloaded either: destroy, never resume (a redirect's body has no size limit).
        if (status >= 300 && status < 400 && location) {
          res.destroy();
          return resolve({ kind: 'redirect', location });
        }
        if (status < 200 || status >= 300) {
          res.destroy();
          return reject(new DossierError('ADD_FAILED', `${url.host} answered HTTP ${status} for ${url.pathname}.`));
        }
        const [mediaType = '', ...params] = (res.headers['content-type'] ?? '').split(';').map((p) => p.trim().toLowerCase());
        if (!options.accept.includes(mediaType)) {
          res.destroy();
          return reject(new DossierError('ADD_NOT_ARTICLE', `${url.host} sent ${mediaType || 'no media type'}, not a web page or text.`));
        }
        const declared = Number(res.headers['content-length'] ?? NaN);
        if (declared > options.maxBytes) {
          res.destroy();
          return reject(tooLarge(options));
        }
        const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            res.destroy();
            reject(tooLarge(options));
          } else chunks.push(chunk);
        });
        res.on('error', fail);
        res.on('end', () => resolve({ kind: 'page', page: { url: url.toString(), mediaType, charset, body: Buffer.concat(chunks) } }));
      },
    );
    req.on('error', fail);
  });
}

const tooLarge = (options: FetchOptions) => new DossierError('ADD_TOO_LARGE', `The page is larger than ${Math.round(options.maxBytes / 1024)} KB (ADD_MAX_BYTES).`);

function describeFailure(error: unknown, url: URL, options: FetchOptions): DossierError {
  if (error instanceof DossierError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const name = (error as Error).name;
  if (name === 'AbortError' || name === 'TimeoutError' || code === 'ABORT_ERR') {
    const seconds = options.timeoutMs / 1000;
    return new DossierError('ADD_FAILED', `${url.host} did not answer within ${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s.`, { cause: error });
  }
  const why = code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? 'could not be found' : code === 'ECONNREFUSED' ? 'refused the connection' : 'could not be reached';
  return new DossierError('ADD_FAILED', `${url.host} ${why}${code ? ` (${code})` : ''}.`, { cause: error });
}
