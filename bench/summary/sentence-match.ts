/**
 * Sentence-level precision and recall against the reference's sentence spans. Our splitter and the reference's
 * may cut differently, so a chosen sentence counts as correct when at least half of its characters lie inside
 * reference spans, and a reference span counts as found when at least half of its characters lie inside chosen
 * sentences.
 */
import type { Span } from '../../src/corpus/types.js';

export const COVERAGE = 0.5;

function covered(span: Span, by: readonly Span[]): number {
  let inside = 0;
  for (const other of by) inside += Math.max(0, Math.min(span.end, other.end) - Math.max(span.start, other.start));
  return span.end > span.start ? inside / (span.end - span.start) : 0;
}

export function sentencePrecisionRecall(chosen: readonly Span[], reference: readonly Span[]): { precision: number; recall: number } {
  const hits = chosen.filter((span) => covered(span, reference) >= COVERAGE).length;
  const found = reference.filter((span) => covered(span, chosen) >= COVERAGE).length;
  return { precision: chosen.length > 0 ? hits / chosen.length : 0, recall: reference.length > 0 ? found / reference.length : 0 };
}
