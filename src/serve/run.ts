/**
 * `verbatim serve`: one warm engine behind the local HTTP API until SIGINT or SIGTERM. It listens at once (so
 * /healthz answers while the engine warms), reports readiness on /readyz, and closes gracefully on a signal.
 */
import { createServer } from 'node:http';
import type { StopListener } from '../cli/io.js';
import type { Engine } from '../engine-types.js';
import { VerbatimError } from '../errors.js';
import { createApiHandler } from './api.js';
import { engineWarmth, listen, readinessOf, type RunningServer } from './health.js';

export interface ServeOptions {
  port: number;
  host: string;
  apiToken: string | undefined;
  log: (line: string) => void;
}

/** Starts the API; resolves with the running server (tests and `serveUntilStopped` use it). */
export async function startApi(engine: Engine, options: ServeOptions): Promise<RunningServer & { warmed: Promise<void> }> {
  const warmth = engineWarmth(engine);
  const readiness = () => {
    const failure = warmth.error();
    return readinessOf({ engine: warmth.state() }, failure ? { engine: failure.toJSON() } : {});
  };
  const handler = createApiHandler(engine, { apiToken: options.apiToken, readiness, log: options.log });
  const server = createServer((req, res) => void handler(req, res));
  // Slow or stalled clients must not hold sockets for ever.
  server.requestTimeout = 60_000;
  server.headersTimeout = 15_000;
  let running: RunningServer;
  try {
    running = await listen(server, options.port, options.host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    throw new VerbatimError('CONFIG_INVALID', `Cannot listen on ${options.host}:${options.port} (${code}).`, {
      hint: code === 'EADDRINUSE' ? 'Another program uses that port: pass --port <n> (or set SERVE_PORT), or stop the other program.' : 'Pass another --host or --port (or SERVE_HOST / SERVE_PORT).',
      cause: error,
    });
  }
  void warmth.done.then(() => {
    const failure = warmth.error();
    options.log(failure ? `warm-up failed: ${failure.code}: ${failure.message} (questions will retry it)` : 'engine ready');
  });
  return { ...running, warmed: warmth.done };
}

/** Runs the API until `stop` fires (SIGINT or SIGTERM for `verbatim serve`), then closes it (the caller closes the engine). */
export async function serveUntilStopped(engine: Engine, options: ServeOptions & { listenForStop: () => StopListener }): Promise<void> {
  const running = await startApi(engine, options);
  const exposed = options.host !== '127.0.0.1' && options.host !== '::1' && options.host !== 'localhost';
  options.log(`verbatim API on ${running.url} (POST /ask, GET /articles, GET /stats, GET /healthz, GET /readyz)${options.apiToken ? '; bearer token required' : ''}`);
  if (exposed && !options.apiToken) options.log('warning: listening beyond this machine without API_TOKEN: anyone who can reach the port can ask.');
  const stop = options.listenForStop();
  try {
    options.log(`${await stop.stopped}: closing`);
    await running.close();
  } finally {
    stop.release();
  }
}
