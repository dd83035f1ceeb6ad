/**
 * A stand-in embedder for store benchmarks where the vectors do not decide the figure (BM25-only answers, index
 * ingest): synthetic news-like unit vectors, one per distinct text, remembered so both stores get the very same
 * vector for the same sentence whichever order they embed in.
 */
import type { Embedder } from '../../src/embedding/embedder.js';
import { syntheticEmbeddingModel, NEWS_LIKE_SHAPE } from '../index/synthetic-embeddings.js';

export function standInEmbedder(dimension: number, seed = 7): Embedder {
  const model = syntheticEmbeddingModel(dimension, seed, { ...NEWS_LIKE_SHAPE, rank: Math.min(NEWS_LIKE_SHAPE.rank, dimension) });
  const memo = new Map<string, Float32Array>();
  const vectorOf = (text: string): Float32Array => {
    let vector = memo.get(text);
    if (vector === undefined) {
      vector = model.sample();
      memo.set(text, vector);
    }
    return vector;
  };
  return {
    info: { id: `bench:stand-in-${dimension}`, name: `stand-in vectors (${dimension}-d)`, dimension },
    embed: async (texts) => texts.map(vectorOf),
    close: async () => {},
  };
}
