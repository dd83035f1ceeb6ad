/** Sentence vectors for the BBC articles from the offline USE-lite embedder, through the on-disk embedding cache. */
import path from 'node:path';
import type { Article } from '../../src/corpus/types.js';
import { parseConfig } from '../../src/config.js';
import { createEmbedder } from '../../src/embedding/create-embedder.js';
import { embeddingCacheFile } from '../../src/embedding/embedding-cache.js';
import { withEmbeddingCache } from '../../src/embedding/cached-embedder.js';

/** Texts per embed call: the cache is flushed after each, so an interrupted run keeps what it embedded. */
const CHUNK = 2000;

/** Vectors keyed `articleId#sentenceIndex`, and the milliseconds spent (mostly cache reads on a rerun). */
export async function embedSentences(articles: readonly Article[], cacheDir: string): Promise<{ vectors: Map<string, Float32Array>; ms: number; embedded: number }> {
  const started = performance.now();
  const { embedder: inner } = await createEmbedder(parseConfig({ ...process.env, EMBEDDER: 'use' }));
  const embedder = await withEmbeddingCache(inner, embeddingCacheFile(cacheDir, inner.info), { log: (notice) => console.error(notice) });
  const keys = articles.flatMap((a) => a.sentences.map((s) => ({ key: `${a.id}#${s.index}`, text: s.text })));
  const vectors = new Map<string, Float32Array>();
  try {
    for (let from = 0; from < keys.length; from += CHUNK) {
      const chunk = keys.slice(from, from + CHUNK);
      const embedded = await embedder.embed(chunk.map((k) => k.text));
      chunk.forEach(({ key }, i) => vectors.set(key, embedded[i]!));
      await embedder.flush();
      console.error(`embedded ${Math.min(from + CHUNK, keys.length)}/${keys.length} sentences (${embedder.stats.misses} new)`);
    }
  } finally {
    await embedder.close();
  }
  return { vectors, ms: performance.now() - started, embedded: embedder.stats.misses };
}

export function defaultCacheDir(repoRoot: string): string {
  return path.join(repoRoot, 'bench', '.cache');
}
