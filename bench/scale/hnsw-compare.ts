/**
 * The dense index on its own, on the vectors the engine stored: recall@10 of our HNSW index against the exact scan,
 * our search time against raw hnswlib-node `searchKnn` on the same graph file and ef (overhead ratio), the plain
 * JavaScript exact scan, and the LangChain-HNSWLib-style peer (same graph, hnswlib's default ef of 10).
 */
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import { BruteForceVectorIndex } from '../../src/index/brute-force-index.js';
import type { HnswVectorIndex } from '../../src/index/hnsw-index.js';
import type { LoadedIndex } from '../../src/index/store.js';
import { meanUnit } from '../../src/search/vectors.js';
import { LangChainStyleStore } from '../suite/peer-store.js';
import { distribution, ratio, type Distribution } from '../suite/stats.js';
import { baseArticleId } from './plan.js';

export interface HnswComparison {
  dimension: number;
  efSearch: number;
  recall10: number;
  /** Our `search(q, 50)` (the engine's depth) and raw `searchKnn(q, 50)`, interleaved query by query. */
  oursMs: Distribution;
  rawMs: Distribution;
  /** p50 ours ÷ p50 raw at k = 50. */
  overhead: number;
  exactScanMs: Distribution;
  peer: { recall10: number; ms: Distribution; hit1: number };
}

const DEPTH = 50;
const WARM_QUERIES = 20;

/** `articleIds[i]` is the base article the i-th query vector's headline belongs to. */
export async function compareHnsw(index: LoadedIndex, queries: readonly Float32Array[], articleIds: readonly string[]): Promise<HnswComparison> {
  const dense = index.dense as HnswVectorIndex;
  const dimension = index.manifest.embedder.dimension;
  const exact = new BruteForceVectorIndex(dimension);
  const docs = new Map<number, { label: number; article: string }>();
  for (const [label, passage] of index.passages) {
    const rows: Float32Array[] = [];
    for (let i = passage.sentenceStart; i < passage.sentenceEnd; i++) rows.push(index.sentenceVector(passage.article, i)!);
    exact.add(label, meanUnit(rows) ?? new Float32Array(dimension));
    docs.set(label, { label, article: passage.article });
  }
  const graphFile = path.join(index.dir, index.manifest.files.dense.name);
  const raw = new hnswlib.HierarchicalNSW('cosine', dimension);
  await raw.readIndex(graphFile);
  raw.setEf(dense.parameters.efSearch);
  const peer = await LangChainStyleStore.load(graphFile, dimension, docs);

  const arrays = queries.map((q) => Array.from(q));
  for (let i = 0; i < Math.min(WARM_QUERIES, queries.length); i++) {
    dense.search(queries[i]!, DEPTH);
    raw.searchKnn(arrays[i]!, DEPTH);
  }
  const ours: number[] = [];
  const bare: number[] = [];
  const scan: number[] = [];
  const peerMs: number[] = [];
  let recall = 0;
  let peerRecall = 0;
  let peerHits = 0;
  queries.forEach((query, i) => {
    const timeOurs = () => timed(ours, () => dense.search(query, DEPTH));
    const timeRaw = () => timed(bare, () => raw.searchKnn(arrays[i]!, Math.min(DEPTH, dense.size)));
    // Alternating which goes first spreads cache and frequency effects evenly over both.
    if (i % 2 === 0) (timeOurs(), timeRaw());
    else (timeRaw(), timeOurs());
    const truth = new Set(timed(scan, () => exact.search(query, 10)).map((hit) => hit.label));
    recall += overlap(dense.search(query, 10).map((hit) => hit.label), truth);
    peerRecall += overlap(peer.search(query, 10).map((hit) => hit.document.label), truth);
    const top = timed(peerMs, () => peer.search(query, 4))[0];
    if (top && baseArticleId(top.document.article) === articleIds[i]) peerHits++;
  });
  const n = Math.max(1, queries.length);
  const oursMs = distribution(ours);
  const rawMs = distribution(bare);
  return {
    dimension,
    efSearch: dense.parameters.efSearch,
    recall10: recall / n,
    oursMs,
    rawMs,
    overhead: ratio(oursMs.p50, rawMs.p50),
    exactScanMs: distribution(scan),
    peer: { recall10: peerRecall / n, ms: distribution(peerMs), hit1: peerHits / n },
  };
}

function timed<T>(into: number[], work: () => T): T {
  const started = performance.now();
  const result = work();
  into.push(performance.now() - started);
  return result;
}

function overlap(found: readonly number[], truth: ReadonlySet<number>): number {
  return truth.size ? found.filter((label) => truth.has(label)).length / truth.size : 1;
}
