/**
 * The MiniLM path, timed on a model of all-MiniLM-L6-v2's exact shape (6 layers, 384 hidden, 12 heads, 1536 FFN,
 * 30522 vocabulary) with random weights, built here by bench/lib/bert-onnx.ts: no pretrained weights can be
 * downloaded on this machine, and speed depends on the shape, not the weights. Its vectors mean nothing.
 */
import path from 'node:path';
import { TransformersEmbedder } from '../../src/embedding/transformers-embedder.js';
import { MINILM_L6_SHAPE, writeBertModelFolder } from '../lib/bert-onnx.js';

export const MINILM_SHAPE_MODEL = 'minilm-l6-shape-random';

/** Writes the q8 or fp32 model file (seeded, so the same every run) and loads it through the app's own embedder. */
export async function loadMiniLmShape(cacheDir: string, dtype: 'q8' | 'fp32'): Promise<{ embedder: TransformersEmbedder; buildMs: number; loadMs: number }> {
  const modelsDir = path.join(cacheDir, 'models');
  let started = performance.now();
  await writeBertModelFolder(path.join(modelsDir, MINILM_SHAPE_MODEL), { ...MINILM_L6_SHAPE, quantized: dtype === 'q8', seed: 7 });
  const buildMs = performance.now() - started;
  const embedder = new TransformersEmbedder({ model: MINILM_SHAPE_MODEL, dtype, modelsDir, cacheDir: path.join(cacheDir, 'models-hub') });
  started = performance.now();
  await embedder.load();
  return { embedder, buildMs, loadMs: performance.now() - started };
}
