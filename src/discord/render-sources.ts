/** /source replies: the followed sources with their last status, and what a refresh did for one source. */
import type { RefreshReport, SourceListing, SourceReport, SourceStatus } from '../engine-types.js';
import { escapeText } from './escape.js';
import { fitBlocks, NOTE_ROOM } from './fit.js';
import { EMBED_DESCRIPTION_MAX } from './limits.js';
import { reply, type Reply } from './payload.js';

const STATUS_MARK: Record<SourceStatus['status'], string> = { ok: '✅', unchanged: '✅', partial: '⚠️', failed: '❌' };

export function renderSourceList(sources: readonly SourceListing[]): Reply {
  if (sources.length === 0) return reply({ content: 'No sources are followed. Add a news feed with `/source add`.' });
  const blocks = fitBlocks(sources, EMBED_DESCRIPTION_MAX - NOTE_ROOM, (s) => `**${escapeText(s.name)}** — <${s.url}>\n${lastStatus(s.last)}`, '\n\n');
  const more = blocks.dropped.length > 0 ? `\n\n*…and ${blocks.dropped.length} more (\`verbatim sources list\` shows all).*` : '';
  return reply({ embeds: [{ title: `Followed sources (${sources.length})`, description: blocks.text + more }] });
}

function lastStatus(last: SourceStatus | null): string {
  if (last === null) return 'Not refreshed yet.';
  // Discord shows <t:…:R> in each reader's own time zone, as "5 minutes ago".
  const when = `<t:${Math.floor(Date.parse(last.at) / 1000)}:R>`;
  const problem = last.problem ? ` \`${last.problem.code}\`: ${escapeText(last.problem.message)}` : '';
  return `${STATUS_MARK[last.status]} ${last.status} ${when}${problem}`;
}

/** What the refresh that followed `/source add` or `/source remove` did; `name` picks the source added. */
export function renderRefreshOutcome(headline: string, report: RefreshReport, name: string | null): Reply {
  const source: SourceReport | undefined = name === null ? undefined : report.sources.find((s) => s.name === name);
  const lines = [headline];
  if (source) {
    lines.push(`${STATUS_MARK[source.status]} ${source.kind === 'feed' ? `${source.items} item(s) in the feed` : 'one page'}: ${source.added} added, ${source.changed} changed, ${source.unchanged} unchanged, ${source.duplicates} duplicate(s).`);
    for (const problem of source.problems.slice(0, 5)) lines.push(`• \`${problem.code}\` ${escapeText(problem.message)} ${escapeText(problem.hint)}`);
    if (source.problems.length > 5) lines.push(`*…and ${source.problems.length - 5} more problems (see /source list and the log).*`);
  }
  if (report.removed > 0) lines.push(`${report.removed} article(s) of removed sources left the index.`);
  if (report.ingest) lines.push(`The index now holds **${report.ingest.articles} articles**.`);
  return reply({ embeds: [{ title: 'Sources refreshed', description: lines.join('\n').slice(0, EMBED_DESCRIPTION_MAX) }] });
}
