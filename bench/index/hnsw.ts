/**
 * `npx tsx bench/index/hnsw.ts [count] [dimension] [news|hard] [m] [efConstruction]`: HNSW build throughput, search
 * latency and recall@10 against the exact scan on synthetic embedding-like vectors (default 100k × 384, news-like),
 * an efSearch sweep, save/load times, and recall after replacing 10% of the vectors.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BruteForceVectorIndex } from '../../src/index/brute-force-index.js';
import { DEFAULT_HNSW_PARAMETERS, HnswVectorIndex, type HnswParameters } from '../../src/index/hnsw-index.js';
import { header, markdownTable, runInfo, writeResults } from '../lib/report.js';
import { HARD_SHAPE, NEWS_LIKE_SHAPE, syntheticEmbeddingModel } from './synthetic-embeddings.js';
import { dot } from '../../src/search/vectors.js';

const count = Number(process.argv[2] ?? 100_000);
const dimension = Number(process.argv[3] ?? 384);
const shapeName = process.argv[4] === 'hard' ? 'hard' : 'news';
const parameters: HnswParameters = {
  ...DEFAULT_HNSW_PARAMETERS,
  m: Number(process.argv[5] ?? DEFAULT_HNSW_PARAMETERS.m),
  efConstruction: Number(process.argv[6] ?? DEFAULT_HNSW_PARAMETERS.efConstruction),
};
const QUERIES = 500;
const K = 10;
const EF_SWEEP = [32, 64, 96, 128, 200];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** CPU milliseconds used by this process since `since` (the machine may be shared, so wall time alone misleads). */
function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

const model = syntheticEmbeddingModel(dimension, 42, shapeName === 'hard' ? HARD_SHAPE : NEWS_LIKE_SHAPE);
const vectors = Array.from({ length: count }, () => model.sample());
const queries = Array.from({ length: QUERIES }, () => model.sample());

const hnsw = new HnswVectorIndex(dimension, parameters);
let started = performance.now();
let cpu = process.cpuUsage();
vectors.forEach((vector, label) => hnsw.add(label, vector));
const buildMs = performance.now() - started;
const buildCpuMs = cpuMs(cpu);

const exact = new BruteForceVectorIndex(dimension);
vectors.forEach((vector, label) => exact.add(label, vector));
const truth = queries.map((query) => exact.search(query, K));

const randomPairCosine = Array.from({ length: 2000 }, (_, i) => dot(vectors[i]!, vectors[(i * 7919 + 1) % count]!)).reduce((a, b) => a + b, 0) / 2000;
const nearestCosine = truth.reduce((sum, hits) => sum + hits[0]!.score, 0) / truth.length;
const tenthCosine = truth.reduce((sum, hits) => sum + hits[K - 1]!.score, 0) / truth.length;

const sweep = EF_SWEEP.map((efSearch) => {
  hnsw.setEfSearch(efSearch);
  const latencies: number[] = [];
  let found = 0;
  const sweepCpu = process.cpuUsage();
  queries.forEach((query, i) => {
    const t = performance.now();
    const hits = hnsw.search(query, K);
    latencies.push(performance.now() - t);
    const wanted = new Set(truth[i]!.map((hit) => hit.label));
    found += hits.filter((hit) => wanted.has(hit.label)).length;
  });
  return { efSearch, recallAt10: found / (QUERIES * K), p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95), cpuMsPerQuery: cpuMs(sweepCpu) / QUERIES };
});
hnsw.setEfSearch(parameters.efSearch);

const exactLatencies = queries.slice(0, 50).map((query) => {
  const t = performance.now();
  exact.search(query, K);
  return performance.now() - t;
});

const dir = await mkdtemp(path.join(os.tmpdir(), 'verbatim-bench-'));
const file = path.join(dir, 'dense.hnsw');
started = performance.now();
await hnsw.save(file);
const saveMs = performance.now() - started;
const bytes = (await stat(file)).size;
started = performance.now();
const loaded = await HnswVectorIndex.load(file, dimension, { parameters });
const loadMs = performance.now() - started;
if (loaded.size !== count) throw new Error('loaded index lost vectors');

// Churn: remove 10% and add as many new vectors (removed slots stay as marked nodes), then measure recall again.
const churn = Math.floor(count / 10);
started = performance.now();
cpu = process.cpuUsage();
for (let label = 0; label < churn; label++) loaded.remove(label * 10);
const fresh = Array.from({ length: churn }, () => model.sample());
fresh.forEach((vector, i) => loaded.add(count + i, vector));
const churnMs = performance.now() - started;
const churnCpuMs = cpuMs(cpu);
const churnExact = new BruteForceVectorIndex(dimension);
vectors.forEach((vector, label) => label % 10 !== 0 && churnExact.add(label, vector));
fresh.forEach((vector, i) => churnExact.add(count + i, vector));
let churnFound = 0;
for (const query of queries) {
  const wanted = new Set(churnExact.search(query, K).map((hit) => hit.label));
  churnFound += loaded.search(query, K).filter((hit) => wanted.has(hit.label)).length;
}
await rm(dir, { recursive: true, force: true });

const results = {
  count,
  dimension,
  shape: shapeName,
  parameters,
  data: { randomPairCosine, nearestCosine, tenthCosine },
  buildMs,
  buildCpuMs,
  addsPerSecond: count / (buildMs / 1000),
  addsPerCpuSecond: count / (buildCpuMs / 1000),
  sweep,
  exactScanP50Ms: percentile(exactLatencies, 50),
  saveMs,
  loadMs,
  fileBytes: bytes,
  churn: { replaced: churn, ms: churnMs, cpuMs: churnCpuMs, recallAt10: churnFound / (QUERIES * K) },
};
const info = runInfo();
const markdown = [
  header(`HNSW at ${count} × ${dimension}, ${shapeName} vectors, M ${parameters.m}, efConstruction ${parameters.efConstruction}`, info),
  `Synthetic embedding-like vectors: mean cosine of random pairs ${randomPairCosine.toFixed(3)}, of nearest neighbours ${nearestCosine.toFixed(3)} (10th: ${tenthCosine.toFixed(3)}). ${QUERIES} held-out queries, k = ${K}.`,
  '',
  `Build (one addPoint per vector): ${(buildMs / 1000).toFixed(1)} s wall, ${(buildCpuMs / 1000).toFixed(1)} s CPU: ${results.addsPerSecond.toFixed(0)} adds/s (${results.addsPerCpuSecond.toFixed(0)} per CPU second). Save ${saveMs.toFixed(0)} ms (${(bytes / 2 ** 20).toFixed(0)} MiB), load ${loadMs.toFixed(0)} ms. Exact scan p50 ${results.exactScanP50Ms.toFixed(1)} ms.`,
  '',
  markdownTable(['efSearch', 'recall@10', 'p50 ms', 'p95 ms', 'CPU ms/query'], sweep.map((row) => [row.efSearch, row.recallAt10, row.p50Ms, row.p95Ms, row.cpuMsPerQuery])),
  '',
  `After replacing 10% (${churn} removes + adds, ${(churnMs / 1000).toFixed(1)} s wall, ${(churnCpuMs / 1000).toFixed(1)} s CPU): recall@10 ${results.churn.recallAt10.toFixed(3)} at efSearch ${parameters.efSearch}.`,
].join('\n');
await writeResults(`index-hnsw-${count}x${dimension}-${shapeName}-m${parameters.m}-efc${parameters.efConstruction}`, { run: info, ...results }, markdown);
console.log(markdown);
