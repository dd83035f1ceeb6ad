/**
 * The ingest stage: throughput end to end against the embedder alone for both embedders (USE lite, and the MiniLM
 * path on a model of MiniLM-L6's shape), the whole BBC corpus through the engine, and an incremental re-ingest.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { StageContext } from '../suite/context.js';
import { loadBbcBase } from '../lib/bbc.js';
import { loadUseLite, withSharedCache } from '../lib/embedders.js';
import { writeJsonlCorpus, type CorpusRecord } from '../lib/jsonl-corpus.js';
import { seededSample } from '../lib/random.js';
import type { Section } from '../suite/section.js';
import { round } from '../lib/stats.js';
import type { Target } from '../suite/targets.js';
import { loadMiniLmShape } from './minilm-shape.js';
import { renderIngest, type ThroughputRow, type WholeCorpus } from './render.js';
import { measureThroughput, timeIngest } from './throughput.js';

const SAMPLE_ARTICLES = { quick: 5, full: 150 };
/** Raw-then-ingest rounds per embedder; the fastest of each counts. */
const REPEATS = { quick: 1, full: 2 };
const WHOLE_ARTICLES = { quick: 20, full: null };
const CORPUS_FILE = 'bbc.jsonl';

export async function ingestStage(context: StageContext): Promise<Section> {
  const { options, log, repoRoot } = context;
  const work = path.join(options.cacheDir, options.quick ? 'ingest-quick' : 'ingest');
  const whole = await loadBbcBase(context.dataDir, options.quick ? WHOLE_ARTICLES.quick : WHOLE_ARTICLES.full);
  const sample = whole.records.slice(0, options.quick ? SAMPLE_ARTICLES.quick : SAMPLE_ARTICLES.full);
  const sampleDir = path.join(work, 'sample-corpus');
  await writeJsonlCorpus(sampleDir, CORPUS_FILE, sample);

  const repeats = options.quick ? REPEATS.quick : REPEATS.full;
  const rows: ThroughputRow[] = [];
  let started = performance.now();
  const use = await loadUseLite();
  const useLoadMs = performance.now() - started;
  let wholeCorpus: WholeCorpus;
  try {
    log('ingest: seeds, USE lite');
    rows.push({ corpus: '5 seed articles', loadMs: useLoadMs, ...(await measureThroughput(use, path.join(repoRoot, 'seeds'), path.join(work, 'index-seeds'), repoRoot)) });
    log(`ingest: ${sample.length} BBC articles, USE lite`);
    rows.push({ corpus: `${sample.length} BBC articles`, loadMs: useLoadMs, ...(await measureThroughput(use, sampleDir, path.join(work, 'index-use'), repoRoot, repeats)) });
    for (const dtype of ['q8', 'fp32'] as const) {
      log(`ingest: ${sample.length} BBC articles, MiniLM-L6 shape ${dtype}`);
      const { embedder, buildMs, loadMs } = await loadMiniLmShape(options.cacheDir, dtype);
      try {
        rows.push({ corpus: `${sample.length} BBC articles`, loadMs, buildMs, ...(await measureThroughput(embedder, sampleDir, path.join(work, `index-minilm-${dtype}`), repoRoot, repeats)) });
      } finally {
        await embedder.close();
      }
    }
    wholeCorpus = await ingestWholeCorpus(context, use, whole.records, path.join(work, 'whole'));
  } finally {
    await use.close();
  }

  const nonEmbeddingMs = wholeCorpus.full.ms - (wholeCorpus.full.phases.embedding ?? 0);
  const projections = rows
    .filter((r) => r.corpus !== '5 seed articles')
    .map((r) => {
      const ms = nonEmbeddingMs + (wholeCorpus.full.sentences / r.raw.sentencesPerSecond) * 1000;
      return { embedder: r.embedder, ms: round(ms), articlesPerMinute: round((wholeCorpus.full.articles / ms) * 60_000, 1) };
    });
  const targets: Target[] = rows
    .filter((r) => r.corpus !== '5 seed articles')
    .map((r) => ({ what: `ingest overhead over raw embedding (${r.embedder})`, where: r.corpus, comparator: '<=', limit: 1.25, unit: '×', measured: r.overhead }));
  return {
    id: 'ingest',
    title: 'Ingest: end to end against the embedder alone',
    markdown: renderIngest(rows, wholeCorpus, projections),
    json: { rows, wholeCorpus, projections },
    targets,
  };
}

/** The whole BBC set through the engine with cached vectors, then 1% of its articles changed and ingested again live. */
async function ingestWholeCorpus(context: StageContext, use: Awaited<ReturnType<typeof loadUseLite>>, records: CorpusRecord[], dir: string): Promise<WholeCorpus> {
  const { options, log, repoRoot } = context;
  const corpusDir = path.join(dir, 'corpus');
  const indexDir = path.join(dir, 'index');
  await writeJsonlCorpus(corpusDir, CORPUS_FILE, records);
  await rm(indexDir, { recursive: true, force: true });
  log(`ingest: all ${records.length} BBC articles (vectors from the shared cache)`);
  const cached = await withSharedCache(use, options.cacheDir);
  let full;
  try {
    // The engine counts every sentence missing from its own (fresh) cache as embedded; only the shared cache's misses really were.
    full = { ...(await timeIngest(cached, corpusDir, indexDir, repoRoot)), embedded: 0 };
    full.embedded = cached.stats.misses;
  } finally {
    await cached.close();
  }
  const touched = new Set(seededSample(records, Math.max(1, Math.round(records.length / 100)), 11).map((r) => r.id));
  const edited = records.map((r) => (touched.has(r.id) ? { ...r, text: `${r.text}\n\nThis story (${r.id}) was updated after publication.` } : r));
  await writeJsonlCorpus(corpusDir, CORPUS_FILE, edited);
  log(`ingest: re-ingest after changing ${touched.size} articles (live USE lite)`);
  const incremental = await timeIngest(use, corpusDir, indexDir, repoRoot);
  return { full, incremental };
}
