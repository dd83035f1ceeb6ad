/** Paired comparison of two methods' per-article scores: mean difference with a seeded bootstrap 95% interval. */
import { seededRandom } from '../lib/seeded-random.js';

export interface PairedComparison {
  meanDifference: number;
  low: number;
  high: number;
  /** Articles where the first method scored higher, lower. */
  wins: number;
  losses: number;
}

export function pairedBootstrap(a: readonly number[], b: readonly number[], resamples = 2000, seed = 2025): PairedComparison {
  const differences = a.map((x, i) => x - b[i]!);
  const n = differences.length;
  const next = seededRandom(seed);
  const means = Array.from({ length: resamples }, () => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += differences[Math.floor(next() * n)]!;
    return sum / n;
  }).sort((x, y) => x - y);
  return {
    meanDifference: differences.reduce((s, d) => s + d, 0) / n,
    low: means[Math.floor(0.025 * resamples)]!,
    high: means[Math.ceil(0.975 * resamples) - 1]!,
    wins: differences.filter((d) => d > 0).length,
    losses: differences.filter((d) => d < 0).length,
  };
}
