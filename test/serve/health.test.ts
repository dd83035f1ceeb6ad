/** The bot's HEALTH_PORT listener and the readiness rules, over real HTTP on 127.0.0.1. */
import { describe, expect, it } from 'vitest';
import { engineWarmth, readinessOf, startHealthServer, type CheckState } from '../../src/serve/health.js';
import { VerbatimError } from '../../src/errors.js';

describe('the health listener', () => {
  it('is live at once and ready only when every check is ok; anything else is 404', async () => {
    const checks: Record<string, CheckState> = { engine: 'starting', discord: 'starting' };
    const server = await startHealthServer({ port: 0, host: '127.0.0.1', readiness: () => readinessOf({ ...checks }) });
    try {
      const get = async (path: string) => {
        const response = await fetch(`${server.url}${path}`);
        return { status: response.status, body: (await response.json()) as Record<string, unknown> };
      };
      expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
      expect(await get('/readyz')).toMatchObject({ status: 503, body: { ready: false, checks: { engine: 'starting', discord: 'starting' } } });
      checks.engine = 'ok';
      expect((await get('/readyz')).status).toBe(503);
      checks.discord = 'ok';
      expect(await get('/readyz')).toMatchObject({ status: 200, body: { status: 'ready', ready: true } });
      expect((await get('/ask')).status).toBe(404);
      expect((await fetch(`${server.url}/readyz`, { method: 'POST' })).status).toBe(405);
    } finally {
      await server.close();
    }
  });
});

describe('engine warmth', () => {
  it('is starting, then ok; a failure is kept with its code and retried by a later probe', async () => {
    let attempts = 0;
    let fail = true;
    const warmth = engineWarmth(
      {
        warmUp: async () => {
          attempts++;
          if (fail) throw new VerbatimError('CORPUS_MISSING', 'no corpus yet');
          return { ingest: null, stats: {} as never, ms: 0 };
        },
      },
      0,
    );
    expect(warmth.state()).toBe('starting');
    await warmth.done;
    expect(warmth.error()?.code).toBe('CORPUS_MISSING');
    fail = false;
    expect(warmth.state()).toBe('failed');
    // That probe started a retry (retryMs 0 here); it succeeds.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(warmth.state()).toBe('ok');
    expect(warmth.error()).toBeNull();
    expect(attempts).toBe(2);
  });
});
