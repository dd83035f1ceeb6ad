/** Agglomerative clustering with average linkage, stopping at a similarity threshold. */

/**
 * Starts from singletons and repeatedly merges the two clusters with the highest mean pairwise similarity,
 * while that mean is at least `threshold` and `canMerge` allows the pair. O(n³) in the worst case: meant for
 * corpora of up to a few thousand articles. Clusters come back as sorted index lists, ordered by first index.
 */
export function averageLinkage(
  similarity: readonly ArrayLike<number>[],
  threshold: number,
  canMerge: (a: readonly number[], b: readonly number[]) => boolean = () => true,
): number[][] {
  const clusters: number[][] = similarity.map((_, i) => [i]);
  // Sum of pairwise similarities between clusters i and j; the mean is sum / (|i| * |j|).
  const linkSum = similarity.map((row) => Array.from(row));
  const alive = new Set(clusters.keys());
  for (;;) {
    let best: [number, number] | undefined;
    let bestMean = threshold;
    for (const i of alive) {
      for (const j of alive) {
        if (j <= i) continue;
        const mean = linkSum[i]![j]! / (clusters[i]!.length * clusters[j]!.length);
        if (mean >= bestMean && (best === undefined || mean > bestMean) && canMerge(clusters[i]!, clusters[j]!)) {
          best = [i, j];
          bestMean = mean;
        }
      }
    }
    if (!best) break;
    const [keep, gone] = best;
    clusters[keep] = [...clusters[keep]!, ...clusters[gone]!].sort((a, b) => a - b);
    alive.delete(gone);
    for (const k of alive) {
      const sum = linkSum[keep]![k]! + linkSum[gone]![k]!;
      linkSum[keep]![k] = sum;
      linkSum[k]![keep] = sum;
    }
  }
  return [...alive].map((i) => clusters[i]!).sort((a, b) => a[0]! - b[0]!);
}
