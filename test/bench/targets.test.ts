import { describe, expect, it } from 'vitest';
import { judge, targetRow, type Target } from '../../bench/suite/targets.js';

const target = (comparator: Target['comparator'], limit: number, measured: number | null): Target => ({ what: 'x', where: '100k', comparator, limit, unit: 'ms', measured });

describe('judge', () => {
  it.each([
    { why: 'under a ceiling is met, with the headroom left', t: target('<=', 100, 60), status: 'met', note: '40% headroom' },
    { why: 'exactly at a ceiling is met', t: target('<=', 20, 20), status: 'met', note: '0% headroom' },
    { why: 'over a ceiling is missed by a factor', t: target('<=', 20, 50), status: 'missed', note: '2.500× the limit' },
    { why: 'over a floor is met by a margin', t: target('>=', 0.98, 0.99), status: 'met', note: '0.010 above the floor' },
    { why: 'under a floor is missed by the shortfall', t: target('>=', 0.98, 0.9), status: 'missed', note: '0.080 short' },
    { why: 'a figure this run did not measure is neither met nor missed', t: target('<=', 2000, null), status: 'not measured', note: 'not measured in this run' },
    { why: 'NaN (e.g. no questions) counts as not measured', t: target('<=', 2000, Number.NaN), status: 'not measured', note: 'not measured in this run' },
  ])('$why', ({ t, status, note }) => {
    expect(judge(t)).toEqual({ status, note });
  });

  it('renders a row with the limit sign and the unit', () => {
    expect(targetRow(target('<=', 100, 60))).toEqual(['x', '100k', '≤ 100 ms', '60 ms', 'met', '40% headroom']);
  });
});
