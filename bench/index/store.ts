/**
 * `npx tsx bench/index/store.ts [passages]`: ingest, open and incremental-ingest times for a synthetic corpus of
 * news-sized articles (default ~100k passages: 30 sentences an article, windows of 3 sentences every 2), with a fast
 * stand-in embedder so the index step alone is measured.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildPassages } from '../../src/corpus/passages.js';
import type { Embedder } from '../../src/embedding/embedder.js';
import type { IngestProgress } from '../../src/engine-types.js';
import { ingestArticles } from '../../src/index/ingest.js';
import { openIndex } from '../../src/index/store.js';
import { header, markdownTable, runInfo, writeResults } from '../lib/report.js';
import { syntheticEmbeddingModel } from './synthetic-embeddings.js';
import { SENTENCES_PER_ARTICLE, syntheticArticle, wordSampler } from './synthetic-articles.js';

const targetPassages = Number(process.argv[2] ?? 100_000);
const DIMENSION = 384;
const articleCount = Math.ceil(targetPassages / Math.ceil((SENTENCES_PER_ARTICLE - 1) / 2));

/** This thread's CPU time from /proc (Linux), or null: on a shared machine wall time alone overstates the work. */
function mainThreadCpuMs(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms
  } catch {
    return null;
  }
}

const model = syntheticEmbeddingModel(DIMENSION, 7);
const embedder: Embedder = {
  info: { id: 'bench:synthetic', name: 'synthetic bench vectors', dimension: DIMENSION },
  embed: async (texts) => texts.map(() => model.sample()),
  close: async () => {},
};

const nextWord = wordSampler(1);
const articles = Array.from({ length: articleCount }, (_, i) => syntheticArticle(i, nextWord));
const root = await mkdtemp(path.join(os.tmpdir(), 'verbatim-store-bench-'));

/** Time spent in each ingest phase; `finish()` closes the last one. */
function phaseTimer(): { onProgress: (p: IngestProgress) => void; finish: () => void; phases: Record<string, number> } {
  const phases: Record<string, number> = {};
  let current: string | null = null;
  let since = performance.now();
  const close = (): void => {
    const now = performance.now();
    if (current) phases[current] = (phases[current] ?? 0) + now - since;
    since = now;
  };
  return {
    phases,
    finish: close,
    onProgress: (p) => {
      if (p.phase === current) return;
      close();
      current = p.phase;
    },
  };
}

let started = performance.now();
const first = phaseTimer();
const { report, index } = await ingestArticles({ indexRoot: root, embedder, articles, buildPassages: (a) => buildPassages(a), onProgress: first.onProgress });
const ingestMs = performance.now() - started;
first.finish();

const files = await readdir(report.indexDir);
const sizes = Object.fromEntries(await Promise.all(files.map(async (f) => [f, (await stat(path.join(report.indexDir, f))).size] as const)));

const openTimes: number[] = [];
const openMainCpu: (number | null)[] = [];
const openAllCpu: number[] = [];
for (let i = 0; i < 3; i++) {
  started = performance.now();
  const mainBefore = mainThreadCpuMs();
  const allBefore = process.cpuUsage();
  const opened = await openIndex(root, embedder.info);
  openTimes.push(performance.now() - started);
  const mainAfter = mainThreadCpuMs();
  openMainCpu.push(mainBefore === null || mainAfter === null ? null : mainAfter - mainBefore);
  const all = process.cpuUsage(allBefore);
  openAllCpu.push((all.user + all.system) / 1000);
  if (opened.passages.size !== index.passages.size) throw new Error('opened index differs');
}

const edited = [...articles];
edited[5] = syntheticArticle(5, nextWord, 1);
const second = phaseTimer();
started = performance.now();
const incremental = await ingestArticles({ indexRoot: root, embedder, articles: edited, buildPassages: (a) => buildPassages(a), onProgress: second.onProgress });
const incrementalMs = performance.now() - started;
second.finish();
const memoryMiB = process.memoryUsage().rss / 2 ** 20;
await rm(root, { recursive: true, force: true });

const results = {
  articles: report.articles,
  passages: report.passages,
  sentences: report.sentences,
  ingestMs,
  ingestPhasesMs: first.phases,
  openMs: openTimes,
  openMainThreadCpuMs: openMainCpu,
  openAllThreadsCpuMs: openAllCpu,
  incremental: { ms: incrementalMs, phasesMs: second.phases, embedded: incremental.report.embedded },
  fileBytes: sizes,
  rssMiB: memoryMiB,
};
const info = runInfo();
const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);
const markdown = [
  header(`Index store: ${report.passages} passages × ${DIMENSION}-d`, info),
  `${report.articles} articles, ${report.sentences} sentences, ${report.passages} passages (windows of 3 sentences every 2); synthetic vectors from a stand-in embedder.`,
  '',
  markdownTable(
    ['step', 'ms'],
    [
      ['full ingest', ingestMs],
      ...Object.entries(first.phases).map(([phase, ms]) => [`  ${phase}`, ms] as [string, number]),
      ['openIndex, 3 runs: wall', openTimes.map((t) => t.toFixed(0)).join(' / ')],
      ['  main-thread CPU', openMainCpu.map((t) => (t === null ? '?' : t.toFixed(0))).join(' / ')],
      ['  CPU of all threads (the checking worker and libuv pool included)', openAllCpu.map((t) => t.toFixed(0)).join(' / ')],
      [`incremental ingest, 1 changed article (${incremental.report.embedded} sentences embedded)`, incrementalMs],
      ...Object.entries(second.phases).map(([phase, ms]) => [`  ${phase}`, ms] as [string, number]),
    ],
  ),
  '',
  markdownTable(['file', 'MiB'], Object.entries(sizes).map(([file, bytes]) => [file, mib(bytes)])),
  '',
  `Process RSS at the end: ${memoryMiB.toFixed(0)} MiB.`,
].join('\n');
await writeResults(`index-store-${report.passages}`, { run: info, ...results }, markdown);
console.log(markdown);
