/** The embedders the benchmark drives, loaded once and lent to engines, and the shared on-disk embedding cache. */
import { parseConfig } from '../../src/config.js';
import type { EngineDeps } from '../../src/engine.js';
import { createEmbedder } from '../../src/embedding/create-embedder.js';
import type { Embedder } from '../../src/embedding/embedder.js';
import { embeddingCacheFile } from '../../src/embedding/embedding-cache.js';
import { withEmbeddingCache, type CachedEmbedder } from '../../src/embedding/cached-embedder.js';

/** USE lite exactly as the app loads it (EMBEDDER=use, two workers: both cores). */
export async function loadUseLite(): Promise<Embedder> {
  const { embedder } = await createEmbedder(parseConfig({ EMBEDDER: 'use', EMBED_WORKERS: '2' }));
  return embedder;
}

/**
 * A loaded embedder behind the content-hash cache file the summary benchmark also fills
 * (`<cacheDir>/use-lite_en.vecache` for USE lite). Closing the wrapper saves the cache and leaves `inner` loaded.
 */
export function withSharedCache(inner: Embedder, cacheDir: string): Promise<CachedEmbedder> {
  return withEmbeddingCache(borrowed(inner), embeddingCacheFile(cacheDir, inner.info), { log: (notice) => console.error(notice) });
}

/** The same embedder with a no-op close, so an engine's close() leaves it loaded for the next engine. */
export function borrowed(embedder: Embedder): Embedder {
  return { info: embedder.info, embed: (texts, options) => embedder.embed(texts, options), close: async () => {} };
}

/** Engine deps that hand the engine an already loaded embedder (its load time is measured apart). */
export function lendEmbedder(embedder: Embedder, extra: Omit<EngineDeps, 'createEmbedder'> = {}): EngineDeps {
  return { ...extra, createEmbedder: async () => ({ embedder: borrowed(embedder), fallback: false, notice: null }) };
}
