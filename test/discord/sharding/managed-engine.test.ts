/**
 * A shard's engine never ingests: /reindex goes to the manager over the IPC link and the shard reloads the new
 * generation before reporting; a reload the manager broadcasts is applied; the manager's errors keep their code.
 * The link is a pair of functions here (the process IPC channel in a shard); the engine is a recording double.
 */
import { describe, expect, it } from 'vitest';
import type { Engine, EngineStats, IngestReport } from '../../../src/engine-types.js';
import { isVerbatimError } from '../../../src/errors.js';
import { createLogger } from '../../../src/logger.js';
import { managedEngine } from '../../../src/discord/sharding/managed-engine.js';
import type { ToManager, ToShard } from '../../../src/discord/sharding/messages.js';

const logger = createLogger({ logLevel: 'silent', discord: { token: undefined } } as never);

const REPORT = { articles: 6, added: 1, changed: 0, removed: 0, unchanged: 5, passages: 40, sentences: 120, embedded: 3, capped: 0, rebuilt: null, indexDir: 'postgres://db', corpusDir: '/corpus', problems: [], ms: 12 } as IngestReport;

function setUp() {
  const sent: ToManager[] = [];
  let listener: (message: unknown) => void = () => {};
  const calls: string[] = [];
  const real = {
    ingest: async () => {
      calls.push('ingest');
      return REPORT;
    },
    reload: async () => {
      calls.push('reload');
      return { articles: 6, passages: 40 } as EngineStats;
    },
    ask: async () => {
      calls.push('ask');
      throw new Error('not used');
    },
  } as unknown as Engine;
  const engine = managedEngine(real, { send: (m) => sent.push(m), onMessage: (l) => (listener = l) }, logger);
  return { engine, sent, calls, deliver: (message: ToShard | Record<string, unknown>) => listener(message) };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('managedEngine', () => {
  it('sends /reindex to the manager instead of ingesting, then reloads before it reports', async () => {
    const { engine, sent, calls, deliver } = setUp();
    const report = engine.ingest({ rebuild: true });
    expect(sent).toEqual([{ verbatim: 'reindex', id: expect.any(String), rebuild: true }]);
    const id = (sent[0] as { id: string }).id;
    deliver({ verbatim: 'reindexed', id, report: REPORT });
    expect(await report).toEqual(REPORT);
    expect(calls).toEqual(['reload']);
  });

  it("rejects with the manager's error, code and hint kept", async () => {
    const { engine, sent, deliver } = setUp();
    const report = engine.ingest();
    deliver({ verbatim: 'reindexed', id: (sent[0] as { id: string }).id, error: { code: 'CORPUS_EMPTY', message: 'No articles found in /corpus.', hint: 'Add articles.' } });
    const error = await report.catch((e: unknown) => e);
    expect(isVerbatimError(error) && error.toJSON()).toEqual({ code: 'CORPUS_EMPTY', message: 'No articles found in /corpus.', hint: 'Add articles.' });
  });

  it('reloads when the manager says another refresh happened, and ignores messages that are not its own', async () => {
    const { calls, deliver } = setUp();
    deliver({ _eval: '1 + 1' });
    deliver({ verbatim: 'reindexed', id: 'nobody-asked' });
    deliver({ verbatim: 'reload' });
    await tick();
    expect(calls).toEqual(['reload']);
  });
});
