/** The outcome of /reindex: what changed in the index, and any articles that could not be read. */
import type { IngestProgress, IngestReport } from '../engine-types.js';
import { escapeText } from './escape.js';
import { fitBlocks, NOTE_ROOM } from './fit.js';
import { EMBED_DESCRIPTION_MAX } from './limits.js';
import { reply, type Reply } from './payload.js';


export function renderIngestReport(report: IngestReport): Reply {
  const summary = [
    `**${report.articles} articles** indexed: ${report.added} added, ${report.changed} changed, ${report.removed} removed, ${report.unchanged} unchanged.`,
    `${report.passages} passages, ${report.sentences} sentences; ${report.embedded} passages embedded in ${(report.ms / 1000).toFixed(1)} s.`,
    ...(report.rebuilt === null ? [] : [`Rebuilt from scratch: ${escapeText(report.rebuilt.message)}`]),
  ].join('\n');
  const problems = fitBlocks(report.problems, EMBED_DESCRIPTION_MAX - summary.length - NOTE_ROOM, (problem) =>
    `• \`${problem.path.replace(/`/g, "'")}\`: ${escapeText(problem.message)} ${escapeText(problem.hint)}`, '\n');
  const problemSection = report.problems.length === 0
    ? ''
    : `\n\n**${report.problems.length} files could not be read:**\n${problems.text}${problems.dropped.length > 0 ? `\n*…and ${problems.dropped.length} more (see the log).*` : ''}`;
  return reply({ embeds: [{ title: 'Index updated', description: summary + problemSection }] });
}

const PHASES: Record<IngestProgress['phase'], string> = { reading: 'Reading the articles', embedding: 'Embedding passages', indexing: 'Indexing', saving: 'Saving the index' };

/** The reply while /reindex runs: the phase, and how far through it. */
export function renderReindexProgress(progress: IngestProgress, elapsedMs: number): Reply {
  const share = progress.total > 0 ? ` ${progress.done} of ${progress.total} (${Math.floor((progress.done / progress.total) * 100)}%)` : '';
  return reply({ content: `Reindexing… ${PHASES[progress.phase]}:${share}, ${Math.round(elapsedMs / 1000)} s so far.` });
}
