/** Terminal renderings of article lists, ingest reports and stats. */
import type { ArticleList, EngineStats, IngestReport } from '../engine-types.js';
import { stripControls } from '../control-text.js';

export function renderArticles(list: ArticleList): string {
  if (list.total === 0) return 'No articles are indexed.';
  const rows = list.items.map((a) => `${a.id}  ${a.title}  — ${a.publisher ?? 'unknown'}, ${a.date ?? 'date unknown'} (${a.sentences} sentences)`);
  const shown = `${list.offset + 1}–${list.offset + list.items.length} of ${list.total}`;
  return stripControls([...rows, `(${shown})`].join('\n'));
}

export function renderIngest(report: IngestReport): string {
  const lines = [
    `Indexed ${report.articles} articles from ${report.corpusDir} into ${report.indexDir} in ${(report.ms / 1000).toFixed(1)} s: ` +
      `${report.added} added, ${report.changed} changed, ${report.removed} removed, ${report.unchanged} unchanged; ` +
      `${report.passages} passages, ${report.sentences} sentences, ${report.embedded} newly embedded.`,
  ];
  if (report.rebuilt) lines.push(`Rebuilt from scratch: ${report.rebuilt.message}`);
  for (const p of report.problems) lines.push(`skipped ${p.path}: ${p.code}: ${p.message} (${p.hint})`);
  return stripControls(lines.join('\n'));
}

export function renderStats(stats: EngineStats): string {
  return [
    `corpus:    ${stats.corpusDir}`,
    `index:     ${stats.indexDir} (${(stats.indexBytes / 1024).toFixed(0)} KiB)`,
    `embedder:  ${stats.embedder.name} (${stats.embedder.id}, ${stats.embedder.dimension}-d)${stats.embedder.fallback ? ' — offline fallback' : ''}`,
    `articles:  ${stats.articles}, passages: ${stats.passages}, sentences: ${stats.sentences}`,
  ].join('\n');
}
