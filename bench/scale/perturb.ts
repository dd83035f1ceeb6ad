/**
 * Larger corpora from real text: copies of the BBC articles whose sentence vectors are the real USE lite vectors
 * plus a small seeded random perturbation, so the geometry stays that of real text (pure random vectors are the
 * worst case for HNSW and say nothing about a news archive). Pure.
 */
import { gaussian, seededRandom } from '../lib/random.js';

/** Norm of the added noise relative to the unit vector: the copy's cosine to its original is about 1/√(1+ε²) ≈ 0.96. */
export const PERTURBATION = 0.3;

/** A unit vector near `base`: base + ε·g/√d (g standard normal), normalised. The same seed always gives the same vector. */
export function perturbed(base: Float32Array, seed: number, epsilon = PERTURBATION): Float32Array {
  const next = seededRandom(seed);
  const scale = epsilon / Math.sqrt(base.length);
  const out = new Float32Array(base.length);
  let norm = 0;
  for (let i = 0; i < base.length; i++) {
    out[i] = base[i]! + scale * gaussian(next);
    norm += out[i]! * out[i]!;
  }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < out.length; i++) out[i]! /= norm;
  return out;
}

/** A 32-bit seed for copy `copy` of a sentence (FNV-1a of the text, mixed with the copy number). */
export function copySeed(text: string, copy: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash ^ Math.imul(copy, 0x9e3779b9)) >>> 0;
}
