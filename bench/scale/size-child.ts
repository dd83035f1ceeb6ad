/**
 * One corpus size, in its own process (so its memory is its own): builds or reuses the index through the engine,
 * asks the headline questions warm, then compares the dense index with raw hnswlib, the exact scan and the peer.
 * Prints one JSON line (SizeResult). Run by bench/scale/stage.ts.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeQuestion } from '../../src/answer/question.js';
import { validateQuestion } from '../../src/answer/ask-input.js';
import { parseConfig } from '../../src/config.js';
import { buildPassages } from '../../src/corpus/passages.js';
import type { Embedder } from '../../src/embedding/embedder.js';
import { createEngine } from '../../src/engine.js';
import { directorySize } from '../../src/fs-size.js';
import { MANIFEST_FILE } from '../../src/index/manifest.js';
import { indexDirFor, openIndex } from '../../src/index/store.js';
import { phaseClock, type PhaseTimes } from '../ingest/phases.js';
import { bbcSentenceVectors, loadBbcBase } from '../lib/bbc.js';
import { report } from '../lib/child.js';
import { profiled, summarizeProfile, type ProfileSummary } from '../lib/cpu-profile.js';
import { lendEmbedder, loadUseLite, withSharedCache } from '../lib/embedders.js';
import { writeJsonlCorpus } from '../lib/jsonl-corpus.js';
import { seededSample } from '../lib/random.js';
import { round } from '../lib/stats.js';
import { indexFingerprint } from './fingerprint.js';
import { compareHnsw, type HnswComparison } from './hnsw-compare.js';
import { askAll, summarizeLatency, type LatencySummary, type TitleQuestion } from './latency.js';
import { copyRecords, planCopies } from './plan.js';
import { ReplayEmbedder } from './replay-embedder.js';

export interface SizeResult {
  name: string;
  corpusDir: string;
  indexRoot: string;
  articles: number;
  passages: number;
  sentences: number;
  build: { reused: boolean; ms: number; phases: PhaseTimes; replayed: number; embeddedLive: number };
  /** The index folder itself, and the engine's ingest embedding cache beside it. */
  indexBytes: number;
  cacheBytes: number;
  rss: { afterQueries: number; peak: number };
  latency: LatencySummary;
  hnsw: HnswComparison;
  profile: ProfileSummary | null;
  /** A headline for the cold-start run to ask. */
  coldQuestion: string;
  /** More headlines, for the one-shot and serve-load runs (bench/start). */
  startQuestions: string[];
}

const { values } = parseArgs({
  options: {
    name: { type: 'string' },
    seeds: { type: 'boolean', default: false },
    passages: { type: 'string' },
    base: { type: 'string' },
    questions: { type: 'string', default: '500' },
    'question-pool': { type: 'string', default: '1000' },
    warmup: { type: 'string', default: '20' },
    work: { type: 'string' },
    'cache-dir': { type: 'string' },
    'data-dir': { type: 'string' },
    rebuild: { type: 'boolean', default: false },
    profile: { type: 'string' },
  },
});
const repoRoot = path.resolve(import.meta.dirname, '../..');
const work = values.work!;
const cacheDir = values['cache-dir']!;
const dataDir = values['data-dir']!;
const log = (line: string) => process.stderr.write(`  [${values.name}] ${line}\n`);

async function main(): Promise<SizeResult> {
  // Headlines of the first articles of the fixed order, which every BBC-based size holds.
  const pool = await loadBbcBase(dataDir, Number(values['question-pool']));
  const drawn = seededSample(pool.records, Number(values.questions) + Number(values.warmup), 500);
  const warmup: TitleQuestion[] = drawn.slice(0, Number(values.warmup)).map((r) => ({ text: r.title, articleId: r.id }));
  const questions: TitleQuestion[] = drawn.slice(Number(values.warmup)).map((r) => ({ text: r.title, articleId: r.id }));

  const live = await loadUseLite();
  const { corpusDir, known } = await prepareCorpus(live);
  const replay = new ReplayEmbedder(known, live);
  const indexRoot = await freshIndexRoot();
  const reused = await exists(path.join(indexDirFor(indexRoot, live.info), MANIFEST_FILE));
  const config = parseConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: indexRoot, EMBEDDER: 'use' }, repoRoot);
  const engine = createEngine(config, lendEmbedder(replay));
  const clock = phaseClock();
  const started = performance.now();
  log(reused ? 'opening the cached index' : 'building the index');
  await engine.warmUp({ onProgress: (p) => clock.onProgress(p) });
  const build = { reused, ms: round(performance.now() - started), phases: clock.finish(), ...replay.counts };
  replay.goLive();
  const stats = await engine.stats();
  log(`${stats.passages} passages; asking ${questions.length} questions`);

  await askAll(engine, warmup);
  let profile: ProfileSummary | null = null;
  let samples;
  if (values.profile) {
    const run = await profiled(() => askAll(engine, questions), values.profile);
    samples = run.result;
    profile = summarizeProfile(run.profile, repoRoot);
  } else {
    samples = await askAll(engine, questions);
  }
  const afterQueries = process.memoryUsage().rss;
  await engine.close();

  log('comparing the dense index with raw hnswlib, the exact scan and the peer');
  const index = await openIndex(indexRoot, live.info);
  const vectors = await live.embed(questions.map((q) => analyzeQuestion(validateQuestion(q.text)).text));
  await live.close();
  const hnsw = await compareHnsw(index, vectors, questions.map((q) => q.articleId));
  return {
    name: values.name!,
    corpusDir,
    indexRoot,
    articles: stats.articles,
    passages: stats.passages,
    sentences: stats.sentences,
    build,
    indexBytes: await directorySize(indexDirFor(indexRoot, live.info)),
    cacheBytes: await directorySize(path.join(indexRoot, 'cache')),
    rss: { afterQueries, peak: process.resourceUsage().maxRSS * 1024 },
    latency: summarizeLatency(samples),
    hnsw,
    profile,
    coldQuestion: questions[0]!.text,
    startQuestions: questions.slice(1).map((q) => q.text),
  };
}

/** The seed corpus as it is, or the BBC articles (and perturbed copies) written as one JSONL file. */
async function prepareCorpus(live: Embedder): Promise<{ corpusDir: string; known: Map<string, Float32Array> }> {
  if (values.seeds) return { corpusDir: path.join(repoRoot, 'seeds'), known: new Map() };
  const base = await loadBbcBase(dataDir, values.base === undefined ? null : Number(values.base));
  const refs = planCopies(base.articles.map((a) => buildPassages(a).length), values.passages === undefined ? null : Number(values.passages));
  const corpusDir = path.join(work, 'corpus');
  await writeJsonlCorpus(corpusDir, 'bbc.jsonl', copyRecords(base.records, base.articles.map((a) => a.sentences), refs));
  log(`${refs.length} articles (${new Set(refs.map((r) => r.copy)).size} copies of the base); loading sentence vectors`);
  const cached = await withSharedCache(live, cacheDir);
  try {
    return { corpusDir, known: await bbcSentenceVectors(base, cached, log) };
  } finally {
    await cached.close();
  }
}

/** `index-<fingerprint>` under the size's folder; older ones (other code) are removed, and this one too on --rebuild. */
async function freshIndexRoot(): Promise<string> {
  const name = `index-${await indexFingerprint(repoRoot)}`;
  for (const entry of await readdir(work).catch(() => [] as string[])) {
    if (entry.startsWith('index-') && (entry !== name || values.rebuild)) await rm(path.join(work, entry), { recursive: true, force: true });
  }
  return path.join(work, name);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}

report(await main());
