/** The store comparison as markdown: keyword retrieval, answers, and dense retrieval with ingest. */
import { markdownTable } from '../lib/report.js';
import type { DenseComparison } from './dense.js';
import type { SetComparison } from './qa-sets.js';
import type { ServingComparison } from './serving.js';

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const s = (v: number) => `${(v / 1000).toFixed(1)} s`;

export function renderLexical(sets: readonly SetComparison[]): string {
  const rows = sets.flatMap((c) =>
    c.lexical
      ? [
          [c.set, 'files: BM25 (verbatim’s own index)', c.lexical.files.questions, pct(c.lexical.files.recallAt10), pct(c.lexical.files.recallAt50), c.lexical.files.mrrAt10.toFixed(3), ms(c.lexical.files.p50Ms), ms(c.lexical.files.p99Ms), '', ''],
          [c.set, 'postgres: full-text search (ts_rank, OR of terms)', c.lexical.postgres.questions, pct(c.lexical.postgres.recallAt10), pct(c.lexical.postgres.recallAt50), c.lexical.postgres.mrrAt10.toFixed(3), ms(c.lexical.postgres.p50Ms), ms(c.lexical.postgres.p99Ms), pct(c.lexical.sharedAt10), pct(c.lexical.sameFirst)],
        ]
      : [],
  );
  return markdownTable(['set', 'keyword retrieval', 'questions', 'evidence in top 10', 'in top 50', 'MRR@10', 'p50 ms', 'p99 ms', 'top 10 shared with BM25', 'same first passage'], rows);
}

export function renderAnswers(sets: readonly SetComparison[]): string {
  return markdownTable(
    ['set', 'embedder', 'retrieval', 'articles', 'passages', 'ingest files', 'ingest postgres', 'questions', 'identical results', 'same first quote', 'hit files', 'hit postgres', 'answer p50/p99 ms files', 'postgres'],
    sets.map((c) => [
      c.set,
      c.embedder,
      c.mode,
      c.articles,
      c.passages,
      s(c.ingestMs.files),
      s(c.ingestMs.postgres),
      c.answers.questions,
      pct(c.answers.identical),
      pct(c.answers.sameFirstQuote),
      pct(c.answers.files.hit),
      pct(c.answers.postgres.hit),
      `${ms(c.answers.files.p50Ms)} / ${ms(c.answers.files.p99Ms)}`,
      `${ms(c.answers.postgres.p50Ms)} / ${ms(c.answers.postgres.p99Ms)}`,
    ]),
  );
}

export function renderDense(dense: DenseComparison): string {
  return markdownTable(
    ['store', 'ingest', 'open', 'recall@10 vs exact', 'query p50 ms', 'query p99 ms'],
    dense.rows.map((r) => [r.store === 'files' ? 'files (hnswlib, in memory)' : 'postgres (pgvector HNSW, a round trip)', s(r.ingestMs), s(r.openMs), r.recallAt10.toFixed(3), ms(r.p50Ms), ms(r.p99Ms)]),
  );
}

export function renderServing(serving: ServingComparison): string {
  const files = serving.rows.find((r) => r.store === 'files')!;
  const postgres = serving.rows.find((r) => r.store === 'postgres')!;
  const table = markdownTable(
    ['process', 'cold start to first answer', 'warm-up', 'first answer ms', 'RSS MiB', 'JS heap MiB'],
    serving.rows.map((r) => [r.store === 'files' ? 'files store (the unsharded bot)' : 'PostgreSQL, serve-only (one shard)', s(r.coldStartMs), s(r.warmUpMs), ms(r.answerMs), r.rssMiB.toFixed(0), r.heapMiB.toFixed(0)]),
  );
  const shards = [2, 4, 8].map((n) => `${n} shards ≈ ${(n * postgres.rssMiB).toFixed(0)} MiB`).join(', ');
  return `${table}\n\nMemory of a sharded bot: N × one PostgreSQL serving process (${shards}) against ${files.rssMiB.toFixed(0)} MiB for one files process (measured once each; the shards' discord.js clients and the manager, which holds no index between refreshes, come on top).`;
}
