/** The scheduled refresh's report as log lines (the bot's and the shard manager's schedules log alike). */
import type { RefreshReport } from '../engine-types.js';
import type { Logger } from '../logger.js';

export function logRefreshReport(logger: Logger, report: RefreshReport): void {
  for (const source of report.sources) {
    if (source.problem) logger.warn({ event: 'refresh.source', source: source.name, status: source.status, code: source.problem.code, url: source.problem.url, hint: source.problem.hint }, source.problem.message);
  }
  if (report.sources.length > 0) {
    logger.info({ event: 'refresh', sources: report.sources.length, added: report.added, changed: report.changed, removed: report.removed, requests: report.requests, ms: report.ms, articles: report.ingest?.articles }, 'sources refreshed');
  }
}
