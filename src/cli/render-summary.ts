/** Renders a Summary for the terminal: quoted sentences with numbered citations, stories for the corpus. */
import type { Citation } from '../answer/types.js';
import type { Summary, SummarySentence } from '../summary/types.js';
import { renderCitation } from './render-answer.js';
import type { Style } from './style.js';
import { stripControls } from '../control-text.js';

export function renderSummary(summary: Summary, style: Style): string {
  const lines: string[] = [];
  const citations: Citation[] = [];
  const cite = (c: Citation): number => citations.push(c);
  const quote = (s: SummarySentence, indent = '  ') => {
    const refs = [cite(s.citation), ...s.alsoReportedBy.map(cite)].map((n) => `[${n}]`).join('');
    lines.push(`${indent}“${stripControls(s.sentence)}” ${refs}`);
  };
  if (summary.kind === 'corpus') {
    lines.push(style.dim(`${summary.stories.length} stories in the corpus:`));
    summary.stories.forEach((story, i) => {
      const dates = story.dates.length ? story.dates.join(', ') : 'dates unknown';
      lines.push('', style.bold(`${i + 1}. ${story.sources.length} article(s), ${dates}`));
      quote(story.headline);
      for (const s of story.sentences) if (s !== story.headline) quote(s, '    ');
      lines.push(style.dim(`   sources: ${story.sources.map((s) => stripControls(`${s.title} (${s.publisher ?? 'unknown'})`)).join('; ')}`));
    });
  } else {
    lines.push(style.dim(summary.kind === 'article' ? `Summary of ${stripControls(summary.target)}:` : `What the articles say about “${stripControls(summary.target)}”:`));
    if (summary.sentences.length === 0) lines.push('  The articles say nothing about this.');
    for (const s of summary.sentences) quote(s);
  }
  if (summary.omitted.sentences > 0 || summary.omitted.articles > 0) {
    lines.push(style.dim(`(left out: ${summary.omitted.sentences} sentences${summary.omitted.articles ? `, ${summary.omitted.articles} articles` : ''})`));
  }
  if (citations.length > 0) {
    lines.push('');
    citations.forEach((c, i) => lines.push(style.dim(`[${i + 1}] ${renderCitation(c)}`)));
  }
  return lines.join('\n');
}
