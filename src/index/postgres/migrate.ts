/**
 * Brings the schema up to date at start-up: each pending migration in its own transaction, recorded in
 * `verbatim_migrations`. Processes starting together (shards) take an advisory lock, so exactly one applies them.
 */
import type pg from 'pg';
import { VerbatimError } from '../../errors.js';
import { MIGRATIONS, type Migration } from './migrations.js';

/** Advisory lock keys (arbitrary, fixed): one for migrations, one for ingests. */
export const LOCK_KEYS = { migrate: 0x76627431, ingest: 0x76627432 } as const;

export async function migrate(pool: pg.Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<{ applied: number[] }> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEYS.migrate]);
    try {
      await ensureVectorExtension(client);
      await client.query('CREATE TABLE IF NOT EXISTS verbatim_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
      const done = new Set((await client.query<{ version: number }>('SELECT version FROM verbatim_migrations')).rows.map((r) => r.version));
      const newest = Math.max(0, ...done);
      const known = Math.max(0, ...migrations.map((m) => m.version));
      if (newest > known) {
        throw new VerbatimError('STORE_MIGRATION_FAILED', `The database schema is at version ${newest}, newer than this verbatim knows (${known}).`, {
          hint: 'Upgrade verbatim to the version that wrote this database, or point DATABASE_URL at another database.',
        });
      }
      const applied: number[] = [];
      for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
        if (done.has(migration.version)) continue;
        await applyOne(client, migration);
        applied.push(migration.version);
      }
      return { applied };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEYS.migrate]).catch(() => {});
    }
  } finally {
    client.release();
  }
}

async function ensureVectorExtension(client: pg.PoolClient): Promise<void> {
  const available = await client.query('SELECT 1 FROM pg_available_extensions WHERE name = $1', ['vector']);
  if (available.rowCount === 0) {
    throw new VerbatimError('STORE_EXTENSION_MISSING', 'The PostgreSQL server has no pgvector extension (vector) installed.');
  }
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS vector');
  } catch (error) {
    throw new VerbatimError('STORE_EXTENSION_MISSING', `pgvector is installed but cannot be enabled in this database: ${(error as Error).message}.`, { cause: error });
  }
}

async function applyOne(client: pg.PoolClient, migration: Migration): Promise<void> {
  try {
    await client.query('BEGIN');
    await client.query(migration.sql);
    await client.query('INSERT INTO verbatim_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw new VerbatimError('STORE_MIGRATION_FAILED', `Migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}.`, { cause: error });
  }
}
