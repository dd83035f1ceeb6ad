/** Sentence (and article) similarity: dense cosine blended with TF-IDF cosine of `terms()`. */
import { dot } from '../search/vectors.js';
import type { TermVector } from './term-weights.js';

/** What similarity needs of a sentence or an article. */
export interface TextView {
  terms: TermVector;
  /** Unit-length embedding; undefined when the index has none. */
  vector: Float32Array | undefined;
}

/** Cosine of unit vectors: their dot product. */
export const cosine = dot;

export function sparseCosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  return dot;
}

/**
 * `denseWeight * max(0, cos(vectors)) + (1 - denseWeight) * lexical`, in 0..1 when `lexical` is.
 * Falls back to the lexical part alone when either side has no vector. denseWeight: 0..1.
 */
export function blend(lexical: number, a: Float32Array | undefined, b: Float32Array | undefined, denseWeight: number): number {
  if (!a || !b || denseWeight === 0) return lexical;
  return denseWeight * Math.max(0, cosine(a, b)) + (1 - denseWeight) * lexical;
}

/** `blend` with TF-IDF cosine as the lexical part. */
export function blendedSimilarity(a: TextView, b: TextView, denseWeight: number): number {
  return blend(sparseCosine(a.terms, b.terms), a.vector, b.vector, denseWeight);
}

/** Symmetric matrix of `similarity(i, j)` over n items with a zero diagonal (an item does not vote for itself). */
export function pairwiseMatrix(n: number, similarity: (i: number, j: number) => number): Float64Array[] {
  const matrix = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = similarity(i, j);
      matrix[i]![j] = s;
      matrix[j]![i] = s;
    }
  }
  return matrix;
}

/** Pairwise `blendedSimilarity` of views. */
export function similarityMatrix(views: readonly TextView[], denseWeight: number): Float64Array[] {
  return pairwiseMatrix(views.length, (i, j) => blendedSimilarity(views[i]!, views[j]!, denseWeight));
}
