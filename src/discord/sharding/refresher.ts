/**
 * The one place a sharded bot ingests: the manager process. Each refresh builds an engine, ingests the corpus
 * into the shared store and closes it again, so the manager holds no embedder or index between refreshes (its
 * shards hold what they serve). Refreshes run one after another.
 */
import type { Config } from '../../config.js';
import { createEngine } from '../../engine.js';
import type { IngestReport } from '../../engine-types.js';
import type { Logger } from '../../logger.js';

export type Refresh = (rebuild: boolean) => Promise<IngestReport>;

export function createRefresher(config: Config, logger: Logger): Refresh {
  let queue: Promise<unknown> = Promise.resolve();
  const once = async (rebuild: boolean): Promise<IngestReport> => {
    const engine = createEngine(config, { notice: (message, notice) => logger.warn({ event: 'engine.notice', code: notice.code, hint: notice.hint }, message) });
    try {
      const report = await engine.ingest({ rebuild });
      logger.info({ event: 'index.refreshed', articles: report.articles, added: report.added, changed: report.changed, removed: report.removed, embedded: report.embedded, problems: report.problems.length, ms: report.ms }, 'index refreshed');
      return report;
    } finally {
      await engine.close();
    }
  };
  return (rebuild) => {
    const next = queue.then(() => once(rebuild));
    queue = next.catch(() => {});
    return next;
  };
}
