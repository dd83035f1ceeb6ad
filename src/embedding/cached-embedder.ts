/**
 * An Embedder that never embeds the same text twice: hits come from an EmbeddingCache, and only the misses
 * (deduplicated, in first-seen order) go to the inner embedder. It owns the inner embedder: `close()` saves the
 * cache and closes both.
 */
import { VerbatimError } from '../errors.js';
import type { Embedder, EmbedderInfo } from './embedder.js';
import { openEmbeddingCache, type EmbeddingCache, type EmbeddingCacheOptions } from './embedding-cache.js';

export interface CacheStats {
  /** Texts answered from the cache (a repeat within one batch counts as a hit). */
  hits: number;
  /** Texts sent to the inner embedder. */
  misses: number;
}

export class CachedEmbedder implements Embedder {
  readonly stats: CacheStats = { hits: 0, misses: 0 };

  constructor(
    readonly inner: Embedder,
    readonly cache: EmbeddingCache,
  ) {
    const { embedderId, dimension } = cache.header;
    if (embedderId !== inner.info.id || dimension !== inner.info.dimension) {
      throw new VerbatimError('INTERNAL', `The embedding cache holds ${embedderId} (${dimension}-d) vectors, not ${inner.info.id} (${inner.info.dimension}-d).`);
    }
  }

  get info(): EmbedderInfo {
    return this.inner.info;
  }

  async embed(texts: readonly string[], options: { onProgress?: (done: number, total: number) => void } = {}): Promise<Float32Array[]> {
    const misses = [...new Set(texts.filter((text) => this.cache.get(text) === undefined))];
    this.stats.misses += misses.length;
    this.stats.hits += texts.length - misses.length;
    const alreadyDone = texts.length - misses.length;
    if (misses.length > 0) {
      options.onProgress?.(alreadyDone, texts.length);
      const vectors = await this.inner.embed(misses, {
        onProgress: (done) => options.onProgress?.(alreadyDone + done, texts.length),
      });
      misses.forEach((text, i) => this.cache.set(text, vectors[i]!));
    }
    options.onProgress?.(texts.length, texts.length);
    return texts.map((text) => Float32Array.from(this.cache.get(text)!));
  }

  /** Saves new vectors to the cache file (if any); safe to call often, it only appends. */
  flush(): Promise<void> {
    return this.cache.flush();
  }

  async close(): Promise<void> {
    await this.cache.flush();
    await this.inner.close();
  }
}

/** Wraps a loaded embedder with the cache in `file` (null: memory only). */
export async function withEmbeddingCache(inner: Embedder, file: string | null, options: EmbeddingCacheOptions = {}): Promise<CachedEmbedder> {
  return new CachedEmbedder(inner, await openEmbeddingCache(file, inner.info, options));
}
