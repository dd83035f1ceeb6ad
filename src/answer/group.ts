/**
 * Groups agreeing sentences from different articles under one quote ("also reported by"), so an
 * answer carried by three outlets is one quote with three sources, not three near-copies.
 */
import { terms } from '../index/tokenize.js';
import { dot } from '../search/vectors.js';

export interface Groupable {
  article: string;
  text: string;
  vector: Float32Array | undefined;
  spanText: string | null;
}

/**
 * Same claim from another article. When both sentences have an answering span, the spans must be
 * the same answer ("dear friend" and "dear friend", not "old friend") in sentences that share some
 * words; otherwise the sentences must be near-duplicates, by embedding or by words.
 * @param denseThreshold cosine for near-duplicates, default 0.9
 * @param lexicalThreshold term Jaccard for near-duplicates, default 0.6 (a quarter of it with equal spans)
 */
export function agrees(a: Groupable, b: Groupable, denseThreshold = 0.9, lexicalThreshold = 0.6): boolean {
  if (a.article === b.article) return false;
  const overlap = jaccard(new Set(terms(a.text)), new Set(terms(b.text)));
  if (a.spanText !== null && b.spanText !== null) {
    return normalise(a.spanText) === normalise(b.spanText) && overlap >= lexicalThreshold / 4;
  }
  if (a.vector && b.vector && dot(a.vector, b.vector) >= denseThreshold) return true;
  return overlap >= lexicalThreshold;
}

function normalise(span: string): string {
  return span.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}
