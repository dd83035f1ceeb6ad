/**
 * Synthetic sentence-embedding-like vectors for index benchmarks (no real 384-d model is available offline).
 * Unlike uniform noise they have what real sentence embeddings have: a shared mean direction (random pairs have a
 * small positive cosine), topics and subtopics, and most variance in a low-dimensional subspace.
 */
import { seededRandom } from '../lib/seeded-random.js';

function gaussianVector(random: () => number, dimension: number, scale = 1): Float32Array {
  const out = new Float32Array(dimension);
  for (let i = 0; i < dimension; i++) out[i] = scale * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return out;
}

function normalise(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
  return vector;
}

export interface EmbeddingModel {
  sample(): Float32Array;
}

/** A generator of embedding-like unit vectors; `sample()` draws a new one. */
export interface EmbeddingModelShape {
  topics: number;
  subtopics: number;
  /** Dimension of the subspace holding topics and per-sentence detail. */
  rank: number;
  /** Weight of the shared mean direction. */
  mean: number;
  /** Spread of a sentence around its subtopic, within the subspace. */
  detail: number;
  /** Isotropic noise over all dimensions. */
  noise: number;
}

/**
 * Calibrated with bench/index/calibrate.ts against Universal Sentence Encoder lite vectors of 2000 BBC news sentences:
 * real random-pair cosine 0.149, nearest 0.651, 10th nearest 0.533, local intrinsic dimension 20.3;
 * this shape gives 0.171, 0.637, 0.519 and 19.8.
 */
export const NEWS_LIKE_SHAPE: EmbeddingModelShape = { topics: 100, subtopics: 10, rank: 48, mean: 0.75, detail: 1.2, noise: 0.25 };

/** A harder shape (local intrinsic dimension about 35, flatter neighbourhoods) to show where recall starts to drop. */
export const HARD_SHAPE: EmbeddingModelShape = { topics: 300, subtopics: 10, rank: 128, mean: 0.45, detail: 1.5, noise: 0.25 };

export function syntheticEmbeddingModel(dimension: number, seed: number, shape: Partial<EmbeddingModelShape> = {}): EmbeddingModel {
  const { topics: topicCount, subtopics: subtopicCount, rank, mean: meanWeight, detail: detailScale, noise: noiseScale } = { ...NEWS_LIKE_SHAPE, ...shape };
  const random = seededRandom(seed);
  const basis = Array.from({ length: rank }, () => normalise(gaussianVector(random, dimension)));
  const inSubspace = (scale: number): Float32Array => {
    const out = new Float32Array(dimension);
    for (const direction of basis) {
      const weight = scale * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      for (let i = 0; i < dimension; i++) out[i]! += weight * direction[i]!;
    }
    return out;
  };
  const mean = normalise(gaussianVector(random, dimension));
  const topics = Array.from({ length: topicCount }, () => {
    const topic = inSubspace(1 / Math.sqrt(rank));
    return Array.from({ length: subtopicCount }, () => {
      const subtopic = inSubspace(0.6 / Math.sqrt(rank));
      return topic.map((value, i) => value + subtopic[i]!);
    });
  });
  return {
    sample(): Float32Array {
      const subtopics = topics[Math.floor(random() * topics.length)]!;
      const centre = subtopics[Math.floor(random() * subtopics.length)]!;
      const detail = inSubspace(detailScale / Math.sqrt(rank));
      const noise = gaussianVector(random, dimension, noiseScale / Math.sqrt(dimension));
      return normalise(centre.map((value, i) => meanWeight * mean[i]! + value + detail[i]! + noise[i]!));
    },
  };
}
