/**
 * A passage's dense vector is the normalised mean of its sentences' vectors, so each sentence is embedded once and
 * serves both passage retrieval and sentence re-scoring in the answer step.
 */
import type { Passage } from '../corpus/types.js';

/** The unit mean of rows [sentenceStart, sentenceEnd) of `rows`; all zeros when the mean has no direction. */
export function passageVector(rows: Float32Array, dimension: number, passage: Pick<Passage, 'sentenceStart' | 'sentenceEnd'>): Float32Array {
  const mean = new Float32Array(dimension);
  for (let sentence = passage.sentenceStart; sentence < passage.sentenceEnd; sentence++) {
    const offset = sentence * dimension;
    for (let i = 0; i < dimension; i++) mean[i]! += rows[offset + i]!;
  }
  let norm = 0;
  for (let i = 0; i < dimension; i++) norm += mean[i]! * mean[i]!;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < dimension; i++) mean[i]! /= norm;
  return mean;
}
