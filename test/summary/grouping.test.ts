import { describe, expect, it } from 'vitest';
import { averageLinkage } from '../../src/summary/average-linkage.js';
import { chronologicalOrder } from '../../src/summary/chronology.js';
import { clusterNearDuplicates, isNearDuplicate } from '../../src/summary/near-duplicates.js';
import { dayNumber } from '../../src/summary/story-grouping.js';
import { unit } from './make-article.js';

describe('averageLinkage', () => {
  // 0–1 are close, 2 is near 1 only, 3 is alone.
  const sims = [
    [0, 0.9, 0.3, 0],
    [0.9, 0, 0.6, 0],
    [0.3, 0.6, 0, 0.1],
    [0, 0, 0.1, 0],
  ];
  it.each([
    { why: 'a high threshold merges only the closest pair', threshold: 0.8, expected: [[0, 1], [2], [3]] },
    // After {0,1} merge, 2 links to it with mean (0.3 + 0.6) / 2 = 0.45 (0.4499… in floating point).
    { why: 'average linkage admits 2 once the mean reaches the threshold', threshold: 0.44, expected: [[0, 1, 2], [3]] },
    { why: 'single-link would chain 2 in at 0.6, average linkage does not', threshold: 0.5, expected: [[0, 1], [2], [3]] },
    { why: 'threshold 0 joins everything with a non-negative link', threshold: 0, expected: [[0, 1, 2, 3]] },
  ])('$why', ({ threshold, expected }) => expect(averageLinkage(sims, threshold)).toEqual(expected));

  it('never merges what canMerge forbids', () => {
    // 0 and 1 may not meet, so 1 pairs with 2 (0.6); 0 then stays alone and 3's mean link to {1,2} is only 0.05.
    const apart = (a: readonly number[], b: readonly number[]): boolean => !(a.includes(0) && b.includes(1)) && !(a.includes(1) && b.includes(0));
    expect(averageLinkage(sims, 0.1, apart)).toEqual([[0], [1, 2], [3]]);
  });
});

describe('chronologicalOrder', () => {
  const item = (articleId: string, date: string | null, sentenceIndex: number, relevance: number) => ({ articleId, date, sentenceIndex, relevance });
  it.each([
    {
      why: 'known dates ascending, unknown after',
      items: [item('a', null, 0, 1), item('b', '2025-09-04', 0, 0.5), item('c', '2025-09-02', 0, 0.1)],
      expected: ['c', 'b', 'a'],
    },
    {
      why: 'same date: the more relevant article first, each article in reading order',
      items: [item('a', '2025-09-02', 5, 0.2), item('b', '2025-09-02', 1, 0.9), item('a', '2025-09-02', 1, 0.8)],
      expected: ['b', 'a', 'a'],
    },
    {
      why: 'undated: by relevance, reading order within an article',
      items: [item('a', null, 3, 0.9), item('b', null, 0, 0.5), item('a', null, 1, 0.1)],
      expected: ['a', 'a', 'b'],
    },
  ])('$why', ({ items, expected }) => expect(chronologicalOrder(items).map((i) => i.articleId)).toEqual(expected));

  it('keeps reading order inside an article', () => {
    const ordered = chronologicalOrder([item('a', null, 3, 0.9), item('a', null, 1, 0.1)]);
    expect(ordered.map((i) => i.sentenceIndex)).toEqual([1, 3]);
  });
});

describe('near-duplicates', () => {
  const view = (entries: Array<[string, number]>, vector?: Float32Array) => ({ terms: new Map(entries), vector });
  it.each([
    { why: 'same terms: lexical cosine 1', a: view([['parad', 1]]), b: view([['parad', 1]]), expected: true },
    { why: 'disjoint terms, no vectors', a: view([['parad', 1]]), b: view([['tariff', 1]]), expected: false },
    { why: 'disjoint terms but a close paraphrase by vector', a: view([['parad', 1]], unit(1, 0.1)), b: view([['march', 1]], unit(1, 0.12)), expected: true },
    { why: 'related but not the same statement', a: view([['parad', 1]], unit(1, 0)), b: view([['march', 1]], unit(1, 1)), expected: false },
  ])('$why', ({ a, b, expected }) => expect(isNearDuplicate(a, b)).toBe(expected));

  it('clusters in the given order, the first member representing the cluster', () => {
    const views = [view([['x', 1]]), view([['y', 1]]), view([['x', 1]])];
    expect(clusterNearDuplicates(views, [2, 1, 0])).toEqual([[2, 0], [1]]);
  });
});

describe('dayNumber', () => {
  it.each([
    { date: '1970-01-02', expected: 1, why: 'one day after the epoch' },
    { date: null, expected: undefined, why: 'unknown date' },
    { date: 'soon', expected: undefined, why: 'malformed date' },
  ])('$why', ({ date, expected }) => expect(dayNumber(date)).toBe(expected));
});
