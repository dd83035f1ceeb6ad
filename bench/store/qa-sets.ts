/**
 * One question set on both stores: the same corpus ingested into a files index and a PostgreSQL database with the
 * same embedder, then keyword retrieval and the engine's answers compared. With the stand-in embedder only the
 * BM25-only answers mean anything (the dense side would rank by made-up vectors); with USE lite, hybrid ones do.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../../src/config.js';
import type { Embedder } from '../../src/embedding/embedder.js';
import { createEngine } from '../../src/engine.js';
import type { Engine } from '../../src/engine-types.js';
import { filesStore } from '../../src/index/index-store.js';
import { postgresStore } from '../../src/index/postgres/pg-store.js';
import type { RetrievalMode } from '../../src/search/retrieve.js';
import type { QaCorpus } from '../qa/sets.js';
import { compareAnswers, type AnswerComparison } from './answers.js';
import { lexicalRun, overlap, type LexicalScores } from './lexical.js';

export interface SetComparison {
  set: string;
  embedder: string;
  mode: RetrievalMode;
  articles: number;
  passages: number;
  ingestMs: { files: number; postgres: number };
  lexical?: { files: LexicalScores; postgres: LexicalScores; sharedAt10: number; sameFirst: number };
  answers: AnswerComparison;
}

export interface SetRun {
  corpus: QaCorpus;
  databaseUrl: string;
  mode: RetrievalMode;
  /** The stand-in embedder, or undefined for EMBEDDER=use (USE lite, real sentence vectors). */
  embedder?: Embedder;
  /** Also compare keyword retrieval alone. */
  lexical: boolean;
  log: (line: string) => void;
}

export async function compareSet(run: SetRun): Promise<SetComparison> {
  const { corpus, databaseUrl, mode, embedder, log } = run;
  // One INDEX_DIR for both engines: the files store's index and the embedding cache PostgreSQL's ingest reuses.
  const indexDir = await mkdtemp(path.join(os.tmpdir(), `verbatim-store-${corpus.set}-`));
  const settings = { CORPUS_DIR: corpus.corpusDir, INDEX_DIR: indexDir, EMBEDDER: 'use', EMBED_WORKERS: '1', LOG_LEVEL: 'silent' };
  const deps = embedder === undefined ? {} : { createEmbedder: async () => ({ embedder, fallback: false, notice: null }) };
  const files = createEngine(parseConfig(settings), deps);
  const postgres = createEngine(parseConfig({ ...settings, STORE: 'postgres', DATABASE_URL: databaseUrl }), deps);
  try {
    log(`${corpus.set}: ingesting ${corpus.corpusDir} into the files store`);
    const filesReady = await files.warmUp();
    log(`${corpus.set}: ingesting into PostgreSQL`);
    const postgresReady = await postgres.warmUp();
    const info = { id: filesReady.stats.embedder.id, name: filesReady.stats.embedder.name, dimension: filesReady.stats.embedder.dimension };
    let lexical: SetComparison['lexical'];
    if (run.lexical) {
      log(`${corpus.set}: keyword retrieval, BM25 against PostgreSQL full-text search`);
      const filesView = filesStore(indexDir);
      const postgresView = postgresStore(databaseUrl, { applicationName: 'verbatim-bench' });
      try {
        const a = await lexicalRun(await filesView.open(info), corpus.items);
        const b = await lexicalRun(await postgresView.open(info), corpus.items);
        lexical = { files: a.scores, postgres: b.scores, ...overlap(a.tops, b.tops) };
      } finally {
        await postgresView.close();
      }
    }
    log(`${corpus.set}: answers (${mode}) on both stores`);
    const answers = await compareAnswers(files, postgres, corpus.items, mode);
    return {
      set: corpus.set,
      embedder: filesReady.stats.embedder.name,
      mode,
      articles: filesReady.stats.articles,
      passages: filesReady.stats.passages,
      ingestMs: { files: filesReady.ingest?.ms ?? filesReady.ms, postgres: postgresReady.ingest?.ms ?? postgresReady.ms },
      ...(lexical ? { lexical } : {}),
      answers,
    };
  } finally {
    await files.close();
    await postgres.close();
    await rm(indexDir, { recursive: true, force: true });
  }
}

export type { Engine };
