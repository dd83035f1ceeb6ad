/**
 * `verbatim serve`: one warm engine behind the local HTTP API until SIGINT or SIGTERM. It listens at once (so
 * /healthz answers while the engine warms), reports readiness on /readyz, and closes gracefully on a signal.
 */
import { createServer } from 'node:http';
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

/** Starts the API; resolves with the running server (tests and `serveUntilSignal` use it). */
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

/** Runs the API until SIGINT or SIGTERM, then closes it (the caller closes the engine). */
export async function serveUntilSignal(engine: Engine, options: ServeOptions): Promise<void> {
  const running = await startApi(engine, options);
  const exposed = options.host !== '127.0.0.1' && options.host !== '::1' && options.host !== 'localhost';
  options.log(`verbatim API on ${running.url} (POST /ask, GET /articles, GET /stats, GET /healthz, GET /readyz)${options.apiToken ? '; bearer token required' : ''}`);
  if (exposed && !options.apiToken) options.log('warning: listening beyond this machine without API_TOKEN: anyone who can reach the port can ask.');
  // `on`, not `once`: a `once` listener is gone before it runs, and the index write lock's own handler exits the process
  // when it finds itself the only listener (write-lock.ts); ours stays registered until the server has closed.
  let onSignal: (signal: NodeJS.Signals) => void = () => {};
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    onSignal = resolve;
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  options.log(`${signal}: closing`);
  await running.close();
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
}
