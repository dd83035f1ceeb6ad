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

/** Same claim: very close embeddings, or the same answering span with clearly overlapping words. */
export function agrees(a: Groupable, b: Groupable, denseThreshold = 0.85, lexicalThreshold = 0.5): boolean {
  if (a.article === b.article) return false;
  if (a.vector && b.vector && dot(a.vector, b.vector) >= denseThreshold) return true;
  const overlap = jaccard(new Set(terms(a.text)), new Set(terms(b.text)));
  if (overlap >= lexicalThreshold) return true;
  return a.spanText !== null && b.spanText !== null && a.spanText.toLowerCase() === b.spanText.toLowerCase() && overlap >= lexicalThreshold / 2;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}
