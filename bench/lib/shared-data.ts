/** Where the shared data sets live: `../shared/data` beside the repo (never copied into it). */
import fs from 'node:fs';
import path from 'node:path';

export function sharedDataDir(): string {
  const dir = path.resolve(process.env.SHARED_DATA_DIR ?? '../shared/data');
  if (!fs.existsSync(dir)) throw new Error(`Shared data not found at ${dir}: clone the repo beside shared/ or set SHARED_DATA_DIR.`);
  return dir;
}

export function readJsonl<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}
