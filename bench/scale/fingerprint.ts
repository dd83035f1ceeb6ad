/**
 * A fingerprint of everything a scale index depends on (the index and corpus code, the generated-corpus code, the
 * locked package versions): a cached index is reused only while it matches the code that would build it now.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

const INPUTS = ['src/index', 'src/corpus', 'src/embedding', 'bench/scale/copies.ts', 'bench/scale/perturb.ts', 'bench/scale/plan.ts', 'bench/scale/replay-embedder.ts', 'bench/lib/bbc.ts', 'package-lock.json'];

export async function indexFingerprint(repoRoot: string): Promise<string> {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    for (const file of await filesUnder(path.join(repoRoot, input))) {
      hash.update(path.relative(repoRoot, file)).update('\0').update(await readFile(file)).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 12);
}

async function filesUnder(target: string): Promise<string[]> {
  const entries = await readdir(target, { withFileTypes: true }).catch(() => null);
  if (entries === null) return [target];
  const nested = await Promise.all(
    entries.sort((a, b) => a.name.localeCompare(b.name)).map((entry) => (entry.isDirectory() ? filesUnder(path.join(target, entry.name)) : [path.join(target, entry.name)])),
  );
  return nested.flat();
}
