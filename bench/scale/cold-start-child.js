// @ts-check
/**
 * Cold start: a fresh plain `node` process (no tsx: it imports the compiled dist/, as `npm start` and the bin do) that
 * builds the engine as the bot does (USE lite, the index on disk), warms up and answers one question. It prints
 * `{"event":"answered",…}` the moment the answer exists (the parent times process start to that line). Unless told
 * `profile` (then the profile must cover the start alone), it goes on to time, each alone, the parts the warm-up
 * overlaps: the index open, the corpus check (file stamps, then the files whose stamps changed) and the embedder's
 * load (USE lite's first worker thread).
 * Usage: node bench/scale/cold-start-child.js <corpusDir> <indexRoot> <question> [profile]
 */
import path from 'node:path';
import { parseConfig } from '../../dist/config.js';
import { loadCorpus } from '../../dist/corpus/load-corpus.js';
import { FileStamps, STAMPS_FILE } from '../../dist/corpus/file-stamps.js';
import { createEngine } from '../../dist/engine.js';
import { createEmbedder } from '../../dist/embedding/create-embedder.js';
import { USE_LITE_INFO } from '../../dist/embedding/use-embedder.js';
import { openIndex } from '../../dist/index/store.js';

const modulesLoadedMs = performance.now();
const [corpusDir, indexRoot, question, mode] = /** @type {[string, string, string, string | undefined]} */ (process.argv.slice(2));
const report = (/** @type {unknown} */ value) => process.stdout.write(JSON.stringify(value) + '\n');
const config = parseConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: indexRoot, EMBEDDER: 'use' });
const engine = createEngine(config);

/** ms per ingest phase, from the engine's progress reports (a phase lasts until the next starts). */
/** @type {Record<string, number>} */
const phases = {};
let phase = /** @type {string | null} */ (null);
let since = performance.now();
const onProgress = (/** @type {{ phase: string }} */ progress) => {
  if (progress.phase === phase) return;
  const now = performance.now();
  if (phase !== null) phases[phase] = (phases[phase] ?? 0) + (now - since);
  phase = progress.phase;
  since = now;
};

let started = performance.now();
const warm = await engine.warmUp({ onProgress });
const warmUpMs = performance.now() - started;
onProgress({ phase: '' });
delete phases[''];
const result = await engine.ask(question);
report({
  event: 'answered',
  modulesLoadedMs,
  warmUpMs,
  phases,
  embedded: warm.ingest?.embedded ?? 0,
  trace: result.trace,
  status: result.status,
  rss: process.memoryUsage().rss,
  peakRss: process.resourceUsage().maxRSS * 1024,
});

if (mode !== 'profile') {
  started = performance.now();
  const index = await openIndex(indexRoot, USE_LITE_INFO, { verify: 'deferred' });
  const openIndexMs = performance.now() - started;
  started = performance.now();
  const stamps = await FileStamps.read(path.join(config.indexDir, STAMPS_FILE), { corpusDir: config.corpusDir, maxArticleBytes: config.maxArticleBytes });
  await loadCorpus(corpusDir, {
    maxArticleBytes: config.maxArticleBytes,
    reuse: (id, hash) => (index.articles.get(id)?.contentHash === hash ? index.articles.get(id) : undefined),
    stamps,
  });
  const corpusMs = performance.now() - started;
  index.release();
  started = performance.now();
  const { embedder } = await createEmbedder(parseConfig({ EMBEDDER: 'use' }));
  const embedderMs = performance.now() - started;
  await embedder.close();
  report({ event: 'attribution', corpusMs, openIndexMs, embedderMs });
}
await engine.close();
