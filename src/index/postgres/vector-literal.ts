/** pgvector's text form of a vector, `[0.1,0.2,…]`, which PostgreSQL casts to `vector` on input. */
export function vectorLiteral(vector: Float32Array): string {
  let out = '[';
  for (let i = 0; i < vector.length; i++) out += (i ? ',' : '') + vector[i]!;
  return `${out}]`;
}
