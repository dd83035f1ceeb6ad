/**
 * The fake REST API: a route table over node:http, every call recorded, JSON answers with the
 * Content-Type discord.js needs, 401 without the bot token, and injectable 429s with Retry-After.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, percent-decoded segment by segment. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  status: number;
}

export interface RestAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteRequest {
  method: string;
  params: string[];
  query: URLSearchParams;
  body: unknown;
}

export interface Route {
  method: string;
  /** Segments; `:` matches any one segment, which is passed to the handler in order. */
  pattern: string;
  /** Interaction callbacks and webhooks are authorised by their token, not the bot token. */
  public?: boolean;
  handle: (request: RouteRequest) => RestAnswer;
}

interface PendingRateLimit {
  method: string;
  path: RegExp;
  retryAfterSeconds: number;
}

const API_PREFIX = '/api/v10';

function match(pattern: string, path: string): string[] | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: string[] = [];
  for (let i = 0; i < want.length; i += 1) {
    if (want[i] === ':') params.push(got[i]!);
    else if (want[i] !== got[i]) return null;
  }
  return params;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text.length === 0 ? null : (JSON.parse(text) as unknown);
}

export class FakeRest {
  readonly requests: RecordedRequest[] = [];
  private readonly rateLimits: PendingRateLimit[] = [];

  constructor(private readonly token: string, private readonly routes: Route[]) {}

  /** The next request matching `method` and `path` is answered 429 with a Retry-After header. */
  rateLimitNext(method: string, path: RegExp, retryAfterSeconds: number): void {
    this.rateLimits.push({ method, path, retryAfterSeconds });
  }

  async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = request.method ?? 'GET';
    const path = url.pathname.replace(API_PREFIX, '').split('/').map(decodeURIComponent).join('/');
    const body = await readBody(request);
    const answer = this.answer(method, path, url.searchParams, body, request.headers.authorization);
    this.requests.push({ method, path, query: url.searchParams, body, status: answer.status });
    const headers = { ...answer.headers, ...(answer.body === undefined ? {} : { 'Content-Type': 'application/json' }) };
    response.writeHead(answer.status, headers);
    response.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
  }

  private answer(method: string, path: string, query: URLSearchParams, body: unknown, authorization: string | undefined): RestAnswer {
    const limited = this.rateLimits.findIndex((r) => r.method === method && r.path.test(path));
    if (limited >= 0) {
      const [limit] = this.rateLimits.splice(limited, 1);
      return {
        status: 429,
        headers: { 'Retry-After': String(limit!.retryAfterSeconds), 'X-RateLimit-Scope': 'user' },
        body: { message: 'You are being rate limited.', retry_after: limit!.retryAfterSeconds, global: false },
      };
    }
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const params = match(route.pattern, path);
      if (params === null) continue;
      if (route.public !== true && authorization !== `Bot ${this.token}`) return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
      return route.handle({ method, params, query, body });
    }
    return { status: 404, body: { message: `Unknown route ${method} ${path}`, code: 0 } };
  }
}
