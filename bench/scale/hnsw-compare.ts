/**
 * The dense index on its own, on the vectors the engine stored: recall@10 of our HNSW index against the exact
 * neighbours, our search time against raw hnswlib-node `searchKnn` on the same graph file and ef (overhead ratio),
 * an ef sweep on that graph, the plain JavaScript exact scan, and the LangChain-HNSWLib-style peer (same graph,
 * hnswlib's default ef of 10).
 */
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import { BruteForceVectorIndex } from '../../src/index/brute-force-index.js';
import type { HnswVectorIndex } from '../../src/index/hnsw-index.js';
import type { LoadedIndex } from '../../src/index/store.js';
import { meanUnit } from '../../src/search/vectors.js';
import { LangChainStyleStore } from '../lib/peer-store.js';
import { distribution, ratio, type Distribution } from '../lib/stats.js';
import { baseArticleId } from './plan.js';

export interface HnswComparison {
  dimension: number;
  efSearch: number;
  recall10: number;
  /** Recall@10 counting a copy of a true neighbour's passage as found (copies are near-duplicates by construction). */
  recall10Copies: number;
  /** Our `search(q, 50)` (the engine's depth) and raw `searchKnn(q, 50)`, interleaved query by query. */
  oursMs: Distribution;
  rawMs: Distribution;
  /** p50 ours ÷ p50 raw at k = 50. */
  overhead: number;
  /** Raw searchKnn(q, 10) on the same graph at other ef values. */
  efSweep: Array<{ ef: number; recall10: number; p50: number }>;
  /** `BruteForceVectorIndex.search`, on the first EXACT_SCAN_QUERIES questions. */
  exactScanMs: Distribution;
  peer: { recall10: number; ms: Distribution; hit1: number };
}

const DEPTH = 50;
const WARM_QUERIES = 20;
const EXACT_SCAN_QUERIES = 20;
const EF_SWEEP = [64, 128, 256, 512, 1024];

interface Doc {
  label: number;
  article: string;
  /** The passage's identity across copies: base article and passage index. */
  key: string;
}

/** `articleIds[i]` is the base article the i-th query vector's headline belongs to. */
export async function compareHnsw(index: LoadedIndex, queries: readonly Float32Array[], articleIds: readonly string[]): Promise<HnswComparison> {
  const dense = index.dense as HnswVectorIndex;
  const dimension = index.manifest.embedder.dimension;
  // The exact neighbours come from hnswlib's native brute-force search (same cosine, every vector compared).
  const truthIndex = new hnswlib.BruteforceSearch('cosine', dimension);
  truthIndex.initIndex(Math.max(1, index.passages.size));
  const scan = new BruteForceVectorIndex(dimension);
  const docs = new Map<number, Doc>();
  for (const [label, passage] of index.passages) {
    const rows: Float32Array[] = [];
    for (let i = passage.sentenceStart; i < passage.sentenceEnd; i++) rows.push(index.sentenceVector(passage.article, i)!);
    const vector = meanUnit(rows) ?? new Float32Array(dimension);
    truthIndex.addPoint(Array.from(vector), label);
    scan.add(label, vector);
    docs.set(label, { label, article: passage.article, key: `${baseArticleId(passage.article)}#${passage.index}` });
  }
  const graphFile = path.join(index.dir, index.manifest.files.dense.name);
  const raw = new hnswlib.HierarchicalNSW('cosine', dimension);
  await raw.readIndex(graphFile);
  raw.setEf(dense.efSearch);
  const peer = await LangChainStyleStore.load(graphFile, dimension, docs);

  const arrays = queries.map((q) => Array.from(q));
  const k10 = Math.min(10, index.passages.size);
  const truth = arrays.map((q) => truthIndex.searchKnn(q, k10).neighbors);
  for (let i = 0; i < Math.min(WARM_QUERIES, queries.length); i++) {
    dense.search(queries[i]!, DEPTH);
    raw.searchKnn(arrays[i]!, Math.min(DEPTH, dense.size));
  }
  const ours: number[] = [];
  const bare: number[] = [];
  const peerMs: number[] = [];
  let recall = 0;
  let recallCopies = 0;
  let peerRecall = 0;
  let peerHits = 0;
  queries.forEach((query, i) => {
    const timeOurs = () => timed(ours, () => dense.search(query, DEPTH));
    const timeRaw = () => timed(bare, () => raw.searchKnn(arrays[i]!, Math.min(DEPTH, dense.size)));
    // Alternating which goes first spreads cache and frequency effects evenly over both.
    if (i % 2 === 0) (timeOurs(), timeRaw());
    else (timeRaw(), timeOurs());
    const found = dense.search(query, 10).map((hit) => hit.label);
    recall += overlap(found, truth[i]!);
    recallCopies += overlap(found.map((label) => docs.get(label)!.key), truth[i]!.map((label) => docs.get(label)!.key));
    peerRecall += overlap(peer.search(query, 10).map((hit) => hit.document.label), truth[i]!);
    const top = timed(peerMs, () => peer.search(query, 4))[0];
    if (top && baseArticleId(top.document.article) === articleIds[i]) peerHits++;
  });
  const exactScan: number[] = [];
  for (const query of queries.slice(0, EXACT_SCAN_QUERIES)) timed(exactScan, () => scan.search(query, 10));
  const efSweep = EF_SWEEP.map((ef) => {
    raw.setEf(ef);
    const times: number[] = [];
    const hits = arrays.reduce((sum, q, i) => sum + overlap(timed(times, () => raw.searchKnn(q, k10)).neighbors, truth[i]!), 0);
    return { ef, recall10: hits / Math.max(1, arrays.length), p50: distribution(times).p50 };
  });
  const n = Math.max(1, queries.length);
  const oursMs = distribution(ours);
  const rawMs = distribution(bare);
  return {
    dimension,
    efSearch: dense.efSearch,
    recall10: recall / n,
    recall10Copies: recallCopies / n,
    oursMs,
    rawMs,
    overhead: ratio(oursMs.p50, rawMs.p50),
    efSweep,
    exactScanMs: distribution(exactScan),
    peer: { recall10: peerRecall / n, ms: distribution(peerMs), hit1: peerHits / n },
  };
}

function timed<T>(into: number[], work: () => T): T {
  const started = performance.now();
  const result = work();
  into.push(performance.now() - started);
  return result;
}

/** Share of the distinct true items found. */
export function overlap<T>(found: readonly T[], truth: readonly T[]): number {
  const wanted = new Set(truth);
  if (wanted.size === 0) return 1;
  const got = new Set(found.filter((item) => wanted.has(item)));
  return got.size / wanted.size;
}
