/** Small vector helpers shared by the exact index and passage vectors. */

/** A unit-length copy of `vector`, or null when it has no direction (all zeros or not finite). */
export function normalized(vector: Float32Array): Float32Array | null {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i]! * vector[i]!;
  const norm = Math.sqrt(sum);
  if (!(norm > 0) || !Number.isFinite(norm)) return null;
  const out = new Float32Array(vector.length);
  for (let i = 0; i < vector.length; i++) out[i] = vector[i]! / norm;
  return out;
}

/** Dot product of `a` with the row of `matrix` starting at `offset`. */
export function dotAt(a: Float32Array, matrix: Float32Array, offset: number): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * matrix[offset + i]!;
  return sum;
}
