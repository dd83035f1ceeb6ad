/**
 * One writer per index folder: a lock file naming its owner (pid, host) whose modification time is a heartbeat,
 * refreshed while the owner works. A lock whose owner is gone, or whose heartbeat is older than STALE_AFTER_MS (a
 * reused pid, a recreated container on another host), is taken over with a notice. SIGINT/SIGTERM and exit release it.
 */
import { rmSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { link, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { VerbatimError } from '../errors.js';
import { temporaryPathFor } from './atomic-file.js';

export const LOCK_FILE = 'write.lock';
/** How often a held lock's heartbeat is refreshed. */
export const HEARTBEAT_MS = 5_000;
/** A lock not refreshed for this long belongs to no live writer, whatever its pid says (generous: a big synchronous HNSW build can hold the event loop for a while). */
export const STALE_AFTER_MS = 10 * 60_000;

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

export interface WriteLockOptions {
  /** Told when a stale lock is taken over (the message names its owner and why it was stale). */
  onTakeOver?: ((message: string) => void) | undefined;
  /** Test seam: the heartbeat age after which a lock is stale. */
  staleAfterMs?: number;
}

/** Lock files this process holds: removed synchronously on exit and on SIGINT/SIGTERM. */
const held = new Set<string>();

/** Takes the folder's write lock or throws INDEX_LOCKED; returns the function that releases it. */
export async function acquireWriteLock(dir: string, options: WriteLockOptions = {}): Promise<() => Promise<void>> {
  const file = path.join(dir, LOCK_FILE);
  const staleAfter = options.staleAfterMs ?? STALE_AFTER_MS;
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  // Before the file exists: a SIGTERM the moment after it is created must still remove it.
  installReleaseOnExit();
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await createWithContent(file, JSON.stringify(me))) return holdLock(file);
    const seen = await readFile(file, 'utf8').catch(() => null);
    const info = await stat(file).catch(() => null);
    if (seen === null || info === null) continue; // released meanwhile
    const owner = parseOwner(seen);
    const age = Date.now() - info.mtimeMs;
    const stale = staleReason(owner, age, staleAfter);
    if (stale === null) {
      throw new VerbatimError(
        'INDEX_LOCKED',
        `Another verbatim process (pid ${owner!.pid} on ${owner!.host}) has been writing ${dir} since ${owner!.since} (last heartbeat ${Math.round(age / 1000)} s ago).`,
      );
    }
    // Stale: remove it, unless it changed since we looked (a live process just took it).
    if ((await readFile(file, 'utf8').catch(() => null)) === seen) {
      await rm(file, { force: true });
      options.onTakeOver?.(`Took over the write lock on ${dir}: ${stale}.`);
    }
  }
  throw new VerbatimError('INDEX_LOCKED', `Could not take the write lock on ${dir}; another process keeps taking it.`);
}

/** Why a lock is stale, or null when its owner may still be writing. */
function staleReason(owner: LockOwner | null, ageMs: number, staleAfterMs: number): string | null {
  if (owner === null) return 'the lock file was unreadable';
  const who = `pid ${owner.pid} on ${owner.host}`;
  if (ageMs > staleAfterMs) return `its owner (${who}) had not refreshed it for ${Math.round(ageMs / 1000)} s`;
  if (owner.host === hostname() && !isAlive(owner.pid)) return `its owner (${who}) is no longer running`;
  return null;
}

function holdLock(file: string): () => Promise<void> {
  held.add(file);
  installReleaseOnExit();
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(file, now, now).catch(() => {});
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return async () => {
    clearInterval(heartbeat);
    held.delete(file);
    await rm(file, { force: true });
  };
}

let installed = false;
/**
 * Exit (including process.exit from a signal handler elsewhere) removes held locks. For SIGINT/SIGTERM, a handler is
 * added only when nobody else handles the signal (then the default would kill us without running 'exit').
 */
function installReleaseOnExit(): void {
  if (installed) return;
  installed = true;
  const releaseAll = (): void => {
    for (const file of held) rmSync(file, { force: true });
    held.clear();
  };
  process.on('exit', releaseAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const onSignal = (): void => {
      releaseAll();
      // Only our handler: behave as the default would, after releasing.
      if (process.listenerCount(signal) === 1) process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
    };
    process.on(signal, onSignal);
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    return typeof value.pid === 'number' && typeof value.host === 'string' ? { pid: value.pid, host: value.host, since: String(value.since) } : null;
  } catch {
    return null;
  }
}

/** Creates `file` holding `content` only if it does not exist; hard-linking a finished temp file means no reader ever sees it half-written. */
async function createWithContent(file: string, content: string): Promise<boolean> {
  const temporary = temporaryPathFor(file);
  await writeFile(temporary, content);
  try {
    await link(temporary, file);
    // Held from the moment it exists (in the same turn as the link), so an exit or a signal releases it.
    held.add(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temporary, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
