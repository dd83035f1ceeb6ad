/**
 * The one place a sharded bot ingests: the manager process. Each refresh builds an engine, ingests the corpus
 * into the shared store (or, for the REFRESH_MINUTES schedule, fetches the followed feeds and pages first) and
 * closes it again, so the manager holds no embedder or index between refreshes (its shards hold what they serve).
 * Refreshes run one after another.
 */
import type { Config } from '../../config.js';
import { createEngine } from '../../engine.js';
import type { Engine, IngestReport, RefreshReport } from '../../engine-types.js';
import type { Logger } from '../../logger.js';

export type Refresh = ((rebuild: boolean) => Promise<IngestReport>) & {
  /** The followed sources fetched, then what changed ingested (engine.refresh). */
  sources(): Promise<RefreshReport>;
};

export function createRefresher(config: Config, logger: Logger): Refresh {
  let queue: Promise<unknown> = Promise.resolve();
  const withEngine = async <T>(work: (engine: Engine) => Promise<T>): Promise<T> => {
    const engine = createEngine(config, { notice: (message, notice) => logger.warn({ event: 'engine.notice', code: notice.code, hint: notice.hint }, message) });
    try {
      return await work(engine);
    } finally {
      await engine.close();
    }
  };
  const queued = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => {});
    return next;
  };
  const ingest = (rebuild: boolean): Promise<IngestReport> =>
    queued(() =>
      withEngine(async (engine) => {
        const report = await engine.ingest({ rebuild });
        logger.info({ event: 'index.refreshed', articles: report.articles, added: report.added, changed: report.changed, removed: report.removed, embedded: report.embedded, problems: report.problems.length, ms: report.ms }, 'index refreshed');
        return report;
      }),
    );
  return Object.assign(ingest, { sources: () => queued(() => withEngine((engine) => engine.refresh())) });
}
