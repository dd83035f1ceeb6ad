/**
 * A serving process on each store at one corpus size: cold start (spawn to first answer) and resident memory, each
 * the better of two fresh processes. Both stores are filled first from the same corpus and stand-in vectors. A
 * sharded bot runs one such PostgreSQL process per shard (plus its manager, idle between refreshes), against one
 * files process for the unsharded bot.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import { lastJson, runChild } from '../lib/child.js';
import type { ServingResult } from './serving-child.js';
import { standInEmbedder } from './stand-in-embedder.js';

const DIMENSION = 384;
const CHILD = fileURLToPath(new URL('./serving-child.ts', import.meta.url));

export interface ServingRow extends ServingResult {
  coldStartMs: number;
}

export interface ServingComparison {
  articles: number;
  passages: number;
  sentences: number;
  rows: ServingRow[];
}

export async function servingComparison(corpusDir: string, databaseUrl: string, question: string, log: (line: string) => void): Promise<ServingComparison> {
  const indexDir = await mkdtemp(path.join(os.tmpdir(), 'verbatim-store-serving-'));
  const embedder = standInEmbedder(DIMENSION);
  const settings = { CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, EMBEDDER: 'use', LOG_LEVEL: 'silent' };
  const deps = { createEmbedder: async () => ({ embedder, fallback: false, notice: null }) };
  try {
    let counts = { articles: 0, passages: 0, sentences: 0 };
    for (const extra of [{}, { STORE: 'postgres', DATABASE_URL: databaseUrl }]) {
      log(`serving: filling the ${'STORE' in extra ? 'PostgreSQL' : 'files'} store (${DIMENSION}-d stand-in vectors)`);
      const engine = createEngine(parseConfig({ ...settings, ...extra }), deps);
      try {
        const { stats } = await engine.warmUp();
        counts = { articles: stats.articles, passages: stats.passages, sentences: stats.sentences };
      } finally {
        await engine.close();
      }
    }
    const rows: ServingRow[] = [];
    for (const store of ['files', 'postgres'] as const) {
      const runs: ServingRow[] = [];
      for (let run = 0; run < 2; run++) {
        log(`serving: a cold ${store} process (${run + 1} of 2)`);
        const child = await runChild(CHILD, ['--store', store, '--corpus', corpusDir, '--index', indexDir, '--database', databaseUrl, '--dimension', String(DIMENSION), '--question', question]);
        runs.push({ ...lastJson<ServingResult>(child), coldStartMs: child.lines.at(-1)!.at });
      }
      const fastest = runs.reduce((a, b) => (b.coldStartMs < a.coldStartMs ? b : a));
      rows.push({ ...fastest, rssMiB: Math.min(...runs.map((r) => r.rssMiB)) });
    }
    return { ...counts, rows };
  } finally {
    await rm(indexDir, { recursive: true, force: true });
  }
}
