/**
 * One polite, bounded HTTP GET with Node's fetch: http(s) only, a clear User-Agent, conditional headers, a
 * timeout covering the whole body, a size cap enforced while reading, redirects followed by hand (so each hop is
 * checked and counted), and retries with exponential backoff on 5xx, 429 and network errors. Every failure is a
 * FetchProblem with an error code from the catalog; nothing here throws anything else.
 */
import { ERROR_HINTS, type ErrorCode } from '../errors.js';
import { privateAddressOf } from './address-guard.js';

export const USER_AGENT = 'verbatim/0.1 (extractive news QA bot; +https://github.com/verbatim-bot)';

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  retries: number;
  /** First retry delay; doubles each time (default 500 ms). */
  backoffMs?: number;
  maxRedirects?: number;
  etag?: string | null;
  lastModified?: string | null;
  /** Counts every HTTP request made (the benchmark's "cost of a refresh"). */
  onRequest?: () => void;
  /** Reach hosts on loopback and private networks too (FETCH_ALLOW_PRIVATE); refused by default (address-guard.ts). */
  allowPrivate?: boolean;
}

export interface Fetched {
  status: 'ok';
  /** The address after redirects. */
  url: string;
  body: Buffer;
  contentType: string;
  etag: string | null;
  lastModified: string | null;
}

export interface NotModified {
  status: 'not-modified';
  url: string;
}

export class FetchProblem extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  readonly url: string;
  constructor(code: ErrorCode, url: string, message: string) {
    super(message);
    this.name = 'FetchProblem';
    this.code = code;
    this.hint = ERROR_HINTS[code];
    this.url = url;
  }
}

const DEFAULT_MAX_REDIRECTS = 5;

/** Refuses anything but http(s); returns the parsed URL. */
export function requireHttpUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchProblem('SOURCE_INVALID', raw, `${raw} is not an address.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchProblem('SOURCE_INVALID', raw, `Only http and https addresses are fetched, not ${url.protocol.replace(/:$/, '')}.`);
  }
  return url;
}

export async function fetchUrl(raw: string, options: FetchOptions): Promise<Fetched | NotModified> {
  const backoff = options.backoffMs ?? 500;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchOnce(raw, options);
    } catch (error) {
      const problem = toProblem(error, raw, options);
      const retryable = problem.code === 'FETCH_SERVER_ERROR' || problem.code === 'FETCH_NETWORK';
      if (!retryable || attempt >= options.retries) throw problem;
      await sleep(backoff * 2 ** attempt);
    }
  }
}

async function fetchOnce(raw: string, options: FetchOptions): Promise<Fetched | NotModified> {
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  // One deadline for the whole exchange, redirects and body included: a slow drip cannot hold a refresh.
  const signal = AbortSignal.timeout(options.timeoutMs);
  let url = requireHttpUrl(raw);
  const seen = new Set<string>();
  for (let hop = 0; ; hop++) {
    seen.add(url.href);
    const headers: Record<string, string> = {
      'user-agent': USER_AGENT,
      accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.1',
    };
    // Conditional headers belong to the address they were stored for, not to a redirect target.
    if (hop === 0 && options.etag) headers['if-none-match'] = options.etag;
    if (hop === 0 && options.lastModified) headers['if-modified-since'] = options.lastModified;
    if (options.allowPrivate !== true) {
      const inside = await privateAddressOf(url.hostname);
      if (inside !== null) throw new FetchProblem('FETCH_PRIVATE_ADDRESS', raw, `${url.host} is a private or local address (${inside}); it is not fetched.`);
    }
    options.onRequest?.();
    const response = await fetch(url, { headers, redirect: 'manual', signal });
    if (response.status >= 300 && response.status < 400 && response.status !== 304) {
      await response.body?.cancel();
      const location = response.headers.get('location');
      if (!location) throw new FetchProblem('FETCH_HTTP_ERROR', raw, `${url.href} answered ${response.status} without a Location.`);
      const next = new URL(location, url);
      if (seen.has(next.href) || hop >= maxRedirects) {
        throw new FetchProblem('FETCH_REDIRECTS', raw, `${raw} redirected ${seen.has(next.href) ? 'in a loop' : `more than ${maxRedirects} times`}.`);
      }
      url = requireHttpUrl(next.href);
      continue;
    }
    if (response.status === 304) {
      await response.body?.cancel();
      return { status: 'not-modified', url: url.href };
    }
    if (response.status >= 500 || response.status === 429) {
      await response.body?.cancel();
      throw new FetchProblem('FETCH_SERVER_ERROR', raw, `${url.href} answered ${response.status} ${response.statusText}.`.trim());
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new FetchProblem('FETCH_HTTP_ERROR', raw, `${url.href} answered ${response.status} ${response.statusText}.`.trim());
    }
    const body = await readCapped(response, options.maxBytes, raw);
    return {
      status: 'ok',
      url: url.href,
      body,
      contentType: response.headers.get('content-type') ?? '',
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
    };
  }
}

/** Reads the body, stopping (and cancelling the download) as soon as it passes `maxBytes`. */
async function readCapped(response: Response, maxBytes: number, raw: string): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  const tooLarge = () => new FetchProblem('FETCH_TOO_LARGE', raw, `${raw} is larger than ${maxBytes} bytes.`);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function toProblem(error: unknown, raw: string, options: FetchOptions): FetchProblem {
  if (error instanceof FetchProblem) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new FetchProblem('FETCH_TIMEOUT', raw, `${raw} did not answer within ${options.timeoutMs} ms.`);
  }
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return new FetchProblem('FETCH_NETWORK', raw, `${raw} could not be fetched${cause || (error instanceof Error ? `: ${error.message}` : '')}.`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
