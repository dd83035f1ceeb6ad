/** Seeded randomness, so every sample and perturbation is the same on every run and machine. */

/** mulberry32: a small, well-mixed 32-bit generator; values in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
