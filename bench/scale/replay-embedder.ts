/**
 * An Embedder for building the scale indexes: an original BBC sentence is answered with its stored USE lite vector,
 * a copied sentence (see copies.ts) with the original's vector plus a perturbation seeded by the sentence and the
 * copy, and any other text goes to the live embedder. After the build, `goLive()` sends everything to the live
 * embedder, so question embedding is timed for real.
 */
import type { Embedder, EmbedderInfo } from '../../src/embedding/embedder.js';
import { readCopy } from './copies.js';
import { copySeed, perturbed } from './perturb.js';

export class ReplayEmbedder implements Embedder {
  private live = false;
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
      const vector = this.replay(text);
      if (vector) out[i] = vector;
      else unknown.push(i);
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

  private replay(text: string): Float32Array | null {
    const stored = this.known.get(text);
    if (stored) return Float32Array.from(stored);
    const copied = readCopy(text);
    const original = copied ? this.known.get(copied.original) : undefined;
    return copied && original ? perturbed(original, copySeed(copied.original, copied.copy)) : null;
  }
}
