/**
 * Vectors already computed by one embedder, keyed by the sha256 of the text: in memory, and optionally in a file
 * (format in embedding-cache-format.ts) that is loaded on open and extended on `flush()`.
 *
 * A damaged or foreign file never stops the caller: it is ignored (or its good prefix kept) with a notice, and the
 * next flush rewrites it whole, atomically. New vectors are appended, so flushing often stays cheap.
 * One process should write a given file at a time.
 */
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { EmbedderInfo } from './embedder.js';
import { decodeCache, encodeHeader, encodeRecords, type CacheEntry, type CacheHeader } from './embedding-cache-format.js';

export interface EmbeddingCacheOptions {
  /** Where notices about an ignored or repaired file go; stderr by default. */
  log?: (notice: string) => void;
}

/** A file name per embedder id, so switching embedders never discards the other's cache. */
export function embeddingCacheFile(dir: string, info: Pick<EmbedderInfo, 'id'>): string {
  return path.join(dir, `${info.id.replace(/[^A-Za-z0-9._-]+/g, '_')}.vecache`);
}

/** Opens (or starts) the cache of `info`'s vectors; `file: null` keeps it in memory only. */
export function openEmbeddingCache(file: string | null, info: EmbedderInfo, options: EmbeddingCacheOptions = {}): Promise<EmbeddingCache> {
  return EmbeddingCache.open(file, info, options);
}

export class EmbeddingCache {
  private readonly vectors = new Map<string, Float32Array>();
  private pending: CacheEntry[] = [];
  /** Length of the file on disk when it holds exactly what was loaded or flushed; undefined means rewrite it whole. */
  private fileBytes: number | undefined;

  private constructor(
    readonly file: string | null,
    readonly header: CacheHeader,
    private readonly log: (notice: string) => void,
  ) {}

  static async open(file: string | null, info: EmbedderInfo, options: EmbeddingCacheOptions = {}): Promise<EmbeddingCache> {
    const cache = new EmbeddingCache(file, { embedderId: info.id, dimension: info.dimension }, options.log ?? ((notice) => console.warn(notice)));
    if (file !== null) await cache.load(file);
    return cache;
  }

  get size(): number {
    return this.vectors.size;
  }

  get(text: string): Float32Array | undefined {
    return this.vectors.get(keyOf(text).toString('base64'));
  }

  set(text: string, vector: Float32Array): void {
    if (vector.length !== this.header.dimension) {
      throw new RangeError(`a ${vector.length}-d vector cannot go in the ${this.header.dimension}-d cache of ${this.header.embedderId}`);
    }
    const key = keyOf(text);
    const id = key.toString('base64');
    if (this.vectors.has(id)) return;
    const copy = Float32Array.from(vector);
    this.vectors.set(id, copy);
    this.pending.push({ key, vector: copy });
  }

  /** Writes vectors added since the last flush; a failed write is reported as a notice and retried next time. */
  async flush(): Promise<void> {
    if (this.file === null) return;
    try {
      if (this.fileBytes !== undefined && this.pending.length === 0) return;
      if (this.fileBytes !== undefined && (await sizeOf(this.file)) === this.fileBytes) {
        const records = encodeRecords(this.pending, this.header.dimension);
        await appendFile(this.file, records);
        this.fileBytes += records.length;
      } else {
        await this.rewrite(this.file);
      }
      this.pending = [];
    } catch (error) {
      this.fileBytes = undefined;
      this.log(`Could not save the embedding cache ${this.file} (${(error as NodeJS.ErrnoException).code ?? String(error)}); it will be retried on the next save.`);
    }
  }

  private async load(file: string): Promise<void> {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') this.log(`Embedding cache ${file} could not be read (${code}); starting with an empty cache.`);
      return;
    }
    const decoded = decodeCache(bytes);
    const ignored = `Embedding cache ${file} was ignored`;
    if (decoded.status === 'unreadable') return this.log(`${ignored}: ${decoded.problem}. Texts will be embedded again and the file rewritten.`);
    const { embedderId, dimension } = decoded.header;
    if (embedderId !== this.header.embedderId || dimension !== this.header.dimension) {
      return this.log(`${ignored}: it holds ${embedderId} vectors (${dimension}-d), not ${this.header.embedderId} (${this.header.dimension}-d). It will be rewritten.`);
    }
    for (const { key, vector } of decoded.entries) this.vectors.set(Buffer.from(key).toString('base64'), vector);
    if (decoded.status === 'truncated') {
      this.log(`Embedding cache ${file}: ${decoded.problem}; kept the ${decoded.entries.length} records before it. The file will be rewritten.`);
      return;
    }
    this.fileBytes = bytes.length;
  }

  private async rewrite(file: string): Promise<void> {
    const entries = [...this.vectors].map(([id, vector]) => ({ key: Buffer.from(id, 'base64'), vector }));
    const header = encodeHeader(this.header);
    const records = encodeRecords(entries, this.header.dimension);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, Buffer.concat([header, records]));
    this.fileBytes = header.length + records.length;
  }
}

function keyOf(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

async function sizeOf(file: string): Promise<number | undefined> {
  return stat(file).then((s) => s.size, () => undefined);
}
