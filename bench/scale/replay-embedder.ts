/**
 * An Embedder for building the scale indexes: sentences it knows are answered from their stored vectors (the first
 * occurrence of a text exactly, each later occurrence — a copy of the article — perturbed), unknown texts go to the
 * live embedder. After the build, `goLive()` sends everything to the live embedder, so question embedding is timed
 * for real.
 */
import type { Embedder, EmbedderInfo } from '../../src/embedding/embedder.js';
import { occurrenceSeed, perturbed } from './perturb.js';

export class ReplayEmbedder implements Embedder {
  private live = false;
  private readonly seen = new Map<string, number>();
  /** Texts answered from stored vectors, and texts sent to the live embedder while replaying. */
  readonly counts = { replayed: 0, embeddedLive: 0 };

  constructor(
    private readonly known: ReadonlyMap<string, Float32Array>,
    private readonly inner: Embedder,
  ) {}

  get info(): EmbedderInfo {
    return this.inner.info;
  }

  goLive(): void {
    this.live = true;
  }

  async embed(texts: readonly string[], options?: { onProgress?: (done: number, total: number) => void }): Promise<Float32Array[]> {
    if (this.live) return this.inner.embed(texts, options);
    const out = new Array<Float32Array>(texts.length);
    const unknown: number[] = [];
    texts.forEach((text, i) => {
      const base = this.known.get(text);
      if (!base) return void unknown.push(i);
      const occurrence = this.seen.get(text) ?? 0;
      this.seen.set(text, occurrence + 1);
      out[i] = occurrence === 0 ? Float32Array.from(base) : perturbed(base, occurrenceSeed(text, occurrence));
    });
    if (unknown.length > 0) {
      const vectors = await this.inner.embed(unknown.map((i) => texts[i]!));
      unknown.forEach((i, row) => (out[i] = vectors[row]!));
    }
    this.counts.replayed += texts.length - unknown.length;
    this.counts.embeddedLive += unknown.length;
    options?.onProgress?.(texts.length, texts.length);
    return out;
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
