/** One writer per index folder: a lock file naming its owner's pid; a lock left by a dead process is taken over. */
import { hostname } from 'node:os';
import path from 'node:path';
import { link, readFile, rm, writeFile } from 'node:fs/promises';
import { VerbatimError } from '../errors.js';
import { temporaryPathFor } from './atomic-file.js';

export const LOCK_FILE = 'write.lock';

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

/** Takes the folder's write lock or throws INDEX_LOCKED; returns the function that releases it. */
export async function acquireWriteLock(dir: string): Promise<() => Promise<void>> {
  const file = path.join(dir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await createWithContent(file, JSON.stringify(me))) return () => rm(file, { force: true });
    const seen = await readFile(file, 'utf8').catch(() => null);
    if (seen === null) continue; // released meanwhile
    const owner = parseOwner(seen);
    if (owner && isAlive(owner)) {
      throw new VerbatimError('INDEX_LOCKED', `Another verbatim process (pid ${owner.pid} on ${owner.host}) has been writing ${dir} since ${owner.since}.`);
    }
    // Dead or unreadable owner: remove its lock, unless it changed since we looked (a live process just took it).
    if ((await readFile(file, 'utf8').catch(() => null)) === seen) await rm(file, { force: true });
  }
  throw new VerbatimError('INDEX_LOCKED', `Could not take the write lock on ${dir}; another process keeps taking it.`);
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
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temporary, { force: true });
  }
}

function isAlive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true; // cannot check another machine's processes, so never steal its lock
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
