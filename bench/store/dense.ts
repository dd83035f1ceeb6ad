/**
 * Dense retrieval and ingest compared on the same vectors: synthetic news-sized articles with news-like synthetic
 * sentence vectors (no real 384-d model runs fast enough here for 10k+ passages), ingested into the files store
 * (hnswlib) and the PostgreSQL store (pgvector HNSW); warm query latency and recall@10 against an exact scan of
 * the same passage vectors. Both stores pick their search ef by the same rule (hnsw-index.ts efSearchFor).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildPassages } from '../../src/corpus/passages.js';
import { filesStore, type IndexStore, type StoreIngestParams } from '../../src/index/index-store.js';
import { postgresStore } from '../../src/index/postgres/pg-store.js';
import { passageVector } from '../../src/index/passage-vector.js';
import type { ServingIndex } from '../../src/index/serving-index.js';
import { SENTENCES_PER_ARTICLE, syntheticArticle, wordSampler } from '../index/synthetic-articles.js';
import { NEWS_LIKE_SHAPE, syntheticEmbeddingModel } from '../index/synthetic-embeddings.js';
import { latency } from './percentiles.js';
import { standInEmbedder } from './stand-in-embedder.js';

const DIMENSION = 384;
const QUERIES = 200;
const K = 10;

export interface DenseRow {
  store: 'files' | 'postgres';
  ingestMs: number;
  openMs: number;
  recallAt10: number;
  p50Ms: number;
  p99Ms: number;
}

export interface DenseComparison {
  passages: number;
  sentences: number;
  rows: DenseRow[];
}

const keyOf = (index: ServingIndex, label: number): string => {
  const p = index.passages.get(label)!;
  return `${p.article}#${p.index}`;
};

/** The exact top K by cosine for each query, by brute force over every passage vector. */
function exactTop(index: ServingIndex, queries: readonly Float32Array[]): Set<string>[] {
  const keys: string[] = [];
  const vectors: Float32Array[] = [];
  for (const [label, passage] of index.passages) {
    const article = index.articles.get(passage.article)!;
    const rows = new Float32Array(article.sentences.length * DIMENSION);
    article.sentences.forEach((_, i) => rows.set(index.sentenceVector(passage.article, i)!, i * DIMENSION));
    vectors.push(passageVector(rows, DIMENSION, passage));
    keys.push(keyOf(index, label));
  }
  return queries.map((q) => {
    const scored = vectors.map((v, i) => {
      let dot = 0;
      for (let d = 0; d < DIMENSION; d++) dot += v[d]! * q[d]!;
      return { key: keys[i]!, dot };
    });
    scored.sort((a, b) => b.dot - a.dot);
    return new Set(scored.slice(0, K).map((s) => s.key));
  });
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

/** Warm query latency (after 20 warm-up queries) and recall@10 against the exact answer. */
async function queryFigures(index: ServingIndex, queries: readonly Float32Array[], exact: readonly Set<string>[]): Promise<Pick<DenseRow, 'recallAt10' | 'p50Ms' | 'p99Ms'>> {
  for (const q of queries.slice(0, 20)) await index.search.dense(q, K);
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < queries.length; i++) {
    const { value: hits, ms } = await timed(() => index.search.dense(queries[i]!, K));
    times.push(ms);
    found += hits.filter((hit) => exact[i]!.has(keyOf(index, hit.label))).length;
  }
  const { p50, p99 } = latency(times);
  return { recallAt10: found / (queries.length * K), p50Ms: p50, p99Ms: p99 };
}

/** Ingest (a fresh store) and open, timed, then the query figures. */
async function storeRow(kind: DenseRow['store'], store: IndexStore, params: StoreIngestParams, queries: readonly Float32Array[], exact: (index: ServingIndex) => Set<string>[]): Promise<DenseRow> {
  const ingest = await timed(() => store.ingest(params));
  const open = await timed(() => store.open(params.embedder.info));
  return { store: kind, ingestMs: ingest.ms, openMs: open.ms, ...(await queryFigures(open.value, queries, exact(open.value))) };
}

export async function denseComparison(databaseUrl: string, passages: number, log: (line: string) => void): Promise<DenseComparison> {
  const nextWord = wordSampler(1);
  const articleCount = Math.ceil(passages / Math.ceil((SENTENCES_PER_ARTICLE - 1) / 2));
  const articles = Array.from({ length: articleCount }, (_, i) => syntheticArticle(i, nextWord));
  const embedder = standInEmbedder(DIMENSION);
  const queryModel = syntheticEmbeddingModel(DIMENSION, 99, NEWS_LIKE_SHAPE);
  const queries = Array.from({ length: QUERIES }, () => queryModel.sample());
  const root = await mkdtemp(path.join(os.tmpdir(), 'verbatim-store-compare-'));
  const files = filesStore(root);
  const postgres = postgresStore(databaseUrl, { applicationName: 'verbatim-bench' });
  try {
    const params = { embedder, articles, buildPassages };
    // The exact answer comes from the files store's sentence vectors: PostgreSQL stores the very same ones.
    let exact: Set<string>[] | null = null;
    let counts = { passages: 0, sentences: 0 };
    const exactFrom = (index: ServingIndex) => {
      exact ??= exactTop(index, queries);
      counts = { passages: index.passages.size, sentences: index.counts.sentences };
      return exact;
    };
    log(`dense: ${articles.length} articles into the files store`);
    const filesRow = await storeRow('files', files, params, queries, exactFrom);
    log('dense: the same into PostgreSQL');
    const postgresRow = await storeRow('postgres', postgres, params, queries, () => exact!);
    return { ...counts, rows: [filesRow, postgresRow] };
  } finally {
    await postgres.close();
    await rm(root, { recursive: true, force: true });
  }
}
