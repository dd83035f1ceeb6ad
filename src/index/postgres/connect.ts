/** Connecting to PostgreSQL: one pool per process, with failures turned into the error catalog's codes. */
import type pg from 'pg';
import { VerbatimError } from '../../errors.js';

/** The URL with its password replaced, fit for logs, reports and error messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured DATABASE_URL';
  }
}

/**
 * A pool on `url`, checked with one round trip so a wrong URL or a stopped server fails here with
 * STORE_UNREACHABLE rather than on the first question.
 */
export async function connectPool(url: string, options: { applicationName?: string; max?: number } = {}): Promise<pg.Pool> {
  // Loaded on first connect: a process on the files store never pays for the driver.
  const { default: driver } = await import('pg');
  const pool = new driver.Pool({
    connectionString: url,
    max: options.max ?? 4,
    application_name: options.applicationName ?? 'verbatim',
    connectionTimeoutMillis: 10_000,
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw new VerbatimError('STORE_UNREACHABLE', `PostgreSQL at ${redactUrl(url)} cannot be reached: ${(error as Error).message || String(error)}.`, { cause: error });
  }
  return pool;
}
