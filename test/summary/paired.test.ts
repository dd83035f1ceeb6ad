import { describe, expect, it } from 'vitest';
import { pairedBootstrap } from '../../bench/summary/paired.js';

describe('pairedBootstrap', () => {
  it('a constant difference has that mean and a zero-width interval', () => {
    const result = pairedBootstrap([0.5, 0.6, 0.7], [0.4, 0.5, 0.6]);
    expect(result.meanDifference).toBeCloseTo(0.1, 10);
    expect(result.low).toBeCloseTo(0.1, 10);
    expect(result.high).toBeCloseTo(0.1, 10);
    expect([result.wins, result.losses]).toEqual([3, 0]);
  });

  it('differences of both signs give an interval around their mean that holds zero', () => {
    const a = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 1 : 0));
    const b = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 0 : 1));
    const result = pairedBootstrap(a, b);
    expect(result.meanDifference).toBe(0);
    expect(result.low).toBeLessThan(0);
    expect(result.high).toBeGreaterThan(0);
    expect([result.wins, result.losses]).toEqual([100, 100]);
  });
});
