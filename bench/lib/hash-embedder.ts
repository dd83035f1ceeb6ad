/**
 * TEST DOUBLE — never import this from src/. A deterministic, instant Embedder for tests of the parts around
 * the embedder (index, retriever, cache, engine wiring). Each lower-cased word is hashed into one of
 * `dimension` buckets (sign from a second hash bit), then the vector is scaled to unit length: texts sharing
 * words get a positive cosine, and nothing here understands meaning. Real-model behaviour is tested against
 * Transformers.js + ONNX Runtime and the USE lite workers in test/embedding/.
 */
import { createHash } from 'node:crypto';
import type { Embedder, EmbedderInfo } from '../../src/embedding/embedder.js';

export class HashEmbedderTestDouble implements Embedder {
  readonly info: EmbedderInfo;
  /** Every batch this double was asked to embed, in order, so tests can count calls to the embedder. */
  readonly calls: string[][] = [];
  closed = false;

  constructor(dimension = 64) {
    this.info = { id: `test-hash:${dimension}`, name: 'hashing test double', dimension };
  }

  async embed(texts: readonly string[], options: { onProgress?: (done: number, total: number) => void } = {}): Promise<Float32Array[]> {
    this.calls.push([...texts]);
    const vectors = texts.map((text) => this.vectorOf(text));
    options.onProgress?.(texts.length, texts.length);
    return vectors;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private vectorOf(text: string): Float32Array {
    const vector = new Float32Array(this.info.dimension);
    for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? ['']) {
      const hash = createHash('sha256').update(word).digest();
      vector[hash.readUInt32LE(0) % vector.length]! += hash[4]! & 1 ? 1 : -1;
    }
    const norm = Math.hypot(...vector);
    // A text with no words still needs a unit vector: put it on the first axis.
    if (norm === 0) vector[0] = 1;
    else for (let i = 0; i < vector.length; i += 1) vector[i]! /= norm;
    return vector;
  }
}
