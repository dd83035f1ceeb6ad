import { describe, expect, it } from 'vitest';
import { baseArticleId, copyRecords, planCopies } from '../../bench/scale/plan.js';
import { occurrenceSeed, perturbed } from '../../bench/scale/perturb.js';
import { ReplayEmbedder } from '../../bench/scale/replay-embedder.js';
import { HashEmbedderTestDouble } from '../helpers/hash-embedder.js';

describe('planCopies', () => {
  it.each([
    { why: 'no target: each base article once', counts: [3, 2], target: null, expected: [[0, 0], [0, 1]] },
    { why: 'stops at the first article that reaches the target', counts: [3, 2, 4], target: 4, expected: [[0, 0], [0, 1]] },
    { why: 'wraps around as copy 1, 2, … until the target is reached', counts: [3, 2], target: 11, expected: [[0, 0], [0, 1], [1, 0], [1, 1], [2, 0]] },
    { why: 'articles without passages are carried along but add nothing', counts: [0, 5], target: 6, expected: [[0, 0], [0, 1], [1, 0], [1, 1]] },
  ])('$why', ({ counts, target, expected }) => {
    expect(planCopies(counts, target).map((r) => [r.copy, r.index])).toEqual(expected);
  });

  it('refuses to copy a base with no passages (it would never reach the target)', () => {
    expect(() => planCopies([0, 0], 10)).toThrow(/no passages/);
  });

  it('names copies apart from their originals and maps them back', () => {
    const records = copyRecords([{ id: 'tech/012', title: 'T', text: 'x' }], [{ copy: 0, index: 0 }, { copy: 3, index: 0 }]);
    expect(records.map((r) => r.id)).toEqual(['tech/012', 'copy3/tech/012']);
    expect(baseArticleId('bbc.jsonl#copy3/tech/012')).toBe('tech/012');
    expect(baseArticleId('bbc.jsonl#tech/012')).toBe('tech/012');
  });
});

describe('perturbed', () => {
  const base = new Float32Array(512).map((_, i) => Math.sin(i + 1));
  const norm = Math.hypot(...base);
  const unit = base.map((v) => v / norm);
  const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, v, i) => sum + v * b[i]!, 0);

  it('is a unit vector near its base: cosine about 1/√(1+ε²)', () => {
    const v = perturbed(unit, 42);
    expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    expect(cosine(v, unit)).toBeGreaterThan(0.93);
    expect(cosine(v, unit)).toBeLessThan(0.99);
  });

  it('gives the same vector for the same seed, and different copies for different occurrences', () => {
    expect(perturbed(unit, occurrenceSeed('a sentence', 1))).toEqual(perturbed(unit, occurrenceSeed('a sentence', 1)));
    expect(occurrenceSeed('a sentence', 1)).not.toBe(occurrenceSeed('a sentence', 2));
    expect(occurrenceSeed('a sentence', 1)).not.toBe(occurrenceSeed('another sentence', 1));
  });
});

describe('ReplayEmbedder', () => {
  const live = new HashEmbedderTestDouble(16);
  const stored = new Float32Array(16).fill(0.25);

  it('answers a known text exactly the first time, perturbed for every later copy, and sends unknown texts to the live embedder', async () => {
    const replay = new ReplayEmbedder(new Map([['known', stored]]), live);
    const [first, unknown, second] = await replay.embed(['known', 'never seen', 'known']);
    expect(first).toEqual(stored);
    expect(unknown).toEqual((await live.embed(['never seen']))[0]);
    expect(second).not.toEqual(stored);
    expect(second).toEqual(perturbed(stored, occurrenceSeed('known', 1)));
    expect(replay.counts).toEqual({ replayed: 2, embeddedLive: 1 });
  });

  it('sends everything to the live embedder once live, so question embedding is timed for real', async () => {
    const replay = new ReplayEmbedder(new Map([['known', stored]]), live);
    replay.goLive();
    expect(await replay.embed(['known'])).toEqual(await live.embed(['known']));
    expect(replay.info).toBe(live.info);
  });
});
