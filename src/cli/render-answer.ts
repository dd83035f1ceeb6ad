/** Renders an AskResult for the terminal: quotes with the answering span in bold, numbered citations. */
import type { AskResult, Citation, Quote } from '../answer/types.js';
import type { Style } from './style.js';
import { stripControls } from '../control-text.js';

export function renderCitation(citation: Citation): string {
  const publisher = citation.publisher ?? 'unknown publisher';
  const date = citation.date ?? 'date unknown';
  const url = citation.url ? ` ${citation.url}` : '';
  return stripControls(`${citation.title} — ${publisher}, ${date}, ¶${citation.paragraph} (${citation.article}, chars ${citation.start}–${citation.end})${url}`);
}

/** The quote with its span in bold; article text reaches the terminal without control characters (colour codes, OSC titles). */
export function highlightSpan(quote: Quote, style: Style): string {
  if (!quote.span) return stripControls(quote.sentence);
  const from = quote.span.start - quote.citation.start;
  const to = quote.span.end - quote.citation.start;
  const [before, span, after] = [quote.sentence.slice(0, from), quote.sentence.slice(from, to), quote.sentence.slice(to)].map(stripControls);
  return before! + style.bold(span!) + after!;
}

export function renderAnswer(result: AskResult, style: Style): string {
  const lines: string[] = [];
  const citations: Citation[] = [];
  const cite = (c: Citation): number => citations.push(c);
  const quoteLines = (quotes: Quote[]) => {
    for (const quote of quotes) {
      const refs = [cite(quote.citation), ...quote.alsoReportedBy.map(cite)].map((n) => `[${n}]`).join('');
      lines.push(`  “${highlightSpan(quote, style)}” ${refs}`);
    }
  };
  if (result.status === 'answered') {
    lines.push(style.dim(`Answer (confidence ${result.confidenceWord}, ${result.confidence.toFixed(2)}):`));
    quoteLines(result.answers);
  } else if (result.reason === 'unsupported-language') {
    lines.push('The articles are in English and this question is not; please ask in English.');
  } else if (result.reason === 'empty-index') {
    lines.push('The index holds no articles yet; add articles to the corpus folder and run `verbatim ingest`.');
  } else {
    lines.push('The articles do not say.');
    if (result.nearest.length > 0) {
      lines.push(style.dim('Closest passages (they do not answer the question):'));
      quoteLines(result.nearest);
    }
  }
  if (citations.length > 0) {
    lines.push('');
    citations.forEach((c, i) => lines.push(style.dim(`[${i + 1}] ${renderCitation(c)}`)));
  }
  return lines.join('\n');
}
