/** The VectorIndex port: nearest passages by cosine similarity. hnswlib and the exact scan both sit behind it. */

export interface VectorHit {
  label: number;
  /** Cosine similarity in [-1, 1]; higher is better. */
  score: number;
}

export interface VectorIndex {
  readonly dimension: number;
  /** Live (not removed) vectors. */
  readonly size: number;
  /** Adds a vector under a label not currently live; capacity grows as needed. Vectors need not be unit length. */
  add(label: number, vector: Float32Array): void;
  /** Removes a live label; removing an unknown label is a no-op. */
  remove(label: number): void;
  has(label: number): boolean;
  /** Best first; asking for more than `size` returns every live vector. */
  search(vector: Float32Array, k: number): VectorHit[];
  /** Writes the whole index to `file` atomically (temp file + rename). */
  save(file: string): Promise<void>;
}
