import { describe, expect, it } from 'vitest';
import { rrf, scoreFusion, weightedRrf, type FusionInput } from '../../src/search/fusion.js';

const input = (denseRank: number | null, lexicalRank: number | null, dense = 0, lexical = 0): FusionInput => ({ denseRank, lexicalRank, dense, lexical });

describe('rrf', () => {
  it.each([
    [input(0, 0), 2 / 61, 'first in both lists: 1/61 + 1/61'],
    [input(0, null), 1 / 61, 'first in one list only'],
    [input(null, 9), 1 / 70, 'tenth lexical hit: 1/(60+10)'],
    [input(null, null), 0, 'in neither list'],
  ])('%o → %f (%s)', (value, expected) => {
    expect(rrf(value)).toBeCloseTo(expected, 10);
  });
});

describe('weightedRrf', () => {
  it('equals plain RRF at equal weights', () => {
    expect(weightedRrf(input(3, 5), 0.5)).toBeCloseTo(rrf(input(3, 5)), 10);
  });
  it('favours the dense list when its weight is larger', () => {
    expect(weightedRrf(input(0, null), 0.7)).toBeGreaterThan(weightedRrf(input(null, 0), 0.7));
  });
});

describe('scoreFusion', () => {
  const context = { maxDense: 0.8, minDense: 0.2, maxLexical: 10 };
  it.each([
    [input(0, 0, 0.8, 10), 1, 'best in both lists'],
    [input(5, null, 0.2, 0), 0, 'worst cosine and no BM25 score'],
    [input(1, 1, 0.5, 5), 0.5, 'half way on both'],
  ])('%o → %f (%s)', (value, expected) => {
    expect(scoreFusion(value, context)).toBeCloseTo(expected, 10);
  });
  it('keeps score gaps that rank fusion loses: a strong double hit beats a weak one', () => {
    const strong = scoreFusion(input(0, 1, 0.8, 9), context);
    const weak = scoreFusion(input(1, 0, 0.5, 10), context);
    expect(strong).toBeGreaterThan(weak);
    expect(rrf(input(0, 1))).toBeCloseTo(rrf(input(1, 0)), 10);
  });
});
