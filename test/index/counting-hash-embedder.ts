/**
 * A deterministic test double for the Embedder port (never a production fallback): each word hashes to a few
 * signed dimensions, so texts sharing words get similar unit vectors. It counts what it embeds.
 */
import type { Embedder, EmbedderInfo } from '../../src/embedding/embedder.js';

export class CountingHashEmbedder implements Embedder {
  readonly info: EmbedderInfo;
  /** Every text passed to `embed`, in order. */
  readonly embedded: string[] = [];

  constructor(info: Partial<EmbedderInfo> = {}) {
    this.info = { id: 'test:hash', name: 'hash test double', dimension: 32, ...info };
  }

  async embed(texts: readonly string[], options: { onProgress?: (done: number, total: number) => void } = {}): Promise<Float32Array[]> {
    this.embedded.push(...texts);
    const vectors = texts.map((text) => hashVector(text, this.info.dimension));
    options.onProgress?.(texts.length, texts.length);
    return vectors;
  }

  async close(): Promise<void> {}
}

export function hashVector(text: string, dimension: number): Float32Array {
  const vector = new Float32Array(dimension);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? ['']) {
    let hash = 2166136261;
    for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 16777619);
    for (let j = 0; j < 3; j++) {
      hash = Math.imul(hash ^ (hash >>> 15), 2246822507);
      vector[(hash >>> 1) % dimension]! += hash & 1 ? 1 : -1;
    }
  }
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  return vector.map((value) => value / norm);
}
