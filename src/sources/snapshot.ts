/**
 * Snapshot files: one markdown file per fetched article in `<corpus>/web/<host>/`, YAML front matter with the
 * title, publisher, date and address (read by the existing markdown reader), then the extracted paragraphs. The
 * name comes from the page address only (a readable slug plus a hash), so a refresh rewrites the same file and an
 * edit upstream becomes a changed article. Quotes are slices of this file, so the bot answers offline from it.
 */
import { readFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { writeFileAtomic } from '../index/atomic-file.js';

export const SNAPSHOT_FOLDER = 'web';

/** `web/<host>/<slug>-<hash>.md`, relative to the corpus folder with '/' separators. */
export function snapshotName(pageUrl: string): string {
  const url = new URL(pageUrl);
  const host = url.hostname.replace(/^www\./, '').replace(/[^a-z0-9.-]/gi, '_') || 'site';
  const last = url.pathname.split('/').filter(Boolean).pop() ?? 'index';
  const slug = last.replace(/\.[a-z0-9]{1,5}$/i, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'index';
  const hash = createHash('sha256').update(pageUrl).digest('hex').slice(0, 10);
  return `${SNAPSHOT_FOLDER}/${host}/${slug}-${hash}.md`;
}

/** Writes the snapshot unless the file already holds exactly this text; says which happened. */
export async function writeSnapshot(corpusDir: string, relative: string, content: string): Promise<'added' | 'changed' | 'unchanged'> {
  const file = path.join(corpusDir, ...relative.split('/'));
  const before = await readFile(file, 'utf8').catch(() => null);
  if (before === content) return 'unchanged';
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, content);
  return before === null ? 'added' : 'changed';
}
