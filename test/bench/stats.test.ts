import { describe, expect, it } from 'vitest';
import { distribution, percentile, ratio, round } from '../../bench/lib/stats.js';
import { seededSample } from '../../bench/lib/random.js';

describe('percentile (nearest rank)', () => {
  const ten = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
  it.each([
    { why: 'p50 of 1..10 is the 5th value, not an interpolated 5.5', p: 50, expected: 5 },
    { why: 'p95 of 10 values rounds the rank up to the 10th', p: 95, expected: 10 },
    { why: 'p10 is the first value', p: 10, expected: 1 },
    { why: 'p0 clamps to the smallest value', p: 0, expected: 1 },
    { why: 'p100 is the largest value', p: 100, expected: 10 },
  ])('$why', ({ p, expected }) => {
    expect(percentile(ten, p)).toBe(expected);
  });

  it('is NaN for no values, so a missing figure never reads as 0 ms', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(distribution([]).mean).toBeNaN();
  });

  it('summarises a distribution without reordering the input', () => {
    const values = [3, 1, 2];
    expect(distribution(values)).toEqual({ n: 3, p50: 2, p95: 3, p99: 3, mean: 2, max: 3 });
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('ratio and round', () => {
  it.each([
    { why: 'a plain quotient', a: 3, b: 2, expected: 1.5 },
    { why: 'a zero denominator gives NaN, not Infinity', a: 3, b: 0, expected: Number.NaN },
  ])('$why', ({ a, b, expected }) => {
    expect(ratio(a, b)).toEqual(expected);
  });

  it('rounds to the given decimals', () => {
    expect(round(1.23456)).toBe(1.23);
    expect(round(1.23456, 3)).toBe(1.235);
  });
});

describe('seededSample', () => {
  const items = Array.from({ length: 100 }, (_, i) => i);

  it('draws the same items for the same seed and different ones for another seed', () => {
    expect(seededSample(items, 10, 1)).toEqual(seededSample(items, 10, 1));
    expect(seededSample(items, 10, 1)).not.toEqual(seededSample(items, 10, 2));
  });

  it('never repeats an item and returns everything (shuffled) when asked for more than there is', () => {
    const drawn = seededSample(items, 30, 5);
    expect(new Set(drawn).size).toBe(30);
    expect(seededSample(items, 500, 5).sort((a, b) => a - b)).toEqual(items);
  });

  it('leaves its input untouched', () => {
    const copy = [...items];
    seededSample(items, 50, 9);
    expect(items).toEqual(copy);
  });
});
