/**
 * The compiled dist/ that the bin, `npm start` and the cold-start child run: built again when any file under src/ is
 * newer than the last build (dist/.build-stamp, written by scripts/build.js). Used by the benchmark before it spawns
 * compiled code, and by the tests' global setup.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function distIsStale(root: string): boolean {
  let built: number;
  try {
    built = statSync(path.join(root, 'dist', '.build-stamp')).mtimeMs;
  } catch {
    return true;
  }
  return built < newestMtime(path.join(root, 'src')) || built < statSync(path.join(root, 'tsconfig.build.json')).mtimeMs;
}

/** Builds dist/ (`npm run build`) unless it is up to date; `log` hears when it does. */
export function ensureBuilt(root: string, log: (line: string) => void = () => {}): void {
  if (!distIsStale(root)) return;
  log('dist/ is older than src/: building it (npm run build)');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.js')], { stdio: 'inherit' });
}
