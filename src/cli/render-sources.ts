/** Terminal renderings of the followed sources and of a refresh report. */
import type { RefreshReport, SourceListing, SourceReport, SourceStatus } from '../engine-types.js';
import { stripControls } from '../control-text.js';
import { renderIngest } from './render-misc.js';

/** `sourcesFile`, when given, is named so the user knows which file is meant. */
export function renderSourceList(sources: readonly SourceListing[], sourcesFile?: string): string {
  const where = sourcesFile ? ` in ${sourcesFile}` : '';
  if (sources.length === 0) return `No sources are followed${sourcesFile ? ` (${sourcesFile})` : ''}. Add one with \`verbatim sources add <url>\`.`;
  const rows = sources.map((s) => `${s.name}  ${s.url}\n  ${lastStatus(s.last)}`);
  return stripControls([...rows, `(${sources.length} source${sources.length === 1 ? '' : 's'}${where})`].join('\n'));
}

export function lastStatus(last: SourceStatus | null): string {
  if (last === null) return 'not refreshed yet';
  const when = last.at.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  const problem = last.problem ? `: ${last.problem.code}: ${last.problem.message}` : '';
  return `${last.status} at ${when}${problem}`;
}

export function renderRefresh(report: RefreshReport): string {
  if (report.sources.length === 0) return 'No sources are followed. Add one with `verbatim sources add <url>`.';
  const lines = report.sources.map(renderSourceReport);
  lines.push(
    `Refreshed ${report.sources.length} source(s) in ${(report.ms / 1000).toFixed(1)} s with ${report.requests} request(s): ` +
      `${report.added} added, ${report.changed} changed, ${report.unchanged} unchanged, ${report.duplicates} duplicate(s), ${report.removed} removed.`,
  );
  lines.push(report.ingest ? renderIngest(report.ingest) : 'Nothing changed on disk; the index was not touched.');
  return stripControls(lines.join('\n'));
}

function renderSourceReport(r: SourceReport): string {
  const counts = r.status === 'failed' ? '' : ` ${r.items} item(s): ${r.added} added, ${r.changed} changed, ${r.unchanged} unchanged, ${r.duplicates} duplicate(s);`;
  const head = `${r.status.padEnd(9)} ${r.name} (${r.kind ?? 'unread'}):${counts} ${r.requests} request(s)`;
  const problems = r.problems.map((p) => `  ${p.code}: ${p.message}\n    hint: ${p.hint}`);
  return [head, ...problems].join('\n');
}

/** One line for a scheduled refresh in the harness, or null when there is nothing to say (nothing changed or failed). */
export function renderRefreshLine(report: RefreshReport): string | null {
  const failed = report.sources.filter((s) => s.problem !== null);
  if (report.added + report.changed + report.removed === 0 && failed.length === 0) return null;
  const problems = failed.map((s) => ` ${s.name}: ${s.problem!.code}.`).join('');
  const articles = report.ingest ? ` The index now holds ${report.ingest.articles} articles.` : '';
  return stripControls(`refresh: ${report.added} added, ${report.changed} changed, ${report.removed} removed.${articles}${problems}`);
}
