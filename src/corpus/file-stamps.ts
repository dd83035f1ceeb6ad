/**
 * Freshness by file stamp: which corpus files are unchanged since they were last read, told from their size,
 * modification and change times and inode, so a start over an unchanged corpus reads and hashes no file (the content
 * hash check stays for every file whose stamp differs). Kept beside the index as `corpus-stamps.json`: a cache, never
 * the truth — a missing, unreadable or foreign stamps file only means every file is read and hashed, as before.
 *
 * Racy edits: a file changed twice within one timestamp tick, at the same size, would keep its stamp. Files are
 * therefore stamped only once their mtime is at least RACY_MS older than the moment they were read (git's rule for its
 * index); younger ones are hashed again on the next start.
 */
import { readFile } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { writeFileAtomic } from '../index/atomic-file.js';

export const STAMPS_FILE = 'corpus-stamps.json';
const FORMAT = 'verbatim-corpus-stamps-1';
const RACY_MS = 2_000;

export type FileStat = Pick<Stats, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>;

/** The articles one file held when it was read: [id, content hash] each. */
export type FileArticles = Array<[id: string, contentHash: string]>;

interface Stamp extends FileStat {
  articles: FileArticles;
}

export class FileStamps {
  private changed = false;
  private readonly seen = new Set<string>();

  private constructor(
    private readonly file: string,
    private readonly scope: { corpusDir: string; maxArticleBytes: number },
    private readonly files: Map<string, Stamp>,
  ) {}

  /** The stamps recorded for this corpus folder and size limit (none when the file is missing, damaged or for another). */
  static async read(file: string, scope: { corpusDir: string; maxArticleBytes: number }): Promise<FileStamps> {
    let stamps = new Map<string, Stamp>();
    try {
      const body = JSON.parse(await readFile(file, 'utf8')) as { format?: unknown; corpusDir?: unknown; maxArticleBytes?: unknown; files?: unknown };
      if (body.format === FORMAT && body.corpusDir === scope.corpusDir && body.maxArticleBytes === scope.maxArticleBytes && typeof body.files === 'object' && body.files !== null) {
        stamps = new Map(Object.entries(body.files as Record<string, unknown>).filter((entry): entry is [string, Stamp] => isStamp(entry[1])));
      }
    } catch {
      // Missing or damaged: every file is read and hashed, and the stamps are written afresh.
    }
    return new FileStamps(file, scope, stamps);
  }

  /** The articles `relative` held when it was stamped, if its stat still matches the stamp; else undefined. */
  unchanged(relative: string, stat: FileStat): FileArticles | undefined {
    this.seen.add(relative);
    const stamp = this.files.get(relative);
    if (!stamp || stamp.size !== stat.size || stamp.mtimeMs !== stat.mtimeMs || stamp.ctimeMs !== stat.ctimeMs || stamp.ino !== stat.ino) return undefined;
    return stamp.articles;
  }

  /** Records a file that was read whole without problems; `stat` was taken before reading it. */
  record(relative: string, stat: FileStat, articles: FileArticles, readAt = Date.now()): void {
    this.seen.add(relative);
    if (readAt - stat.mtimeMs < RACY_MS) {
      this.changed ||= this.files.delete(relative);
      return;
    }
    this.files.set(relative, { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino, articles });
    this.changed = true;
  }

  /** Drops a file's stamp (it could not be used: a problem, or its articles are not indexed as stamped). */
  forget(relative: string): void {
    this.seen.add(relative);
    this.changed ||= this.files.delete(relative);
  }

  /** Writes the stamps (atomically) when anything changed; files not seen in this load are dropped. Never throws. */
  async save(): Promise<void> {
    for (const relative of this.files.keys()) {
      if (!this.seen.has(relative)) {
        this.files.delete(relative);
        this.changed = true;
      }
    }
    if (!this.changed) return;
    const body = { format: FORMAT, ...this.scope, files: Object.fromEntries(this.files) };
    // A read-only index folder only costs the next start its hashing.
    await writeFileAtomic(this.file, JSON.stringify(body)).catch(() => {});
    this.changed = false;
  }
}

function isStamp(value: unknown): value is Stamp {
  const stamp = value as Partial<Stamp> | null;
  return (
    typeof stamp === 'object' && stamp !== null &&
    [stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino].every((n) => typeof n === 'number') &&
    Array.isArray(stamp.articles) &&
    stamp.articles.every((pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'string')
  );
}
