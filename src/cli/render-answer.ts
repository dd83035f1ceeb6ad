/** Renders an AskResult for the terminal: quotes with the answering span in bold, numbered citations. */
import type { AskResult, Citation, Quote } from '../answer/types.js';
import type { Style } from './style.js';
import { stripControls } from '../control-text.js';
import { quotePieces } from '../time/date-notes.js';

export function renderCitation(citation: Citation): string {
  const publisher = citation.publisher ?? 'unknown publisher';
  const date = citation.date === null ? 'date unknown' : citation.dateKind === 'borrowed' ? `${citation.date} (dated from ${citation.dateFrom ?? 'another article'}, same story)` : citation.date;
  const url = citation.url ? ` ${citation.url}` : '';
  return stripControls(`${citation.title} — ${publisher}, ${date}, ¶${citation.paragraph} (${citation.article}, chars ${citation.start}–${citation.end})${url}`);
}

/**
 * The quote with its span in bold and each resolved date dimmed in brackets after its words ("Wednesday (3 Sep
 * 2025)"); article text reaches the terminal without control characters (colour codes, OSC titles).
 */
export function highlightSpan(quote: Quote, style: Style): string {
  return quotePieces(quote)
    .map((piece) => (piece.bold ? style.bold(stripControls(piece.text)) : stripControls(piece.text)) + (piece.note ? style.dim(` (${piece.note})`) : ''))
    .join('');
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
  } else if (result.reason === 'no-match-in-period') {
    lines.push(`Nothing from ${result.trace.time?.period ?? 'the period asked about'} answers the question.`);
    if (result.nearest.length > 0) {
      lines.push(style.dim('Closest passages the period does not rule out (they do not answer the question):'));
      quoteLines(result.nearest);
    }
  } else if (result.reason === 'empty-index') {
    lines.push('The index holds no articles yet; add articles to the corpus folder and run `verbatim ingest`.');
  } else {
    lines.push('The articles do not say.');
    if (result.nearest.length > 0) {
      lines.push(style.dim('Closest passages (they do not answer the question):'));
      quoteLines(result.nearest);
    }
  }
  const time = timeLine(result);
  if (time) lines.push(style.dim(time));
  if (citations.length > 0) {
    lines.push('');
    citations.forEach((c, i) => lines.push(style.dim(`[${i + 1}] ${renderCitation(c)}`)));
  }
  return lines.join('\n');
}

/** The time constraint the engine applied, so a reader sees why an answer from another period was left out. */
export function timeLine(result: AskResult): string | null {
  const time = result.trace.time;
  if (!time || time.applied === 'newer-wins-ties' || time.applied === 'off') return null;
  const said = time.words.length > 0 ? ` (“${time.words.join('”, “')}”)` : '';
  const period = time.period ? `period ${time.period}${said}` : `newest first${said}`;
  const latest = time.applied === 'period+latest' ? ', newest first' : '';
  return `Time: ${period}${latest}; relative words count from ${time.reference.date} (${time.reference.from === 'today' ? 'today' : 'the newest article'}).`;
}
