/** The Embedder port: turns texts into unit-length vectors. Concrete embedders live beside this file. */
export interface EmbedderInfo {
  /** Stable id stored in the index manifest, e.g. `transformers:Xenova/all-MiniLM-L6-v2:q8` or `use-lite:en`. */
  id: string;
  /** Human name for notices and stats. */
  name: string;
  dimension: number;
}

export interface Embedder {
  readonly info: EmbedderInfo;
  /** Embeds texts in order; every returned vector has `info.dimension` entries and unit L2 norm. */
  embed(texts: readonly string[], options?: { onProgress?: (done: number, total: number) => void }): Promise<Float32Array[]>;
  /** Releases workers and sessions. Safe to call twice. */
  close(): Promise<void>;
}
