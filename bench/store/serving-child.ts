/**
 * One serving process, started cold: the engine as the bot builds it on one store (files: the usual warm-up, which
 * opens the index and checks the corpus for changes; postgres: serve-only, as a shard opens it), then one answer.
 * Prints one JSON line: resident memory and the time to warm and to answer. Run by bench/store/serving.ts; the
 * parent times the spawn to this line (the cold start). The discord.js client a bot adds is not in these figures.
 */
import { parseArgs } from 'node:util';
import { parseConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import { report } from '../lib/child.js';
import { standInEmbedder } from './stand-in-embedder.js';

export interface ServingResult {
  store: 'files' | 'postgres';
  rssMiB: number;
  heapMiB: number;
  warmUpMs: number;
  answerMs: number;
  status: string;
}

const { values } = parseArgs({ options: { store: { type: 'string' }, corpus: { type: 'string' }, index: { type: 'string' }, database: { type: 'string', default: '' }, dimension: { type: 'string' }, question: { type: 'string' } } });
const store = values.store === 'postgres' ? 'postgres' : 'files';
const engine = createEngine(
  parseConfig({ CORPUS_DIR: values.corpus, INDEX_DIR: values.index, EMBEDDER: 'use', LOG_LEVEL: 'silent', ...(store === 'postgres' ? { STORE: 'postgres', DATABASE_URL: values.database } : {}) }),
  { createEmbedder: async () => ({ embedder: standInEmbedder(Number(values.dimension)), fallback: false, notice: null }), serveOnly: store === 'postgres' },
);
let started = performance.now();
await engine.warmUp();
const warmUpMs = performance.now() - started;
started = performance.now();
const result = await engine.ask(values.question ?? 'What happened?');
const answerMs = performance.now() - started;
const memory = process.memoryUsage();
const out: ServingResult = { store, rssMiB: memory.rss / 2 ** 20, heapMiB: memory.heapUsed / 2 ** 20, warmUpMs, answerMs, status: result.status };
report(out);
await engine.close();
