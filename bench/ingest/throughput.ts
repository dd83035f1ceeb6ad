/**
 * Ingest throughput against the embedder's own: the same sentences embedded alone (raw), then the whole corpus
 * ingested end to end by the engine (read, parse, embed, index, save) with the same loaded embedder, so
 * ingest ÷ raw is the ingest overhead. Both cores are busy in both: USE lite runs two workers, ONNX Runtime two threads.
 */
import { rm } from 'node:fs/promises';
import { parseConfig } from '../../src/config.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import type { Embedder } from '../../src/embedding/embedder.js';
import { createEngine } from '../../src/engine.js';
import type { IngestReport } from '../../src/engine-types.js';
import { lendEmbedder } from '../lib/embedders.js';
import { round } from '../lib/stats.js';
import { phaseClock, type PhaseTimes } from './phases.js';

export interface IngestRun {
  ms: number;
  phases: PhaseTimes;
  articles: number;
  sentences: number;
  passages: number;
  embedded: number;
  changed: number;
}

export interface ThroughputResult {
  embedder: string;
  articles: number;
  sentences: number;
  /** The fastest of the runs (all kept in runsMs). */
  raw: { ms: number; sentencesPerSecond: number; runsMs: number[] };
  ingest: IngestRun & { articlesPerMinute: number; sentencesPerSecond: number; runsMs: number[] };
  /** ingest ms ÷ raw embedding ms of the same sentences. */
  overhead: number;
}

/** The sentences the engine will embed for `corpusDir`, read by the engine's own loader. */
export async function corpusSentences(corpusDir: string): Promise<string[]> {
  const { articles } = await loadCorpus(corpusDir);
  return articles.flatMap((article) => article.sentences.map((sentence) => sentence.text));
}

export async function timeIngest(embedder: Embedder, corpusDir: string, indexDir: string, repoRoot: string): Promise<IngestRun> {
  const engine = createEngine(parseConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir }, repoRoot), lendEmbedder(embedder));
  const clock = phaseClock();
  try {
    const started = performance.now();
    const report: IngestReport = await engine.ingest({ onProgress: (p) => clock.onProgress(p) });
    const ms = performance.now() - started;
    return {
      ms: round(ms),
      phases: Object.fromEntries(Object.entries(clock.finish()).map(([k, v]) => [k, round(v)])),
      articles: report.articles,
      sentences: report.sentences,
      passages: report.passages,
      embedded: report.embedded,
      changed: report.added + report.changed,
    };
  } finally {
    await engine.close();
  }
}

/**
 * Raw embedding then ingest, `repeats` times in turn; the fastest of each is kept (noise from other processes only
 * ever adds time), so one disturbed measurement does not decide the ratio.
 */
export async function measureThroughput(embedder: Embedder, corpusDir: string, indexDir: string, repoRoot: string, repeats = 1): Promise<ThroughputResult> {
  const texts = await corpusSentences(corpusDir);
  await embedder.embed(texts.slice(0, 8)); // lazy start-up (threads, kernels) belongs to neither figure
  const raws: number[] = [];
  const ingests: IngestRun[] = [];
  for (let round = 0; round < repeats; round++) {
    const started = performance.now();
    await embedder.embed(texts);
    raws.push(performance.now() - started);
    await rm(indexDir, { recursive: true, force: true });
    ingests.push(await timeIngest(embedder, corpusDir, indexDir, repoRoot));
  }
  const rawMs = Math.min(...raws);
  const ingest = ingests.reduce((best, run) => (run.ms < best.ms ? run : best));
  return {
    embedder: embedder.info.name,
    articles: ingest.articles,
    sentences: texts.length,
    raw: { ms: round(rawMs), sentencesPerSecond: round((texts.length / rawMs) * 1000, 1), runsMs: raws.map((ms) => round(ms)) },
    ingest: {
      ...ingest,
      articlesPerMinute: round((ingest.articles / ingest.ms) * 60_000, 1),
      sentencesPerSecond: round((ingest.sentences / ingest.ms) * 1000, 1),
      runsMs: ingests.map((run) => run.ms),
    },
    overhead: round(ingest.ms / rawMs, 3),
  };
}
