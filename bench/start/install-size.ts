/**
 * The production install's size, from a lockfile and the packages on disk: every package the lockfile does not mark
 * `dev` (what `npm ci --omit=dev` installs on this platform), each counted once without its own nested node_modules
 * (those are lockfile entries of their own). Optional packages for other platforms are not on disk and count nothing.
 * `installRoot` is the folder holding node_modules/; pass another checkout's lockfile to size its production install from
 * the packages installed here.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export interface InstallSize {
  packages: number;
  bytes: number;
  /** The largest packages, for the notes: name and bytes. */
  largest: Array<{ name: string; bytes: number }>;
}

interface LockEntry {
  dev?: boolean;
}

export async function productionInstallSize(lockfile: string, installRoot: string): Promise<InstallSize> {
  const lock = JSON.parse(await readFile(lockfile, 'utf8')) as { packages?: Record<string, LockEntry> };
  const sizes: Array<{ name: string; bytes: number }> = [];
  for (const [key, entry] of Object.entries(lock.packages ?? {})) {
    if (!key.startsWith('node_modules/') || entry.dev) continue;
    const bytes = await bytesWithoutNested(path.join(installRoot, key));
    if (bytes !== null) sizes.push({ name: key.slice('node_modules/'.length), bytes });
  }
  sizes.sort((a, b) => b.bytes - a.bytes);
  return { packages: sizes.length, bytes: sizes.reduce((sum, s) => sum + s.bytes, 0), largest: sizes.slice(0, 8) };
}

/** Apparent bytes of the files under `dir`, leaving out nested node_modules; null when `dir` is not installed. */
async function bytesWithoutNested(dir: string): Promise<number | null> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return null;
  }
  let total = 0;
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') total += (await bytesWithoutNested(full)) ?? 0;
    } else if (entry.isFile()) {
      total += (await stat(full)).size;
    }
  }
  return total;
}
