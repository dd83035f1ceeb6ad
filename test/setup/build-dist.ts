/**
 * Vitest global setup: the tests that run the `verbatim` bin, `npm start` or worker threads run the compiled
 * JavaScript in dist/, as users do. When any file under src/ is newer than the last build (or there is none), the
 * build runs once here, so a test never exercises stale JavaScript after an edit.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function distIsStale(): boolean {
  const built = (() => {
    try {
      return statSync(path.join(root, 'dist', '.build-stamp')).mtimeMs;
    } catch {
      return -1;
    }
  })();
  return built < newestMtime(path.join(root, 'src')) || built < statSync(path.join(root, 'tsconfig.build.json')).mtimeMs;
}

export default function setup(): void {
  if (!distIsStale()) return;
  process.stderr.write('dist/ is older than src/: building it (npm run build)\n');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.js')], { stdio: 'inherit' });
}
