import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BruteForceVectorIndex } from '../../src/index/brute-force-index.js';
import { HnswVectorIndex, efSearchFor } from '../../src/index/hnsw-index.js';
import { clusteredVectors } from './seeded-vectors.js';

describe('HnswVectorIndex against the exact scan', () => {
  it('finds nearly all of the exact top k', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 400 }),
        fc.constantFrom(8, 24, 64),
        fc.integer({ min: 1, max: 10 }),
        (seed, count, dimension, k) => {
          const vectors = clusteredVectors(count, dimension, { seed });
          const queries = clusteredVectors(10, dimension, { seed: seed + 1 });
          const hnsw = new HnswVectorIndex(dimension, { initialCapacity: 16 });
          const exact = new BruteForceVectorIndex(dimension);
          vectors.forEach((vector, label) => {
            hnsw.add(label, vector);
            exact.add(label, vector);
          });
          let found = 0;
          let wanted = 0;
          for (const query of queries) {
            const truth = new Set(exact.search(query, k).map((hit) => hit.label));
            found += hnsw.search(query, k).filter((hit) => truth.has(hit.label)).length;
            wanted += truth.size;
          }
          expect(found / wanted).toBeGreaterThanOrEqual(0.95);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reports the same cosine scores as the exact scan for the labels both return', () => {
    const vectors = clusteredVectors(200, 32, { seed: 3 });
    const hnsw = new HnswVectorIndex(32);
    const exact = new BruteForceVectorIndex(32);
    vectors.forEach((vector, label) => {
      hnsw.add(label, vector);
      exact.add(label, vector);
    });
    const exactScores = new Map(exact.search(vectors[0]!, 200).map((hit) => [hit.label, hit.score]));
    for (const hit of hnsw.search(vectors[0]!, 10)) expect(hit.score).toBeCloseTo(exactScores.get(hit.label)!, 5);
  });
});

type Operation = { kind: 'add'; label: number } | { kind: 'remove'; label: number };

const operations = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('add' as const), label: fc.integer({ min: 0, max: 59 }) }),
    fc.record({ kind: fc.constant('remove' as const), label: fc.integer({ min: 0, max: 59 }) }),
  ),
  { maxLength: 150 },
);

describe('incremental changes equal a rebuild', () => {
  it('leaves the dense index with the same live labels, before and after a save and load', async () => {
    const dimension = 8;
    const vectors = clusteredVectors(60, dimension, { seed: 11 });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'verbatim-prop-'));
    try {
      await fc.assert(
        fc.asyncProperty(operations, async (ops: Operation[]) => {
          const incremental = new HnswVectorIndex(dimension, { initialCapacity: 4 });
          const live = new Set<number>();
          for (const op of ops) {
            if (op.kind === 'add') {
              incremental.add(op.label, vectors[op.label]!);
              live.add(op.label);
            } else {
              incremental.remove(op.label);
              live.delete(op.label);
            }
          }
          const rebuilt = new HnswVectorIndex(dimension);
          for (const label of live) rebuilt.add(label, vectors[label]!);

          const file = path.join(dir, 'dense.hnsw');
          await incremental.save(file);
          const reloaded = await HnswVectorIndex.load(file, dimension);
          for (const index of [incremental, reloaded]) {
            expect(index.size).toBe(rebuilt.size);
            for (let label = 0; label < 60; label++) expect(index.has(label)).toBe(rebuilt.has(label));
            for (const hit of index.search(vectors[0]!, 60)) expect(live.has(hit.label)).toBe(true);
          }
        }),
        { numRuns: 60 },
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('HnswVectorIndex search candidate list (efSearch)', () => {
  it('grows with the index under "auto": 128 up to 25k vectors, one per 200 beyond, at most 1024', () => {
    expect([1, 25_600, 25_601, 100_000, 204_800, 300_000, 5_000_000].map(efSearchFor)).toEqual([128, 128, 129, 500, 1024, 1024, 1024]);
    const hnsw = new HnswVectorIndex(8, { initialCapacity: 16 });
    expect(hnsw.efSearch).toBe(128);
    hnsw.setEfSearch(40);
    expect(hnsw.efSearch).toBe(40);
    hnsw.setEfSearch('auto');
    expect(hnsw.efSearch).toBe(128);
  });
});
