/**
 * Vitest global setup: the tests that run the `verbatim` bin, `npm start` or `verbatim serve` run the compiled
 * JavaScript in dist/, as users do. When any file under src/ is newer than the last build (or there is none), the
 * build runs once here, so a test never exercises stale JavaScript after an edit.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from '../../bench/lib/dist-build.js';

export default function setup(): void {
  ensureBuilt(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'), (line) => process.stderr.write(`${line}\n`));
}
