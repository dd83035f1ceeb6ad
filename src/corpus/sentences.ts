import sbd from 'sbd';
import { addQuoteBoundaries, dropCreditBoundaries, dropGluedBoundaries, dropInitialismBoundaries, repairDriftedBoundaries } from './sentence-fixups.js';
import { trimSpan } from './text-lines.js';
import type { Span } from './types.js';

const SBD_OPTIONS = { preserve_whitespace: true, newline_boundaries: false, sanitize: false } as const;
/** sbd slows down more than linearly on long input, so long paragraphs go to it in windows of this size. */
const WINDOW_CHARS = 3000;
/** Boundaries this close to a window's cut are decided again in the next window, with context on both sides. */
const WINDOW_MARGIN = 200;

/**
 * Sentence spans of `text[from, to)` (one paragraph), trimmed of surrounding whitespace, in order.
 * sbd (rule-based, fast) finds the boundaries — it already copes with `Mr Xi`, `U.S. Army`, `Sept. 3`,
 * `St. Petersburg`, `J. Smith`, `3.5`, `,”` and `to… uphold`; the fix-ups in sentence-fixups.ts handle the rest
 * (a boundary drifted a word late, `?”` + capital, `treaty...North`, `U.S. President` mid-sentence,
 * a trailing `– CNN`).
 */
export function splitSentences(text: string, from: number, to: number, base: BaseSplitter = sbdBoundaries): Span[] {
  let boundaries = repairDriftedBoundaries(text, from, base(text, from, to));
  boundaries = addQuoteBoundaries(text, from, to, boundaries);
  boundaries = dropGluedBoundaries(text, boundaries);
  boundaries = dropInitialismBoundaries(text, boundaries);
  boundaries = dropCreditBoundaries(text, to, boundaries);
  return spansBetween(text, from, to, boundaries);
}

/** Where a sentence splitter ends sentences inside `text[from, to)` (offsets into `text`, ascending, before `to`). */
export type BaseSplitter = (text: string, from: number, to: number) => number[];

/** sbd's boundaries (the default; `npm run bench:splitters` compares it with wink-nlp's on gold segmentations). */
export function sbdBoundaries(text: string, from: number, to: number): number[] {
  const boundaries: number[] = [];
  let start = from;
  while (to - start > WINDOW_CHARS) {
    const cut = text.lastIndexOf(' ', start + WINDOW_CHARS);
    const windowEnd = cut > start + WINDOW_MARGIN ? cut : start + WINDOW_CHARS;
    const settled = pieceEnds(text, start, windowEnd).filter((end) => end < windowEnd - WINDOW_MARGIN);
    boundaries.push(...settled);
    start = settled.at(-1) ?? windowEnd;
  }
  boundaries.push(...pieceEnds(text, start, to));
  return boundaries;
}

/** Where each sbd piece of `text[from, to)` ends; found by searching, so a piece sbd altered can never shift an offset. */
function pieceEnds(text: string, from: number, to: number): number[] {
  return endsOfPieces(text, from, to, sbd.sentences(text.slice(from, to), SBD_OPTIONS));
}

/** Where each piece (a splitter's sentence text, possibly re-spaced) ends in `text[from, to)`, found by searching. */
export function endsOfPieces(text: string, from: number, to: number, pieces: Iterable<string>): number[] {
  const ends: number[] = [];
  let cursor = from;
  for (const piece of pieces) {
    const trimmed = piece.trim();
    if (trimmed === '') continue;
    const at = text.indexOf(trimmed, cursor);
    if (at === -1 || at + trimmed.length > to) break;
    cursor = at + trimmed.length;
    ends.push(cursor);
  }
  return ends.filter((end) => end < to);
}

function spansBetween(text: string, from: number, to: number, boundaries: number[]): Span[] {
  const cuts = [from, ...boundaries, to];
  const spans: Span[] = [];
  for (let i = 1; i < cuts.length; i++) {
    const span = trimSpan(text, { start: cuts[i - 1] ?? from, end: cuts[i] ?? to });
    if (span.end > span.start) spans.push(span);
  }
  return spans;
}
