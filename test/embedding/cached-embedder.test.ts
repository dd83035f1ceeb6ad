/** The embedding cache: no text embedded twice, vectors kept across runs in a real file, bad files survived. */
import { mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CachedEmbedder, withEmbeddingCache } from '../../src/embedding/cached-embedder.js';
import { embeddingCacheFile, openEmbeddingCache } from '../../src/embedding/embedding-cache.js';
import { HashEmbedderTestDouble } from '../../bench/lib/hash-embedder.js';

const TEXTS = ['The parade was held in Beijing.', 'Mr Putin called Mr Xi a dear friend.', 'Kim Jong Un arrived by train.'];

let dir: string;
let file: string;
let notices: string[];
const log = (notice: string) => notices.push(notice);

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'verbatim-embedding-cache-'));
  file = path.join(dir, 'vectors.vecache');
  notices = [];
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cachedDouble(cacheFile: string | null = file): Promise<{ inner: HashEmbedderTestDouble; cached: CachedEmbedder }> {
  const inner = new HashEmbedderTestDouble();
  return { inner, cached: await withEmbeddingCache(inner, cacheFile, { log }) };
}

describe('CachedEmbedder', () => {
  it('sends nothing to the inner embedder the second time, and returns the same vectors', async () => {
    const { inner, cached } = await cachedDouble(null);
    const first = await cached.embed(TEXTS);
    const second = await cached.embed(TEXTS);
    expect(inner.calls).toEqual([TEXTS]);
    expect(second.map((v) => Array.from(v))).toEqual(first.map((v) => Array.from(v)));
    expect(cached.stats).toEqual({ hits: 3, misses: 3 });
  });

  it('sends only the misses, once each, in first-seen order', async () => {
    const { inner, cached } = await cachedDouble(null);
    await cached.embed([TEXTS[1]!]);
    const vectors = await cached.embed([TEXTS[0]!, TEXTS[1]!, TEXTS[2]!, TEXTS[0]!]);
    expect(inner.calls).toEqual([[TEXTS[1]], [TEXTS[0], TEXTS[2]]]);
    expect(Array.from(vectors[3]!)).toEqual(Array.from(vectors[0]!));
    expect(vectors.map((v) => Array.from(v))).toEqual((await inner.embed([...TEXTS, TEXTS[0]!])).map((v) => Array.from(v)));
  });

  it('hands out copies, so a caller changing a vector cannot change the cache', async () => {
    const { cached } = await cachedDouble(null);
    const [vector] = await cached.embed([TEXTS[0]!]);
    vector!.fill(0);
    const [again] = await cached.embed([TEXTS[0]!]);
    expect(again!.some((x) => x !== 0)).toBe(true);
  });

  it('keeps vectors across runs: a new process reads them from the file and embeds nothing', async () => {
    const first = await cachedDouble();
    const vectors = await first.cached.embed(TEXTS);
    await first.cached.close();
    expect(first.inner.closed).toBe(true);

    const second = await cachedDouble();
    const again = await second.cached.embed(TEXTS);
    expect(second.inner.calls).toEqual([]);
    expect(again.map((v) => Array.from(v))).toEqual(vectors.map((v) => Array.from(v)));
    expect(notices).toEqual([]);
  });

  it('appends new vectors on later flushes instead of rewriting the file', async () => {
    const { cached } = await cachedDouble();
    await cached.embed([TEXTS[0]!]);
    await cached.flush();
    const before = (await stat(file)).size;
    await cached.embed([TEXTS[1]!]);
    await cached.flush();
    const recordBytes = 32 + 64 * 4;
    expect((await stat(file)).size).toBe(before + recordBytes);
    expect((await openEmbeddingCache(file, cached.info, { log })).size).toBe(2);
  });

  it('ignores a corrupt file with a clear notice, then rewrites it', async () => {
    await writeFile(file, 'this is not an embedding cache');
    const { inner, cached } = await cachedDouble();
    await cached.embed(TEXTS);
    expect(inner.calls).toEqual([TEXTS]);
    expect(notices).toEqual([expect.stringMatching(/vectors\.vecache was ignored: not an embedding cache file/)]);
    await cached.flush();
    expect((await openEmbeddingCache(file, cached.info, { log })).size).toBe(3);
  });

  it('keeps the complete records of a file whose last write was cut short', async () => {
    const first = await cachedDouble();
    await first.cached.embed(TEXTS);
    await first.cached.flush();
    await truncate(file, (await stat(file)).size - 10);

    const second = await cachedDouble();
    await second.cached.embed(TEXTS);
    expect(second.inner.calls).toEqual([[TEXTS[2]]]);
    expect(notices).toEqual([expect.stringContaining('cut short')]);
    await second.cached.flush();
    expect((await openEmbeddingCache(file, second.cached.info, { log })).size).toBe(3);
    expect(notices).toHaveLength(1);
  });

  it('does not serve another embedder\'s vectors from the same file', async () => {
    const first = await cachedDouble();
    await first.cached.embed(TEXTS);
    await first.cached.close();

    const other = new HashEmbedderTestDouble(32);
    const cached = await withEmbeddingCache(other, file, { log });
    await cached.embed(TEXTS);
    expect(other.calls).toEqual([TEXTS]);
    expect(notices).toEqual([expect.stringContaining('holds test-hash:64 vectors (64-d), not test-hash:32 (32-d)')]);
  });

  it('reports a failed save as a notice, not a crash', async () => {
    const { cached } = await cachedDouble(path.join(file, 'inside-a-file-that-is-not-a-folder'));
    await writeFile(file, 'x');
    await cached.embed(TEXTS);
    await cached.flush();
    expect(notices).toEqual([expect.stringContaining('Could not save the embedding cache')]);
  });

  it('names cache files per embedder id', () => {
    expect(embeddingCacheFile('/c', { id: 'transformers:Xenova/all-MiniLM-L6-v2:q8' })).toBe('/c/transformers_Xenova_all-MiniLM-L6-v2_q8.vecache');
    expect(embeddingCacheFile('/c', { id: 'use-lite:en' })).toBe('/c/use-lite_en.vecache');
  });

  it('reports progress through to the total, hits included', async () => {
    const { cached } = await cachedDouble(null);
    await cached.embed([TEXTS[0]!]);
    const seen: number[] = [];
    await cached.embed(TEXTS, { onProgress: (done) => seen.push(done) });
    expect(seen[0]).toBe(1);
    expect(seen.at(-1)).toBe(3);
  });
});

describe('the cache file', () => {
  it('is compact: a small header, then 32 key bytes and the float32 vector per text', async () => {
    const { cached } = await cachedDouble();
    await cached.embed(TEXTS);
    await cached.flush();
    const bytes = await readFile(file);
    expect(bytes.subarray(0, 4).toString()).toBe('VBEC');
    expect(bytes.length).toBe(12 + 12 + TEXTS.length * (32 + 64 * 4)); // 'test-hash:64' is 12 bytes, already 4-aligned
  });
});
