/** One quote as a block: the sentence quoted (answer span in bold), its numbered citation, and other sources. */
import type { Quote } from '../answer/types.js';
import { escapeText } from './escape.js';
import { shortenAtWord } from './fit.js';
import { formatCitation } from './render-citation.js';

/** The sentence escaped, with the answer span in bold when it lies within the shown part. */
export function quoteText(quote: Pick<Quote, 'sentence' | 'span' | 'citation'>, textMax = Number.POSITIVE_INFINITY): string {
  const shown = shortenAtWord(quote.sentence, textMax);
  const kept = shown.length < quote.sentence.length ? shown.length - 1 : shown.length;
  const span = quote.span;
  if (span === null) return escapeText(shown);
  const start = span.start - quote.citation.start;
  const end = Math.min(span.end - quote.citation.start, kept);
  if (start < 0 || end <= start || start >= kept) return escapeText(shown);
  return `${escapeText(shown.slice(0, start))}**${escapeText(shown.slice(start, end))}**${escapeText(shown.slice(end))}`;
}

export function renderQuoteBlock(quote: Quote, position: number, textMax = Number.POSITIVE_INFINITY): string {
  const lines = [`> ${quoteText(quote, textMax)}`, `**[${position}]** ${formatCitation(quote.citation)}`];
  for (const other of quote.alsoReportedBy) lines.push(`↳ also reported by ${formatCitation(other)}`);
  return lines.join('\n');
}
