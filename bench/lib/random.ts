/** Seeded sampling and Gaussian draws on the shared generator, so every sample and perturbation is the same on every run and machine. */
import { seededRandom } from './seeded-random.js';

export { seededRandom };

/** `n` items drawn without replacement (Fisher–Yates with a fixed seed), in drawn order; all items when n ≥ length. */
export function seededSample<T>(items: readonly T[], n: number, seed: number): T[] {
  const next = seededRandom(seed);
  const pool = [...items];
  const count = Math.min(Math.max(0, Math.floor(n)), pool.length);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}

/** A standard normal draw (Box–Muller) from a uniform source. */
export function gaussian(next: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}
