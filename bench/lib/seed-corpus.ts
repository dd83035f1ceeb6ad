/** Copies the five seed articles into a fresh temp folder (tests never write into the repo). */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SEEDS_DIR = path.join(REPO_ROOT, 'seeds');
export const SEED_QA_FILE = path.resolve(REPO_ROOT, '../shared/data/seed-qa/seed-qa.dev.jsonl');

export async function tempDir(prefix = 'verbatim-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

/** Copies the seeds (or only the named ones) into a fresh temp folder. */
export async function copySeeds(only?: readonly string[]): Promise<string> {
  const dir = await tempDir('verbatim-corpus-');
  for (const file of only ?? (await fs.readdir(SEEDS_DIR))) await fs.copyFile(path.join(SEEDS_DIR, file), path.join(dir, file));
  return dir;
}
