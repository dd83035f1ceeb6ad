/** One quote as a block: the sentence quoted (answer span in bold), its numbered citation, and other sources. */
import type { Quote } from '../answer/types.js';
import { escapeText } from './escape.js';
import { shortenAtWord } from './fit.js';
import { formatCitation } from './render-citation.js';
import { quotePieces } from '../time/date-notes.js';

/**
 * The sentence escaped, with the answer span in bold when it lies within the shown part, and each resolved date
 * in italics after its words ("Wednesday *(3 Sep 2025)*"): outside the quote's characters, which stay as written.
 */
export function quoteText(quote: Pick<Quote, 'sentence' | 'span' | 'citation' | 'dates'>, textMax = Number.POSITIVE_INFINITY): string {
  const shown = shortenAtWord(quote.sentence, textMax);
  const kept = shown.length < quote.sentence.length ? shown.length - 1 : shown.length;
  const pieces = quotePieces(quote, kept);
  const body = pieces.map((p) => (p.bold ? `**${escapeText(p.text)}**` : escapeText(p.text)) + (p.note ? ` *(${p.note})*` : '')).join('');
  return kept < shown.length ? body + escapeText(shown.slice(kept)) : body;
}

export function renderQuoteBlock(quote: Quote, position: number, textMax = Number.POSITIVE_INFINITY): string {
  const lines = [`> ${quoteText(quote, textMax)}`, `**[${position}]** ${formatCitation(quote.citation)}`];
  for (const other of quote.alsoReportedBy) lines.push(`↳ also reported by ${formatCitation(other)}`);
  return lines.join('\n');
}
