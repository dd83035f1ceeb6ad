import sbd from 'sbd';
import { addQuoteBoundaries, dropCreditBoundaries, dropGluedBoundaries, dropInitialismBoundaries, repairDriftedBoundaries } from './sentence-fixups.js';
import { trimSpan } from './text-lines.js';
import type { Span } from './types.js';

const SBD_OPTIONS = { preserve_whitespace: true, newline_boundaries: false, sanitize: false } as const;

/**
 * Sentence spans of `text[from, to)` (one paragraph), trimmed of surrounding whitespace, in order.
 * sbd (rule-based, fast) finds the boundaries — it already copes with `Mr Xi`, `U.S. Army`, `Sept. 3`,
 * `St. Petersburg`, `J. Smith`, `3.5`, `,”` and `to… uphold`; the fix-ups in sentence-fixups.ts handle the rest
 * (a boundary drifted a word late, `?”` + capital, `treaty...North`, `U.S. President` mid-sentence,
 * a trailing `– CNN`).
 */
export function splitSentences(text: string, from: number, to: number): Span[] {
  const pieces = sbd.sentences(text.slice(from, to), SBD_OPTIONS);
  let boundaries = repairDriftedBoundaries(text, from, pieceEnds(text, from, to, pieces));
  boundaries = addQuoteBoundaries(text, from, to, boundaries);
  boundaries = dropGluedBoundaries(text, boundaries);
  boundaries = dropInitialismBoundaries(text, boundaries);
  boundaries = dropCreditBoundaries(text, to, boundaries);
  return spansBetween(text, from, to, boundaries);
}

/** Where each sbd piece ends in `text`; found by searching, so a piece sbd altered can never shift an offset. */
function pieceEnds(text: string, from: number, to: number, pieces: string[]): number[] {
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
