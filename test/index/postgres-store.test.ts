/**
 * What only the PostgreSQL store promises, on a real throwaway server: versioned migrations, coded errors for an
 * unreachable server, a crash mid-write leaving the previous generation queryable, and ingests serialised by the
 * database. Skipped (reason printed) only when PostgreSQL or pgvector is not installed.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/types.js';
import type { Embedder } from '../../src/embedding/embedder.js';
import { MIGRATIONS } from '../../src/index/postgres/migrations.js';
import { migrate } from '../../src/index/postgres/migrate.js';
import { postgresStore } from '../../src/index/postgres/pg-store.js';
import { connectPool } from '../../src/index/postgres/connect.js';
import { HashEmbedderTestDouble } from '../../bench/lib/hash-embedder.js';
import { freePort, postgresMissing, startThrowawayPostgres, type ThrowawayPostgres } from '../../bench/lib/postgres-cluster.js';
import { ARTICLES, testEmbedder } from './index-fixture.js';
import { makeArticle, windowPassages } from './make-article.js';

const missing = postgresMissing();

const params = (articles: Article[], embedder: Embedder = testEmbedder()) => ({ embedder, articles, buildPassages: (a: Article) => windowPassages(a) });

describe('STORE_UNREACHABLE', () => {
  it('names the server, hides the password and hints at DATABASE_URL when nothing listens', async () => {
    const port = await freePort();
    const store = postgresStore(`postgres://verbatim:s3cret@127.0.0.1:${port}/verbatim`);
    const error = await store.open(testEmbedder().info).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'STORE_UNREACHABLE' });
    expect((error as Error).message).toContain(`127.0.0.1:${port}`);
    expect((error as Error).message).not.toContain('s3cret');
    expect((error as { hint: string }).hint).toContain('DATABASE_URL');
  });
});

describe.skipIf(missing !== null)(missing ? `PostgreSQL store: skipped: ${missing}` : 'PostgreSQL store on a real server', () => {
  let cluster: ThrowawayPostgres;
  beforeAll(async () => {
    cluster = await startThrowawayPostgres();
  });
  afterAll(() => cluster?.stop());

  it('applies each migration once, records it, and refuses a schema newer than it knows', async () => {
    const url = await cluster.createDatabase();
    const pool = await connectPool(url);
    try {
      expect(await migrate(pool)).toEqual({ applied: MIGRATIONS.map((m) => m.version) });
      expect(await migrate(pool)).toEqual({ applied: [] });
      const { rows } = await pool.query('SELECT version FROM verbatim_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      await pool.query("INSERT INTO verbatim_migrations (version, name) VALUES (999, 'from the future')");
      await expect(migrate(pool)).rejects.toMatchObject({ code: 'STORE_MIGRATION_FAILED' });
    } finally {
      await pool.end();
    }
  });

  it('migrates once when several processes start together', async () => {
    const url = await cluster.createDatabase();
    const pools = await Promise.all([1, 2, 3].map(() => connectPool(url)));
    try {
      const results = await Promise.all(pools.map((pool) => migrate(pool)));
      expect(results.map((r) => r.applied.length).sort()).toEqual([0, 0, MIGRATIONS.length]);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });

  it('reports a rebuild for another embedder', async () => {
    const url = await cluster.createDatabase();
    const store = postgresStore(url);
    try {
      await store.ingest(params(ARTICLES));
      const { report } = await store.ingest(params(ARTICLES, new HashEmbedderTestDouble(48)));
      expect(report.rebuilt?.code).toBe('INDEX_MODEL_MISMATCH');
      const rebuilt = await store.ingest({ ...params(ARTICLES, new HashEmbedderTestDouble(48)), rebuild: true });
      expect(rebuilt.report).toMatchObject({ rebuilt: { code: 'REBUILD_REQUESTED' }, added: 3 });
    } finally {
      await store.close();
    }
  });

  it('leaves the previous generation committed and queryable when the writing connection dies mid-ingest', async () => {
    const url = await cluster.createDatabase();
    const store = postgresStore(url);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await store.ingest(params(ARTICLES));
      const before = await store.open(testEmbedder().info);
      const edited = [makeArticle('parade.txt', ['A new parade text about zeppelins.']), ARTICLES[1]!, makeArticle('new.txt', ['Brand new story.'])];
      let killed = 0;
      const crash = store.ingest({
        ...params(edited),
        // The first batch is written inside the transaction: kill the writer's server process right there.
        onProgress: async (p) => {
          if (p.phase !== 'saving' || p.done === 0 || killed) return;
          const { rows } = await admin.query("SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = 'verbatim-ingest'");
          killed = rows.length;
        },
      });
      await expect(crash).rejects.toThrow();
      expect(killed).toBe(1);
      const after = await postgresStore(url).open(testEmbedder().info);
      expect(after.counts).toEqual(before.counts);
      expect(after.articles.get('parade.txt')!.text).toBe(ARTICLES[0]!.text);
      expect(after.articles.has('new.txt')).toBe(false);
      expect(await after.search.lexical('zeppelins', 5)).toEqual([]);
      // The store recovers: the next ingest commits the new generation.
      const { report } = await store.ingest(params(edited));
      expect(report).toMatchObject({ added: 1, changed: 1, removed: 1, unchanged: 1 });
    } finally {
      await admin.end();
      await store.close();
    }
  });

  it('serialises two ingests at once with an advisory lock: the second reads what the first committed', async () => {
    const url = await cluster.createDatabase();
    const first = postgresStore(url);
    const second = postgresStore(url);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = new HashEmbedderTestDouble(32);
    const inner = slow.embed.bind(slow);
    const events: string[] = [];
    slow.embed = async (texts, options) => {
      events.push('first embeds');
      await gate;
      return inner(texts, options);
    };
    const fast = testEmbedder();
    const fastInner = fast.embed.bind(fast);
    fast.embed = async (texts, options) => {
      events.push('second embeds');
      return fastInner(texts, options);
    };
    try {
      const one = first.ingest(params(ARTICLES, slow));
      while (!events.includes('first embeds')) await new Promise((r) => setTimeout(r, 10));
      const two = second.ingest(params([...ARTICLES, makeArticle('late.txt', ['A late story.'])], fast));
      await new Promise((r) => setTimeout(r, 300));
      expect(events).toEqual(['first embeds']); // the second waits on the lock, not embedding meanwhile
      release();
      const [a, b] = await Promise.all([one, two]);
      expect(a.report).toMatchObject({ added: 3 });
      // The second saw the first's commit: it embedded only the article the first did not have.
      expect(b.report).toMatchObject({ added: 1, unchanged: 3, embedded: 1 });
      expect(events).toEqual(['first embeds', 'second embeds']);
    } finally {
      release();
      await Promise.all([first.close(), second.close()]);
    }
  });
});
