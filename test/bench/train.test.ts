/** The training side: the fits recover what the data say, folds never split a group, thresholds balance. */
import { describe, expect, it } from 'vitest';
import { fitLogistic, fitRanker, predictLogit } from '../../bench/train/fit.js';
import { assignFolds, foldKey, SEED_FOLD } from '../../bench/train/folds.js';
import { calibrationOf } from '../../bench/train/calibration.js';
import type { QaItem } from '../../bench/qa/sets.js';
import { seededRandom } from '../../bench/lib/seeded-random.js';

describe('fitRanker (listwise softmax)', () => {
  it('learns that the first feature marks the answer and the second is noise', () => {
    const next = seededRandom(7);
    const groups = Array.from({ length: 200 }, () => {
      const answer = Math.floor(next() * 5);
      const rows = Array.from({ length: 5 }, (_, i) => [i === answer ? 0.6 + 0.4 * next() : 0.5 * next(), next()]);
      return { rows, labels: rows.map((_, i) => (i === answer ? 1 : 0)), weight: 1 };
    });
    const fit = fitRanker(groups, 2, { l2: 1e-3 });
    expect(fit.weights[0]).toBeGreaterThan(5);
    expect(Math.abs(fit.weights[1]!)).toBeLessThan(1);
    expect(fit).toEqual(fitRanker(groups, 2, { l2: 1e-3 }));
  });
});

describe('fitLogistic', () => {
  it('separates two classes along the informative feature, with the bias unpenalised', () => {
    const next = seededRandom(11);
    const examples = Array.from({ length: 400 }, (_, i) => {
      const y = (i % 2) as 0 | 1;
      return { x: [y + 0.8 * (next() - 0.5), next()], y, weight: 1 };
    });
    const fit = fitLogistic(examples, 2, { l2: 1e-3 });
    expect(predictLogit(fit, [1, 0.5])).toBeGreaterThan(2);
    expect(predictLogit(fit, [0, 0.5])).toBeLessThan(-2);
  });
});

describe('assignFolds', () => {
  const item = (set: QaItem['set'], id: string, group: string): QaItem => ({ set, id, group, question: id, kind: 'factoid', answerable: true, answers: [], evidence: [] });

  it('keeps every group in one fold, balances the folds, and puts the seed set in a fold of its own', () => {
    const items = [
      ...Array.from({ length: 60 }, (_, i) => item('bbc', `b${i}`, `story${i % 23}`)),
      ...Array.from({ length: 10 }, (_, i) => item('seed', `s${i}`, 'seed')),
    ];
    const folds = assignFolds(items);
    const byGroup = new Map<string, Set<number>>();
    for (const it of items.filter((x) => x.set === 'bbc')) byGroup.set(it.group, (byGroup.get(it.group) ?? new Set()).add(folds.get(foldKey(it))!));
    expect([...byGroup.values()].every((s) => s.size === 1)).toBe(true);
    const sizes = [0, 1, 2, 3, 4].map((f) => items.filter((x) => folds.get(foldKey(x)) === f).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(3);
    expect(items.filter((x) => x.set === 'seed').every((x) => folds.get(foldKey(x)) === SEED_FOLD)).toBe(true);
  });
});

describe('calibrationOf', () => {
  it('is 0 when the predictions match the outcomes bin by bin, and counts the gap otherwise', () => {
    const matching = [0, 1, 2, 3].flatMap((i) => [{ p: 0.25, right: i === 0 }, { p: 0.75, right: i > 0 }]);
    expect(calibrationOf(matching).ece).toBe(0);
    expect(calibrationOf(matching).bins.map((b) => [b.questions, b.observed])).toEqual([[4, 0.25], [4, 0.75]]);
    expect(calibrationOf([{ p: 0.95, right: true }, { p: 0.05, right: false }]).ece).toBeCloseTo(0.05, 3);
});
});
