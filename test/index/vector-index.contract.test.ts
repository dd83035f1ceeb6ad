import { mkdtemp, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BruteForceVectorIndex } from '../../src/index/brute-force-index.js';
import { HnswVectorIndex } from '../../src/index/hnsw-index.js';
import type { VectorIndex } from '../../src/index/vector-index.js';
import { clusteredVectors } from './seeded-vectors.js';

interface Implementation {
  name: string;
  /** `capacity` is a hint: small values exercise growth where the implementation has a capacity. */
  create(dimension: number, capacity?: number): VectorIndex;
  load(file: string, dimension: number): Promise<VectorIndex>;
}

const implementations: Implementation[] = [
  {
    name: 'HnswVectorIndex',
    create: (dimension, capacity) => new HnswVectorIndex(dimension, capacity === undefined ? {} : { initialCapacity: capacity }),
    load: (file, dimension) => HnswVectorIndex.load(file, dimension),
  },
  {
    name: 'BruteForceVectorIndex',
    create: (dimension) => new BruteForceVectorIndex(dimension),
    load: (file, dimension) => BruteForceVectorIndex.load(file, dimension),
  },
];

const DIMENSION = 16;
const vectors = clusteredVectors(60, DIMENSION, { seed: 7, clusters: 6 });

function filled(implementation: Implementation, count: number, capacity?: number): VectorIndex {
  const index = implementation.create(DIMENSION, capacity);
  for (let label = 0; label < count; label++) index.add(label, vectors[label]!);
  return index;
}

describe.each(implementations)('VectorIndex contract: $name', (implementation) => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'verbatim-vector-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('starts empty and finds nothing', () => {
    const index = implementation.create(DIMENSION);
    expect(index.dimension).toBe(DIMENSION);
    expect(index.size).toBe(0);
    expect(index.search(vectors[0]!, 5)).toEqual([]);
  });

  it('finds a stored vector first with cosine 1, best first', () => {
    const index = filled(implementation, 30);
    const hits = index.search(vectors[12]!, 5);
    expect(hits[0]!.label).toBe(12);
    expect(hits[0]!.score).toBeCloseTo(1, 5);
    expect(hits.map((hit) => hit.score)).toEqual([...hits.map((hit) => hit.score)].sort((a, b) => b - a));
  });

  it('returns every live vector when k exceeds the size', () => {
    const index = filled(implementation, 8);
    expect(index.search(vectors[0]!, 100).map((hit) => hit.label).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('scores by cosine, so vector length does not matter', () => {
    const index = implementation.create(DIMENSION);
    index.add(1, vectors[1]!.map((value) => value * 5));
    const [hit] = index.search(vectors[1]!.map((value) => value * 0.1), 1);
    expect(hit!.score).toBeCloseTo(1, 5);
  });

  it('never returns a removed label, and counts only live vectors', () => {
    const index = filled(implementation, 30);
    for (const label of [3, 12, 29]) index.remove(label);
    index.remove(999); // unknown: a no-op
    expect(index.size).toBe(27);
    expect(index.has(12)).toBe(false);
    for (const label of [3, 12, 29]) {
      expect(index.search(vectors[label]!, 30).map((hit) => hit.label)).not.toContain(label);
    }
  });

  it('grows past its initial capacity', () => {
    const index = filled(implementation, 60, 4);
    expect(index.size).toBe(60);
    for (const label of [0, 33, 59]) expect(index.search(vectors[label]!, 1)[0]!.label).toBe(label);
  });

  it('replaces the vector of a live label that is added again', () => {
    const index = filled(implementation, 10);
    index.add(4, vectors[40]!);
    expect(index.size).toBe(10);
    expect(index.search(vectors[40]!, 1)[0]).toMatchObject({ label: 4 });
  });

  it('accepts a removed label again, beside new labels', () => {
    const index = filled(implementation, 10);
    index.remove(2);
    index.remove(5);
    index.add(2, vectors[2]!);
    index.add(100, vectors[50]!);
    expect(index.size).toBe(10);
    expect(index.search(vectors[2]!, 1)[0]!.label).toBe(2);
    expect(index.search(vectors[50]!, 1)[0]!.label).toBe(100);
    expect(index.search(vectors[5]!, 10).map((hit) => hit.label)).not.toContain(5);
  });

  it('saves and loads the same live vectors and results', async () => {
    const index = filled(implementation, 40);
    index.remove(7);
    index.remove(8);
    const file = path.join(dir, 'vectors.bin');
    await index.save(file);
    const loaded = await implementation.load(file, DIMENSION);
    expect(loaded.size).toBe(38);
    expect(loaded.has(7)).toBe(false);
    expect(loaded.has(9)).toBe(true);
    for (const label of [0, 9, 39]) expect(loaded.search(vectors[label]!, 5)).toEqual(index.search(vectors[label]!, 5));
    loaded.add(7, vectors[7]!);
    loaded.add(41, vectors[41]!);
    expect(loaded.size).toBe(40);
    expect(loaded.search(vectors[41]!, 1)[0]!.label).toBe(41);
  });

  it('saves atomically: no temporary file is left and an old file is replaced whole', async () => {
    const file = path.join(dir, 'vectors.bin');
    await writeFile(file, 'previous content');
    await filled(implementation, 5).save(file);
    expect((await implementation.load(file, DIMENSION)).size).toBe(5);
    expect(await readdir(dir)).toEqual(['vectors.bin']);
  });

  it('rejects a truncated file, a file of another dimension and a missing file with INDEX_CORRUPT', async () => {
    const file = path.join(dir, 'vectors.bin');
    await filled(implementation, 20).save(file);
    await expect(implementation.load(file, DIMENSION + 1)).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
    const bytes = await readFile(file);
    await truncate(file, bytes.length - 10);
    await expect(implementation.load(file, DIMENSION)).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
    await expect(implementation.load(path.join(dir, 'absent.bin'), DIMENSION)).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
  });

  it('rejects vectors of the wrong dimension', () => {
    const index = implementation.create(DIMENSION);
    expect(() => index.add(1, new Float32Array(DIMENSION + 1))).toThrow(RangeError);
    expect(() => index.search(new Float32Array(3), 1)).toThrow(RangeError);
  });
});
