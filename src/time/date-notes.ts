/**
 * Where both doors print a resolved date next to its words ("Wednesday (3 Sep 2025)"), without touching the
 * quote: a note after each date expression whose words do not already state its year. Pure, for the renderers.
 */
import type { Quote } from '../answer/types.js';
import { formatDate } from './calendar.js';

export interface DateNote {
  /** Offset into the quote's sentence after which the note goes (the end of the date's words). */
  at: number;
  /** "3 Sep 2025", "Mar 2024", "2024". */
  note: string;
}

const STATES_YEAR = /\b\d{4}\b/;

export function dateNotes(quote: Pick<Quote, 'dates' | 'citation'>): DateNote[] {
  return quote.dates
    .filter((d) => d.date !== null && !STATES_YEAR.test(d.text))
    .map((d) => ({ at: d.end - quote.citation.start, note: formatDate(d.date!) }))
    .filter((n) => n.at > 0);
}

/**
 * The sentence cut into pieces at the span's edges and after each dated expression, so a renderer can style
 * the span and add the notes while every character of the quote appears once, in order.
 */
export function quotePieces(quote: Pick<Quote, 'sentence' | 'span' | 'dates' | 'citation'>, shownLength = quote.sentence.length): Array<{ text: string; bold: boolean; note?: string }> {
  const spanFrom = quote.span ? quote.span.start - quote.citation.start : -1;
  const spanTo = quote.span ? quote.span.end - quote.citation.start : -1;
  const notes = dateNotes(quote).filter((n) => n.at <= shownLength);
  const cuts = [...new Set([0, shownLength, ...[spanFrom, spanTo].filter((c) => c > 0 && c < shownLength), ...notes.map((n) => n.at)])].sort((a, b) => a - b);
  const pieces: Array<{ text: string; bold: boolean; note?: string }> = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i]!;
    const to = cuts[i + 1]!;
    const note = notes.find((n) => n.at === to)?.note;
    pieces.push({ text: quote.sentence.slice(from, to), bold: from >= spanFrom && to <= spanTo && spanFrom >= 0, ...(note ? { note } : {}) });
  }
  return pieces;
}
