/**
 * /healthz and /readyz for process managers and load balancers, shared by `verbatim serve` and the bot
 * (HEALTH_PORT). Liveness: the process answers HTTP. Readiness: every check (the engine warmed up; for the bot, the
 * Discord gateway connected) passes; until then 503 with what is still missing.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Engine } from '../engine-types.js';
import { toVerbatimError } from '../errors.js';
import { sendJson } from './http-json.js';

export type CheckState = 'ok' | 'starting' | 'failed';

export interface Readiness {
  ready: boolean;
  checks: Record<string, CheckState>;
  /** Why a failed check failed (code and message), so an operator sees it in the probe's body. */
  errors?: Record<string, { code: string; message: string; hint: string }>;
}

/** Combines named checks: ready when every one is ok. */
export function readinessOf(checks: Record<string, CheckState>, errors: Readiness['errors'] = {}): Readiness {
  return { ready: Object.values(checks).every((state) => state === 'ok'), checks, ...(Object.keys(errors).length > 0 ? { errors } : {}) };
}

/**
 * Warms the engine in the background and reports its state. After a failure (no corpus yet, the index locked by a
 * long ingest) a readiness probe retries the warm-up, at most once per `retryMs`, so readiness recovers by itself.
 */
export function engineWarmth(engine: Pick<Engine, 'warmUp'>, retryMs = 30_000): { state(): CheckState; error(): ReturnType<typeof toVerbatimError> | null; done: Promise<void> } {
  let state: CheckState = 'starting';
  let failure: ReturnType<typeof toVerbatimError> | null = null;
  let lastAttempt = Date.now();
  let running = false;
  const run = (): Promise<void> => {
    running = true;
    lastAttempt = Date.now();
    return engine.warmUp().then(
      () => {
        state = 'ok';
        failure = null;
        running = false;
      },
      (error: unknown) => {
        state = 'failed';
        failure = toVerbatimError(error);
        running = false;
      },
    );
  };
  const done = run();
  return {
    state() {
      if (state === 'failed' && !running && Date.now() - lastAttempt >= retryMs) void run();
      return state;
    },
    error: () => failure,
    done,
  };
}

/** Answers GET /healthz and GET /readyz; false for any other path. */
export function handleHealth(req: IncomingMessage, res: ServerResponse, path: string, readiness: () => Readiness): boolean {
  if (path !== '/healthz' && path !== '/readyz') return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendJson(res, 405, { error: { code: 'REQUEST_INVALID', message: `${path} answers GET.`, hint: 'Use GET.' } }, { allow: 'GET, HEAD' });
    return true;
  }
  if (path === '/healthz') {
    sendJson(res, 200, { status: 'ok' });
    return true;
  }
  const now = readiness();
  sendJson(res, now.ready ? 200 : 503, { status: now.ready ? 'ready' : 'not ready', ...now });
  return true;
}

export interface RunningServer {
  server: Server;
  /** e.g. http://127.0.0.1:8787 (the port the system chose when asked for 0). */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on host:port; rejects with the system's error (EADDRINUSE, EACCES) when it cannot. */
export function listen(server: Server, port: number, host: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      const address = server.address() as AddressInfo;
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        server,
        url: `http://${shown}:${address.port}`,
        port: address.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive connections would hold close() open; requests in flight have had their chance.
            server.closeIdleConnections();
            setTimeout(() => server.closeAllConnections(), 2_000).unref();
          }),
      });
    });
  });
}

/** The bot's health listener: /healthz and /readyz only, everything else 404. */
export function startHealthServer(options: { port: number; host: string; readiness: () => Readiness }): Promise<RunningServer> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!handleHealth(req, res, path, options.readiness)) {
      sendJson(res, 404, { error: { code: 'ROUTE_NOT_FOUND', message: `Nothing at ${path}.`, hint: 'This listener serves GET /healthz and GET /readyz.' } });
    }
  });
  return listen(server, options.port, options.host);
}
