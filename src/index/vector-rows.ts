/**
 * Sentence vectors read from their files when asked for, not at open: at 100k passages the files hold ~400 MB, and
 * a question needs the rows of a few dozen articles. Each file stays open (a descriptor per file) so a writer that
 * commits a newer generation and deletes these files cannot pull them from under a reader; rows read are kept in a
 * small LRU. Rows set by an ingest (not on disk yet) are held in memory until the next generation is opened.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { VerbatimError } from '../errors.js';
import { LruCache } from '../lru.js';
import type { FileEntry, ManifestArticle } from './manifest.js';

/** What the index needs of its sentence vectors: each article's rows, one of `dimension` floats per sentence. */
export interface SentenceVectorRows {
  get(articleId: string): Float32Array | undefined;
  set(articleId: string, rows: Float32Array): void;
  delete(articleId: string): void;
}

/** Articles whose rows stay cached (~40 KB each at 512-d): the candidates of many questions. */
const CACHED_ARTICLES = 2_048;

/** Closes the descriptors of readers nobody holds any more (an index replaced by a newer generation). */
const unreachable = new FinalizationRegistry<number[]>((descriptors) => {
  for (const fd of descriptors) {
    try {
      closeSync(fd);
    } catch {
      // Already closed by close().
    }
  }
});

export class OnDiskSentenceVectors implements SentenceVectorRows {
  private readonly added = new Map<string, Float32Array>();
  private readonly removed = new Set<string>();
  private readonly cache = new LruCache<string, Float32Array>(CACHED_ARTICLES);
  private readonly descriptors: number[];
  private closed = false;

  private constructor(
    private readonly dir: string,
    private readonly dimension: number,
    private readonly locations: ReadonlyMap<string, { fd: number; file: string; row: number; sentences: number }>,
    descriptors: number[],
  ) {
    this.descriptors = descriptors;
    unreachable.register(this, descriptors, this);
  }

  /**
   * Opens the files a manifest lists; throws INDEX_CORRUPT when one is missing or not the size the manifest says, or
   * when an article's rows lie outside its file (contents are checked by checksum elsewhere, see store.ts).
   */
  static open(dir: string, files: readonly FileEntry[], articles: Readonly<Record<string, ManifestArticle>>, dimension: number): OnDiskSentenceVectors {
    const descriptors: number[] = [];
    const opened = new Map<string, { fd: number; rows: number }>();
    try {
      for (const entry of files) {
        const file = path.join(dir, entry.name);
        let fd: number;
        try {
          fd = openSync(file, 'r');
        } catch (error) {
          throw new VerbatimError('INDEX_CORRUPT', `The index file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
        }
        descriptors.push(fd);
        const size = fstatSync(fd).size;
        if (size !== entry.bytes) throw new VerbatimError('INDEX_CORRUPT', `The index file ${file} is ${size} bytes; the manifest says ${entry.bytes} (truncated or overwritten).`);
        opened.set(entry.name, { fd, rows: size / (4 * dimension) });
      }
      const locations = new Map<string, { fd: number; file: string; row: number; sentences: number }>();
      for (const [id, entry] of Object.entries(articles)) {
        if (entry.vectors === null) {
          if (entry.sentences > 0) throw inconsistent(dir, `article ${id} has sentences but no vectors`);
          locations.set(id, { fd: -1, file: '', row: 0, sentences: 0 });
          continue;
        }
        const file = opened.get(entry.vectors.file);
        if (!file || entry.vectors.row + entry.sentences > file.rows) throw inconsistent(dir, `the vectors of article ${id} lie outside ${entry.vectors.file}`);
        locations.set(id, { fd: file.fd, file: entry.vectors.file, row: entry.vectors.row, sentences: entry.sentences });
      }
      return new OnDiskSentenceVectors(dir, dimension, locations, descriptors);
    } catch (error) {
      for (const fd of descriptors) closeSync(fd);
      throw error;
    }
  }

  get(articleId: string): Float32Array | undefined {
    const added = this.added.get(articleId);
    if (added) return added;
    if (this.removed.has(articleId)) return undefined;
    const cached = this.cache.get(articleId);
    if (cached) return cached;
    const location = this.locations.get(articleId);
    if (!location || this.closed) return undefined;
    const rows = new Float32Array(location.sentences * this.dimension);
    if (rows.length > 0) {
      const bytes = new Uint8Array(rows.buffer);
      const read = readSync(location.fd, bytes, 0, bytes.length, location.row * this.dimension * 4);
      if (read !== bytes.length) {
        throw new VerbatimError('INDEX_CORRUPT', `The index file ${path.join(this.dir, location.file)} ended early while its vectors were read.`);
      }
    }
    this.cache.set(articleId, rows);
    return rows;
  }

  set(articleId: string, rows: Float32Array): void {
    this.added.set(articleId, rows);
    this.removed.delete(articleId);
  }

  delete(articleId: string): void {
    this.added.delete(articleId);
    this.removed.add(articleId);
  }

  /** Closes the files (once every reader of this generation is done: the engine's close, a test). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    unreachable.unregister(this);
    for (const fd of this.descriptors) closeSync(fd);
    this.descriptors.length = 0;
  }
}

function inconsistent(dir: string, reason: string): VerbatimError {
  return new VerbatimError('INDEX_CORRUPT', `The index in ${dir} is inconsistent: ${reason}.`);
}
