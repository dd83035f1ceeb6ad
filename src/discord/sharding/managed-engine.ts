/**
 * The engine as a shard sees it: it serves the shared store and never ingests. `ingest` (/reindex) is sent to the
 * manager, which refreshes once for every shard; the asking shard then reloads the new generation before it
 * reports, and the other shards reload when the manager says so.
 */
import { randomUUID } from 'node:crypto';
import type { Engine, IngestReport } from '../../engine-types.js';
import { ERROR_HINTS, VerbatimError, type ErrorCode } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { isToShard, type ToManager, type ToShard } from './messages.js';

/** The IPC link to the manager (process.send and process.on('message') in a shard; a pair of functions in tests). */
export interface ManagerLink {
  send(message: ToManager): void;
  onMessage(listener: (message: unknown) => void): void;
}

function toError(error: { code: string; message: string; hint: string }): VerbatimError {
  const code = (error.code in ERROR_HINTS ? error.code : 'INTERNAL') as ErrorCode;
  return new VerbatimError(code, error.message, { hint: error.hint });
}

export function managedEngine(engine: Engine, link: ManagerLink, logger: Logger): Engine {
  const pending = new Map<string, { resolve: (report: IngestReport) => void; reject: (error: unknown) => void }>();
  const reload = async (): Promise<void> => {
    const stats = await engine.reload();
    logger.info({ event: 'index.reloaded', articles: stats.articles, passages: stats.passages }, 'serving the refreshed index');
  };
  const receive = (message: ToShard): void => {
    if (message.verbatim === 'reload') {
      reload().catch((error: unknown) => logger.error({ event: 'index.reload_failed', err: error }, 'could not reload the refreshed index; still serving the previous one'));
      return;
    }
    const waiting = pending.get(message.id);
    if (waiting === undefined) return;
    pending.delete(message.id);
    if (message.error !== undefined || message.report === undefined) {
      waiting.reject(toError(message.error ?? { code: 'INTERNAL', message: 'The shard manager sent no ingest report.', hint: ERROR_HINTS.INTERNAL }));
      return;
    }
    const report = message.report;
    reload().then(() => waiting.resolve(report), waiting.reject);
  };
  link.onMessage((message) => {
    if (isToShard(message)) receive(message);
  });
  return {
    ...engine,
    ingest: (options = {}) =>
      new Promise<IngestReport>((resolve, reject) => {
        const id = randomUUID();
        pending.set(id, { resolve, reject });
        link.send({ verbatim: 'reindex', id, rebuild: options.rebuild ?? false });
      }),
  };
}
