/** BM25+ as MiniSearch 7 computes it, so scores match the library this index replaced (checked against it in tests). */

export interface Bm25Parameters {
  /** Term-frequency saturation: how fast repeats stop adding score. Default 1.2; 1–2 usual. */
  k: number;
  /** Length normalisation: 0 ignores passage length, 1 divides fully by it. Default 0.7; 0–1. */
  b: number;
  /** BM25+ floor any match earns, so long passages are not scored below zero-match ones. Default 0.5; 0–1. */
  d: number;
}

export const DEFAULT_BM25_PARAMETERS: Bm25Parameters = { k: 1.2, b: 0.7, d: 0.5 };

/**
 * One query term's contribution to one passage. `frequency`: the term's occurrences in the passage;
 * `documentFrequency`: passages containing it; `documentCount`: all passages; `length` and `averageLength`: distinct
 * terms in this passage and on average (MiniSearch's notion of field length).
 */
export function bm25TermScore(
  frequency: number,
  documentFrequency: number,
  documentCount: number,
  length: number,
  averageLength: number,
  { k, b, d }: Bm25Parameters,
): number {
  const inverseDocumentFrequency = Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
  return inverseDocumentFrequency * (d + (frequency * (k + 1)) / (frequency + k * (1 - b + (b * length) / averageLength)));
}
