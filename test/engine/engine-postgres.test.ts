/**
 * The engine unchanged on the PostgreSQL store: the real seeds, the real offline embedder (USE lite), a real
 * throwaway PostgreSQL with pgvector. Skipped (reason printed) only when PostgreSQL or pgvector is not installed.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import type { Engine } from '../../src/engine-types.js';
import { copySeeds, tempDir } from '../../bench/lib/seed-corpus.js';
import { seedIndexWithUseVectors } from '../../bench/lib/seed-vectors.js';
import { postgresMissing, startThrowawayPostgres, type ThrowawayPostgres } from '../../bench/lib/postgres-cluster.js';

const missing = postgresMissing();

describe.skipIf(missing !== null)(missing ? `engine on PostgreSQL: skipped: ${missing}` : 'engine on PostgreSQL', () => {
  let cluster: ThrowawayPostgres;
  let engine: Engine;
  let corpusDir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    cluster = await startThrowawayPostgres();
    corpusDir = await copySeeds();
    // The seeds' USE-lite vectors are in this index folder's embedding cache: the ingest stores them, embedding nothing.
    env = { CORPUS_DIR: corpusDir, INDEX_DIR: await seedIndexWithUseVectors(), EMBEDDER: 'use', STORE: 'postgres', DATABASE_URL: await cluster.createDatabase() };
    engine = createEngine(parseConfig(env));
  });
  afterAll(async () => {
    await engine?.close();
    await cluster?.stop();
  });

  it('ingests the seeds into PostgreSQL at warm-up and reports where', async () => {
    const report = await engine.warmUp();
    expect(report.ingest).toMatchObject({ added: 5, removed: 0 });
    expect(report.ingest!.indexDir).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\//);
    expect(report.stats.articles).toBe(5);
    expect(report.stats.indexBytes).toBeGreaterThan(0);
  });

  it('answers "What did Putin call Xi?" with the verbatim "dear friend" quote', async () => {
    const result = await engine.ask('What did Putin call Xi?');
    expect(result.status).toBe('answered');
    const top = result.answers[0]!;
    expect(top.span?.text).toBe('dear friend');
    const text = fs.readFileSync(`${corpusDir}/${top.citation.article}`, 'utf8');
    expect(text.slice(top.citation.start, top.citation.end)).toBe(top.sentence);
  });

  it('summarises a topic from the shared store', async () => {
    const summary = await engine.summarize({ topic: 'the military parade' });
    expect(summary.kind).toBe('topic');
    expect(JSON.stringify(summary).toLowerCase()).toContain('parade');
  });

  it('a second process on the same database serves at once, embedding nothing', async () => {
    const second = createEngine(parseConfig({ ...env, INDEX_DIR: await tempDir('verbatim-index-') }));
    try {
      const report = await second.warmUp();
      expect(report.ingest).toMatchObject({ added: 0, changed: 0, removed: 0, unchanged: 5, embedded: 0 });
      expect((await second.ask('What did Putin call Xi?')).answers[0]!.sentence).toBe((await engine.ask('What did Putin call Xi?')).answers[0]!.sentence);
    } finally {
      await second.close();
    }
  });

  it('a serve-only engine (a shard) opens the committed index without the corpus, refuses to ingest, and reloads what another process committed', async () => {
    // A corpus folder that does not exist: a serve-only engine must never read it.
    const shard = createEngine(parseConfig({ ...env, CORPUS_DIR: '/nonexistent/verbatim-corpus', INDEX_DIR: await tempDir('verbatim-index-') }), { serveOnly: true });
    try {
      const report = await shard.warmUp();
      expect(report.ingest).toBeNull();
      expect(report.stats.articles).toBe(5);
      await expect(shard.ingest()).rejects.toMatchObject({ code: 'INDEX_SERVE_ONLY' });
      fs.writeFileSync(`${corpusDir}/200_ferry.txt`, 'Kettle Island ferry to sail again\n\nThe Kettle Island ferry will resume sailings on 3 April after repairs to its engine.\n');
      await engine.ingest();
      expect((await shard.stats()).articles).toBe(5);
      expect((await shard.reload()).articles).toBe(6);
      expect((await shard.articles({ query: 'kettle' })).total).toBe(1);
    } finally {
      await shard.close();
    }
  });
});
