/** Writes a generated corpus as one JSONL file the engine reads like a user's; untouched when already identical. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface CorpusRecord {
  id: string;
  title: string;
  text: string;
}

/** Returns true when the file was (re)written. */
export async function writeJsonlCorpus(corpusDir: string, fileName: string, records: readonly CorpusRecord[]): Promise<boolean> {
  await mkdir(corpusDir, { recursive: true });
  const file = path.join(corpusDir, fileName);
  const body = records.map((r) => JSON.stringify({ id: r.id, title: r.title, text: r.text })).join('\n') + '\n';
  const existing = await readFile(file, 'utf8').catch(() => null);
  if (existing === body) return false;
  await writeFile(file, body);
  return true;
}
