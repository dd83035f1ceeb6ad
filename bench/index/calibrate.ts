/**
 * `npx tsx bench/index/calibrate.ts [sentences]`: compares the synthetic vector shapes with real sentence embeddings
 * (Universal Sentence Encoder lite, the offline embedder, over BBC news sentences from the shared data): mean cosine
 * of random pairs, of the nearest and 10th nearest neighbour, and the local intrinsic dimension (MLE over 20
 * neighbours), which is what makes approximate search hard. Embedding takes a few minutes on 2 cores.
 */
import path from 'node:path';
import { UseEmbedder } from '../../src/embedding/use-embedder.js';
import { readJsonl, sharedDataDir } from '../lib/shared-data.js';
import { markdownTable } from '../lib/report.js';
import { HARD_SHAPE, NEWS_LIKE_SHAPE, syntheticEmbeddingModel } from './synthetic-embeddings.js';

const count = Number(process.argv[2] ?? 2000);
const NEIGHBOURS = 20;

interface Neighbourhood {
  randomPair: number;
  nearest: number;
  tenth: number;
  intrinsicDimension: number;
}

function neighbourhood(vectors: readonly Float32Array[]): Neighbourhood {
  const sums = { randomPair: 0, nearest: 0, tenth: 0, intrinsicDimension: 0 };
  for (let i = 0; i < vectors.length; i++) {
    const similarities = vectors.map((other, j) => {
      if (j === i) return -Infinity;
      let sum = 0;
      for (let d = 0; d < other.length; d++) sum += vectors[i]![d]! * other[d]!;
      return sum;
    });
    sums.randomPair += similarities[(i * 31 + 7) % vectors.length === i ? (i + 1) % vectors.length : (i * 31 + 7) % vectors.length]!;
    const top = similarities.sort((a, b) => b - a).slice(0, NEIGHBOURS);
    sums.nearest += top[0]!;
    sums.tenth += top[9]!;
    const distances = top.map((s) => Math.sqrt(Math.max(1e-12, 2 - 2 * s)));
    const farthest = distances[NEIGHBOURS - 1]!;
    const logRatios = distances.slice(0, -1).reduce((sum, d) => sum + Math.log(d / farthest), 0);
    sums.intrinsicDimension += -(NEIGHBOURS - 1) / logRatios;
  }
  const n = vectors.length;
  return { randomPair: sums.randomPair / n, nearest: sums.nearest / n, tenth: sums.tenth / n, intrinsicDimension: sums.intrinsicDimension / n };
}

const articles = readJsonl<{ text: string }>(path.join(sharedDataDir(), 'bbc-news-summary', 'bbc-news-summary.jsonl'));
const sentences = articles.flatMap((a) => a.text.split(/(?<=[.!?])\s+/).map((s) => s.trim()).filter((s) => s.length > 30));
const step = Math.max(1, Math.floor(sentences.length / count));
const picked = sentences.filter((_, i) => i % step === 0).slice(0, count);

const embedder = new UseEmbedder({ workers: 2 });
const real = await embedder.embed(picked);
await embedder.close();

const rows: [string, Neighbourhood][] = [
  [`USE lite, ${picked.length} BBC sentences`, neighbourhood(real)],
  ['synthetic news-like, 384-d', neighbourhood(Array.from({ length: picked.length }, syntheticEmbeddingModel(384, 42, NEWS_LIKE_SHAPE).sample))],
  ['synthetic hard, 384-d', neighbourhood(Array.from({ length: picked.length }, syntheticEmbeddingModel(384, 42, HARD_SHAPE).sample))],
];
console.log(
  markdownTable(
    ['vectors', 'random pair cos', 'nearest cos', '10th nearest cos', 'local intrinsic dim'],
    rows.map(([name, n]) => [name, n.randomPair, n.nearest, n.tenth, n.intrinsicDimension]),
  ),
);
