/** Seeded vectors for index tests: clustered unit vectors look more like sentence embeddings than uniform noise. */
import { seededRandom } from '../../bench/lib/seeded-random.js';

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export function unit(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  return vector.map((value) => value / norm);
}

/** `count` unit vectors around `clusters` random centres; `spread` is the noise scale relative to the centre. */
export function clusteredVectors(count: number, dimension: number, options: { seed: number; clusters?: number; spread?: number }): Float32Array[] {
  const random = seededRandom(options.seed);
  const centres = Array.from({ length: options.clusters ?? Math.max(1, Math.round(Math.sqrt(count))) }, () =>
    unit(Float32Array.from({ length: dimension }, () => gaussian(random))),
  );
  const spread = (options.spread ?? 0.6) / Math.sqrt(dimension);
  return Array.from({ length: count }, () => {
    const centre = centres[Math.floor(random() * centres.length)]!;
    return unit(centre.map((value) => value + spread * gaussian(random)));
  });
}
