/**
 * A real HTTP server on 127.0.0.1 for the live-sources tests and benchmark: routes are set (and changed) by the
 * test, conditional requests get real 304s from ETag / Last-Modified, and every request is counted per path.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';

export type Route =
  | { kind: 'body'; body: Buffer | string; type: string; validators?: boolean; status?: number }
  | { kind: 'status'; status: number }
  | { kind: 'flaky'; failures: number; then: Route }
  | { kind: 'slow'; ms: number; then: Route }
  | { kind: 'redirect'; to: string; status?: number }
  | { kind: 'huge'; bytes: number; type: string; declareLength: boolean };

export interface FixtureServer {
  base: string;
  set(path: string, route: Route): void;
  /** Requests seen per path (and in total under '*'). */
  hits(path?: string): number;
  resetHits(): void;
  close(): Promise<void>;
}

export const FIXTURES = new URL('./sources-fixtures/', import.meta.url);

export function fixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

export function page(body: Buffer | string, type = 'text/html; charset=utf-8'): Route {
  return { kind: 'body', body, type, validators: true };
}

/** Fixed so every run sends the same Last-Modified. */
const LAST_MODIFIED = 'Sat, 14 Mar 2026 10:00:00 GMT';

export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, Route>();
  const hits = new Map<string, number>();
  const flakyCounts = new Map<string, number>();
  const serve = (req: http.IncomingMessage, res: http.ServerResponse, route: Route, path: string): void => {
    switch (route.kind) {
      case 'status':
        res.writeHead(route.status, { 'content-type': 'text/plain' }).end(`status ${route.status}`);
        return;
      case 'flaky': {
        const seen = flakyCounts.get(path) ?? 0;
        flakyCounts.set(path, seen + 1);
        if (seen < route.failures) res.writeHead(500, { 'content-type': 'text/plain' }).end('try later');
        else serve(req, res, route.then, path);
        return;
      }
      case 'slow':
        setTimeout(() => {
          if (!res.destroyed) serve(req, res, route.then, path);
        }, route.ms).unref();
        return;
      case 'redirect':
        res.writeHead(route.status ?? 302, { location: route.to }).end();
        return;
      case 'huge': {
        res.writeHead(200, { 'content-type': route.type, ...(route.declareLength ? { 'content-length': String(route.bytes) } : {}) });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        let sent = 0;
        const pump = (): void => {
          while (sent < route.bytes && !res.destroyed) {
            sent += chunk.length;
            if (!res.write(chunk)) {
              res.once('drain', pump);
              return;
            }
          }
          res.end();
        };
        res.on('error', () => {});
        pump();
        return;
      }
      case 'body': {
        const body = typeof route.body === 'string' ? Buffer.from(route.body) : route.body;
        const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
        if (route.validators !== false && req.headers['if-none-match'] === etag) {
          res.writeHead(304, { etag }).end();
          return;
        }
        res.writeHead(route.status ?? 200, {
          'content-type': route.type,
          'content-length': String(body.length),
          ...(route.validators !== false ? { etag, 'last-modified': LAST_MODIFIED } : {}),
        });
        res.end(body);
        return;
      }
    }
  };
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    hits.set('*', (hits.get('*') ?? 0) + 1);
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    serve(req, res, route, path);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    set: (path, route) => {
      routes.set(path, route);
      flakyCounts.delete(path);
    },
    hits: (path = '*') => hits.get(path) ?? 0,
    resetHits: () => hits.clear(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A fixture server serving the coast news feed (rss.xml) and the two article pages it lists. */
export async function startCoastNewsSite(): Promise<FixtureServer> {
  const server = await startFixtureServer();
  server.set('/rss.xml', page(fixture('rss.xml'), 'application/rss+xml'));
  server.set('/articles/harbour-wall.html', page(fixture('harbour.html')));
  server.set('/articles/library.html', page(fixture('council.html')));
  return server;
}
