/**
 * The VectorIndex port as an exact scan over every vector: the oracle for tests and benchmarks.
 * Labels are saved as 32-bit unsigned integers.
 */
import { readFile } from 'node:fs/promises';
import { VerbatimError } from '../errors.js';
import { writeFileAtomic } from './atomic-file.js';
import { TopK } from './top-k.js';
import { dotAt, normalized } from './vector-math.js';
import type { VectorHit, VectorIndex } from './vector-index.js';

const MAGIC = 'VBF1';
const HEADER_BYTES = 12; // magic, dimension, count

export class BruteForceVectorIndex implements VectorIndex {
  readonly dimension: number;
  /** Unit vectors, one row per live label, rows packed (a removed row is filled by the last one). */
  private rows: Float32Array;
  private readonly labels: number[] = [];
  private readonly rowOf = new Map<number, number>();

  constructor(dimension: number) {
    this.dimension = dimension;
    this.rows = new Float32Array(dimension * 64);
  }

  /** Loads a file written by `save`; throws INDEX_CORRUPT when it is unreadable, truncated or of another dimension. */
  static async load(file: string, dimension: number): Promise<BruteForceVectorIndex> {
    const corrupt = (reason: string, cause?: unknown): VerbatimError =>
      new VerbatimError('INDEX_CORRUPT', `The vector index ${file} is unusable: ${reason}.`, { cause });
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      throw corrupt('it cannot be read', error);
    }
    if (bytes.length < HEADER_BYTES || bytes.toString('latin1', 0, 4) !== MAGIC) throw corrupt('it is not an exact-scan index file');
    const fileDimension = bytes.readUInt32LE(4);
    const count = bytes.readUInt32LE(8);
    if (fileDimension !== dimension) throw corrupt(`it holds ${fileDimension}-d vectors, ${dimension}-d expected`);
    const vectorsStart = HEADER_BYTES + 4 * count;
    if (bytes.length !== vectorsStart + 4 * count * dimension) throw corrupt('its size does not match its header');
    const aligned = new Uint8Array(bytes).buffer; // a fresh copy, so the typed views below are 4-byte aligned
    const labels = new Uint32Array(aligned, HEADER_BYTES, count);
    const vectors = new Float32Array(aligned, vectorsStart, count * dimension);
    const index = new BruteForceVectorIndex(dimension);
    for (let i = 0; i < count; i++) index.add(labels[i]!, vectors.subarray(i * dimension, (i + 1) * dimension));
    return index;
  }

  get size(): number {
    return this.labels.length;
  }

  has(label: number): boolean {
    return this.rowOf.has(label);
  }

  add(label: number, vector: Float32Array): void {
    this.checkDimension(vector);
    const unit = normalized(vector) ?? new Float32Array(this.dimension);
    let row = this.rowOf.get(label);
    if (row === undefined) {
      row = this.labels.length;
      this.ensureCapacity(row + 1);
      this.labels.push(label);
      this.rowOf.set(label, row);
    }
    this.rows.set(unit, row * this.dimension);
  }

  remove(label: number): void {
    const row = this.rowOf.get(label);
    if (row === undefined) return;
    const last = this.labels.length - 1;
    if (row !== last) {
      const movedLabel = this.labels[last]!;
      this.rows.copyWithin(row * this.dimension, last * this.dimension, (last + 1) * this.dimension);
      this.labels[row] = movedLabel;
      this.rowOf.set(movedLabel, row);
    }
    this.labels.pop();
    this.rowOf.delete(label);
  }

  search(vector: Float32Array, k: number): VectorHit[] {
    this.checkDimension(vector);
    const query = normalized(vector);
    if (query === null) return this.labels.slice(0, Math.max(0, k)).map((label) => ({ label, score: 0 }));
    const best = new TopK(Math.min(Math.floor(k), this.labels.length));
    for (let row = 0; row < this.labels.length; row++) best.push(this.labels[row]!, dotAt(query, this.rows, row * this.dimension));
    return best.sorted();
  }

  async save(file: string): Promise<void> {
    const count = this.labels.length;
    const buffer = new ArrayBuffer(HEADER_BYTES + 4 * count + 4 * count * this.dimension);
    const bytes = Buffer.from(buffer);
    bytes.write(MAGIC, 0, 'latin1');
    bytes.writeUInt32LE(this.dimension, 4);
    bytes.writeUInt32LE(count, 8);
    new Uint32Array(buffer, HEADER_BYTES, count).set(this.labels);
    new Float32Array(buffer, HEADER_BYTES + 4 * count, count * this.dimension).set(this.rows.subarray(0, count * this.dimension));
    await writeFileAtomic(file, bytes);
  }

  private ensureCapacity(rows: number): void {
    if (rows * this.dimension <= this.rows.length) return;
    const grown = new Float32Array(Math.max(rows, 2 * (this.rows.length / this.dimension)) * this.dimension);
    grown.set(this.rows);
    this.rows = grown;
  }

  private checkDimension(vector: Float32Array): void {
    if (vector.length !== this.dimension) throw new RangeError(`Expected a ${this.dimension}-d vector, got ${vector.length}-d.`);
  }
}
