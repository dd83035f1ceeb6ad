/**
 * Cold start: a fresh process that builds the engine as the bot does (USE lite, the index on disk), warms up and
 * answers one question. It prints `{"event":"answered",…}` the moment the answer exists (the parent times process
 * start to that line). Unless told `profile` (then the profile must cover the start alone), it goes on to time, each
 * alone, the parts the warm-up overlaps: the index open, the corpus read (unchanged articles reused from the index)
 * and the embedder's load (USE lite's worker threads).
 * Usage: cold-start-child.ts <corpusDir> <indexRoot> <question> [profile]
 */
import { parseConfig } from '../../src/config.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { createEngine } from '../../src/engine.js';
import { createEmbedder } from '../../src/embedding/create-embedder.js';
import { USE_LITE_INFO } from '../../src/embedding/use-embedder.js';
import { openIndex } from '../../src/index/store.js';
import { phaseClock } from '../ingest/phases.js';
import { report } from '../suite/child.js';

const modulesLoadedMs = performance.now();
const [corpusDir, indexRoot, question, mode] = process.argv.slice(2) as [string, string, string, string | undefined];
const engine = createEngine(parseConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: indexRoot, EMBEDDER: 'use' }));
const clock = phaseClock();
let started = performance.now();
const warm = await engine.warmUp({ onProgress: (p) => clock.onProgress(p) });
const warmUpMs = performance.now() - started;
const phases = clock.finish();
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
  const index = await openIndex(indexRoot, USE_LITE_INFO);
  const openIndexMs = performance.now() - started;
  started = performance.now();
  await loadCorpus(corpusDir, { reuse: (id, hash) => (index.articles.get(id)?.contentHash === hash ? index.articles.get(id) : undefined) });
  const corpusMs = performance.now() - started;
  started = performance.now();
  const { embedder } = await createEmbedder(parseConfig({ EMBEDDER: 'use' }));
  const embedderMs = performance.now() - started;
  await embedder.close();
  report({ event: 'attribution', corpusMs, openIndexMs, embedderMs });
}
await engine.close();
