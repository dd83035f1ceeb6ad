/**
 * The PostgreSQL store behind the IndexStore port: connects and migrates on first use (so building the engine stays
 * free of I/O), ingests transactionally under an advisory lock, and opens the committed generation.
 */
import type pg from 'pg';
import type { IndexStore } from '../index-store.js';
import { connectPool, redactUrl } from './connect.js';
import { migrate } from './migrate.js';
import { openPgIndex } from './pg-read.js';
import { ingestIntoPg } from './pg-write.js';

export function postgresStore(databaseUrl: string, options: { applicationName?: string } = {}): IndexStore & { generation(): Promise<number | null> } {
  const location = redactUrl(databaseUrl);
  let ready: Promise<pg.Pool> | null = null;
  const pool = (): Promise<pg.Pool> => {
    ready ??= (async () => {
      const made = await connectPool(databaseUrl, options);
      try {
        await migrate(made);
      } catch (error) {
        await made.end().catch(() => {});
        throw error;
      }
      return made;
    })();
    ready.catch(() => {
      ready = null;
    });
    return ready;
  };
  return {
    kind: 'postgres',
    async open(info) {
      return openPgIndex(await pool(), info, location);
    },
    async ingest(params) {
      const db = await pool();
      const result = await ingestIntoPg(db, params);
      const index = await openPgIndex(db, params.embedder.info, location);
      return {
        index,
        report: { indexDir: location, articles: index.counts.articles, passages: index.counts.passages, sentences: index.counts.sentences, ...result },
      };
    },
    async bytes() {
      const { rows } = await (await pool()).query<{ bytes: string }>(
        "SELECT sum(pg_total_relation_size(c))::bigint AS bytes FROM unnest(ARRAY['articles', 'sentences', 'passages']::regclass[]) AS c",
      );
      return Number(rows[0]?.bytes ?? 0);
    },
    /** The committed generation, so a serving process can tell when another one ingested. */
    async generation() {
      const { rows } = await (await pool()).query<{ generation: string }>('SELECT generation FROM store_meta');
      return rows[0] ? Number(rows[0].generation) : null;
    },
    async committed() {
      return this.generation();
    },
    async close() {
      const made = ready ? await ready.catch(() => null) : null;
      ready = null;
      await made?.end();
    },
  };
}
