/** Graph centrality of sentences (LexRank/TextRank): PageRank over a weighted similarity graph. */

export interface CentralityOptions {
  /** PageRank damping, 0..1 (default 0.85, as in TextRank and LexRank). */
  damping?: number;
  /** Stop when no score moves more than this (default 1e-6). */
  tolerance?: number;
  /** Hard stop (default 100 iterations). */
  maxIterations?: number;
}

/**
 * Scores each node by weighted PageRank over `weights` (symmetric, non-negative, zero diagonal).
 * A node with no edges keeps only the teleport share `(1 - damping) / n`. Scores sum to 1.
 */
export function pageRank(weights: readonly Float64Array[], options: CentralityOptions = {}): Float64Array {
  const { damping = 0.85, tolerance = 1e-6, maxIterations = 100 } = options;
  const n = weights.length;
  if (n === 0) return new Float64Array(0);
  const outWeight = weights.map((row) => row.reduce((sum, w) => sum + w, 0));
  let scores = new Float64Array(n).fill(1 / n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    // Rank held by nodes without edges is spread evenly, so the scores stay a distribution.
    let dangling = 0;
    for (let j = 0; j < n; j++) if (outWeight[j] === 0) dangling += scores[j]!;
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let incoming = 0;
      for (let j = 0; j < n; j++) {
        const w = weights[j]![i]!;
        if (w > 0) incoming += (w / outWeight[j]!) * scores[j]!;
      }
      next[i] = (1 - damping) / n + damping * (incoming + dangling / n);
    }
    let delta = 0;
    for (let i = 0; i < n; i++) delta = Math.max(delta, Math.abs(next[i]! - scores[i]!));
    scores = next;
    if (delta < tolerance) break;
  }
  return scores;
}

/** Scales scores to 0..1 by the maximum (all zeros stay zeros). */
export function normalizeByMax(scores: ArrayLike<number>): number[] {
  let max = 0;
  for (let i = 0; i < scores.length; i++) max = Math.max(max, scores[i]!);
  return Array.from({ length: scores.length }, (_, i) => (max > 0 ? scores[i]! / max : 0));
}
