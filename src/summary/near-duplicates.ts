/** Near-duplicate sentences (the same wire copy in several outlets) are merged into one quote with all its sources. */
import { cosine, sparseCosine, type TextView } from './similarity.js';

/**
 * Two sentences are near-duplicates when their TF-IDF cosine reaches `lexical` (0..1, default 0.6: the same
 * sentence lightly edited) or their embedding cosine reaches `dense` (0..1, default 0.9: a close paraphrase).
 */
export const NEAR_DUPLICATE = { lexical: 0.6, dense: 0.9 } as const;

export function isNearDuplicate(a: TextView, b: TextView, thresholds: { lexical: number; dense: number } = NEAR_DUPLICATE): boolean {
  if (sparseCosine(a.terms, b.terms) >= thresholds.lexical) return true;
  return a.vector !== undefined && b.vector !== undefined && cosine(a.vector, b.vector) >= thresholds.dense;
}

/**
 * Greedy clustering in the given order (most relevant first): each sentence joins the first cluster whose
 * representative (its first member) it nearly duplicates, or starts a new one. Returns clusters of indices.
 */
export function clusterNearDuplicates(views: readonly TextView[], order: readonly number[]): number[][] {
  const clusters: number[][] = [];
  for (const i of order) {
    const home = clusters.find((cluster) => isNearDuplicate(views[cluster[0]!]!, views[i]!));
    if (home) home.push(i);
    else clusters.push([i]);
  }
  return clusters;
}
