/**
 * A real, throwaway PostgreSQL cluster on loopback for tests and benchmarks (bench:store starts one too), started as
 * ../shared/docs/postgres-pgvector.md describes: initdb + pg_ctl (through runuser when running as root, since
 * PostgreSQL refuses to run as root) in a temp folder, on a free 127.0.0.1 port, trust authentication, fsync off.
 * Suites skip (printing why) only when the binaries or pgvector are absent (`postgresMissing`); a server that is
 * installed but fails to start fails the suite. `.ci/install-postgres` installs both.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface ThrowawayPostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** A new, empty database on the cluster; returns its URL. */
  createDatabase(name?: string): Promise<string>;
  stop(): Promise<void>;
}

interface Binaries {
  bindir: string;
  sharedir: string;
}

function findBinaries(): Binaries | string {
  let out: string;
  try {
    out = execFileSync('pg_config', ['--bindir', '--sharedir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return 'pg_config is not on PATH (PostgreSQL is not installed; run .ci/install-postgres as root)';
  }
  const [bindir, sharedir] = out.trim().split('\n') as [string, string];
  if (!existsSync(path.join(bindir, 'initdb'))) return `no initdb in ${bindir} (the PostgreSQL server is not installed; run .ci/install-postgres as root)`;
  if (!existsSync(path.join(sharedir, 'extension', 'vector.control'))) return `pgvector is not installed in ${sharedir}/extension (run .ci/install-postgres as root)`;
  return { bindir, sharedir };
}

/** Why PostgreSQL tests cannot run here (printed once), or null when the binaries and pgvector are installed. */
export function postgresMissing(): string | null {
  const found = findBinaries();
  if (typeof found !== 'string') return null;
  console.warn(`\n[PostgreSQL tests SKIPPED] ${found}\n`);
  return found;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts a cluster; throws when the binaries are missing or the server does not start. */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const found = findBinaries();
  if (typeof found === 'string') throw new Error(found);
  const asRoot = process.getuid?.() === 0;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'verbatim-pg-'));
  if (asRoot) await chown(dir, ...(await postgresIds()));
  // Run from a folder the postgres user can enter (else a harmless "could not change directory" warning).
  const as = (bin: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(found.bindir, bin), ...args], { cwd: dir }) : run(path.join(found.bindir, bin), args, { cwd: dir });
  const data = path.join(dir, 'data');
  try {
    await as('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
    let port = 0;
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      try {
        await as('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '30', '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=60`, 'start']);
        break;
      } catch (error) {
        // Another process may have taken the port between our probe and the server's bind: try another.
        if (attempt >= 2) throw error;
      }
    }
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    let databases = 0;
    return {
      url,
      port,
      async createDatabase(name = `verbatim_test_${++databases}`) {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(`CREATE DATABASE ${name}`);
        } finally {
          await client.end();
        }
        return `postgres://postgres@127.0.0.1:${port}/${name}`;
      },
      async stop() {
        await as('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => {});
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
    await rm(dir, { recursive: true, force: true });
    const e = error as { stderr?: string; message: string };
    throw new Error(`PostgreSQL could not be started: ${(e.stderr || e.message).trim().split('\n').slice(-3).join(' ')}`, { cause: error });
  }
}

async function postgresIds(): Promise<[number, number]> {
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return [Number(uid.trim()), Number(gid.trim())];
}
