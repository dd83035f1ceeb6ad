import { describe, expect, it } from 'vitest';
import { normalizeByMax, pageRank } from '../../src/summary/centrality.js';
import { leadPrior } from '../../src/summary/position-prior.js';
import { selectMmr } from '../../src/summary/select.js';
import { blendedSimilarity } from '../../src/summary/similarity.js';
import { meanUnit } from '../../src/search/vectors.js';
import { resolveBudget } from '../../src/summary/budget.js';
import { termSet, weightedOverlap } from '../../src/summary/term-overlap.js';
import { termWeights, tfidfVector } from '../../src/summary/term-weights.js';
import { rescaleRelevance } from '../../src/summary/topic-summary.js';
import { makeArticle, unit } from './make-article.js';

const graph = (rows: number[][]): Float64Array[] => rows.map((row) => Float64Array.from(row));

describe('pageRank', () => {
  it.each([
    { why: 'no nodes, no scores', weights: [], expected: [] },
    { why: 'a lone node holds all the rank', weights: [[0]], expected: [1] },
    { why: 'two linked nodes share evenly', weights: [[0, 1], [1, 0]], expected: [0.5, 0.5] },
    // Star, d = 0.85: c = 0.05 + 0.85·2l, l = 0.05 + 0.85·c/2, c + 2l = 1 → c = 0.135 / 0.2775.
    { why: 'the hub of a star outranks its leaves', weights: [[0, 1, 1], [1, 0, 0], [1, 0, 0]], expected: [0.486486, 0.256757, 0.256757] },
    // Isolated node: c = 0.05 + 0.85·c/3 (its dangling rank is spread evenly) → c = 0.05 / (1 − 0.85/3).
    { why: 'an isolated node keeps only teleport plus its spread share', weights: [[0, 1, 0], [1, 0, 0], [0, 0, 0]], expected: [0.465116, 0.465116, 0.069767] },
    // Node 0 sends 3/4 of its rank to 1 and 1/4 to 2; both send all back: c = 0.135 / 0.2775 as in the star,
    // then b = 0.05 + 0.85·¾·c and l = 0.05 + 0.85·¼·c.
    { why: 'a heavier edge carries more rank', weights: [[0, 3, 1], [3, 0, 0], [1, 0, 0]], expected: [0.486486, 0.360135, 0.153378] },
  ])('$why', ({ weights, expected }) => {
    const scores = Array.from(pageRank(graph(weights), { tolerance: 1e-12, maxIterations: 1000 }));
    expect(scores).toHaveLength(expected.length);
    scores.forEach((s, i) => expect(s).toBeCloseTo(expected[i]!, 5));
  });

  it('scales by the maximum', () => {
    expect(normalizeByMax([2, 1, 0])).toEqual([1, 0.5, 0]);
    expect(normalizeByMax([0, 0])).toEqual([0, 0]);
  });
});

describe('leadPrior', () => {
  it.each([
    { position: 0, halfLife: 4, expected: 1, why: 'the first sentence gets the full prior' },
    { position: 4, halfLife: 4, expected: 0.5, why: 'one half-life later it halves' },
    { position: 8, halfLife: 4, expected: 0.25, why: 'two half-lives: a quarter' },
    { position: 1, halfLife: 1, expected: 0.5, why: 'a short half-life favours the lead strongly' },
  ])('$why', ({ position, halfLife, expected }) => expect(leadPrior(position, halfLife)).toBeCloseTo(expected, 10));
});

describe('selectMmr', () => {
  const sims = [
    [1, 1, 0],
    [1, 1, 0],
    [0, 0, 1],
  ];
  const similarity = (a: number, b: number): number => sims[a]![b]!;
  const items = [
    { score: 1, length: 10 },
    { score: 0.9, length: 10 },
    { score: 0.5, length: 10 },
  ];
  it.each([
    { why: 'without a penalty it is top-k by score', redundancy: 0, budget: { maxChars: 100, maxSentences: 2 }, expected: [0, 1] },
    { why: 'the duplicate of the first pick loses to a weaker but new item', redundancy: 0.6, budget: { maxChars: 100, maxSentences: 2 }, expected: [0, 2] },
    { why: 'a small penalty does not outweigh a large score gap', redundancy: 0.3, budget: { maxChars: 100, maxSentences: 2 }, expected: [0, 1] },
    { why: 'the sentence budget stops selection', redundancy: 0, budget: { maxChars: 100, maxSentences: 1 }, expected: [0] },
    { why: 'the character budget stops selection', redundancy: 0, budget: { maxChars: 25, maxSentences: 9 }, expected: [0, 1] },
  ])('$why', ({ redundancy, budget, expected }) => expect(selectMmr(items, similarity, budget, redundancy)).toEqual(expected));

  it('never takes an item that duplicates a taken one, even without a penalty', () => {
    expect(selectMmr(items, similarity, { maxChars: 100, maxSentences: 2 }, 0, (a, b) => sims[a]![b]! === 1)).toEqual([0, 2]);
  });

  it('skips an item that would overflow the characters and takes a shorter one after it', () => {
    const mixed = [
      { score: 1, length: 10 },
      { score: 0.9, length: 50 },
      { score: 0.5, length: 10 },
    ];
    expect(selectMmr(mixed, () => 0, { maxChars: 25, maxSentences: 9 }, 0)).toEqual([0, 2]);
  });
});

describe('blendedSimilarity', () => {
  const terms = (entries: Array<[string, number]>): Map<string, number> => new Map(entries);
  const a = { terms: terms([['xi', 1]]), vector: unit(1, 0) };
  const b = { terms: terms([['xi', 0.6], ['putin', 0.8]]), vector: unit(1, 1) };
  it.each([
    { why: 'lexical only: TF-IDF cosine 0.6', x: a, y: b, denseWeight: 0, expected: 0.6 },
    { why: 'dense only: cos 45° = 0.7071', x: a, y: b, denseWeight: 1, expected: Math.SQRT1_2 },
    { why: 'half and half', x: a, y: b, denseWeight: 0.5, expected: 0.3 + Math.SQRT1_2 / 2 },
    { why: 'a missing vector falls back to lexical', x: a, y: { ...b, vector: undefined }, denseWeight: 0.5, expected: 0.6 },
    { why: 'opposed vectors count as 0, not negative', x: a, y: { ...b, vector: unit(-1, 0) }, denseWeight: 0.5, expected: 0.3 },
  ])('$why', ({ x, y, denseWeight, expected }) => expect(blendedSimilarity(x, y, denseWeight)).toBeCloseTo(expected, 6));

  it('averages vectors to unit length', () => {
    expect(Array.from(meanUnit([unit(1, 0), unit(0, 1)])!)).toEqual([expect.closeTo(Math.SQRT1_2, 6), expect.closeTo(Math.SQRT1_2, 6)]);
    expect(meanUnit([])).toBeNull();
  });
});

describe('resolveBudget', () => {
  it.each([
    { why: 'missing limits come from the default', budget: undefined, expected: { maxChars: 100, maxSentences: 3 } },
    { why: 'given limits win', budget: { maxSentences: 7 }, expected: { maxChars: 100, maxSentences: 7 } },
    { why: 'limits below one count as one', budget: { maxChars: 0, maxSentences: -2 }, expected: { maxChars: 1, maxSentences: 1 } },
  ])('$why', ({ budget, expected }) => expect(resolveBudget(budget, { maxChars: 100, maxSentences: 3 })).toEqual(expected));
});

describe('term weights', () => {
  // Three sentences in all: "parade" in two, "tank" in one.
  const articles = new Map(
    [makeArticle('a', ['Parade today. Tank rolls.']), makeArticle('b', ['Parade tomorrow.'])].map((a) => [a.id, a]),
  );
  it.each([
    { term: 'parad', expected: Math.log(4 / 3) + 1, why: 'in 2 of 3 sentences' },
    { term: 'tank', expected: Math.log(4 / 2) + 1, why: 'in 1 of 3 sentences' },
    { term: 'absent', expected: Math.log(4 / 1) + 1, why: 'unseen terms weigh most, never infinite' },
  ])('sentence IDF of "$term": $why', ({ term, expected }) => expect(termWeights(articles).idf(term)).toBeCloseTo(expected, 10));

  it('article IDF counts each article once', () => {
    expect(termWeights(articles, 'article').idf('parad')).toBeCloseTo(Math.log(3 / 3) + 1, 10);
  });

  it('builds unit-length vectors; sublinear tf dampens repeats', () => {
    const weights = { idf: () => 1 };
    const plain = tfidfVector(['x', 'x', 'x', 'y'], weights);
    const sublinear = tfidfVector(['x', 'x', 'x', 'y'], weights, true);
    expect(plain.get('x')! / plain.get('y')!).toBeCloseTo(3, 10);
    expect(sublinear.get('x')! / sublinear.get('y')!).toBeCloseTo(1 + Math.log(3), 10);
    expect(Math.hypot(...sublinear.values())).toBeCloseTo(1, 10);
  });
});

describe('rescaleRelevance', () => {
  const item = (relevance: number) => ({ relevance }) as Parameters<typeof rescaleRelevance>[0][number];
  it.each([
    { why: 'non-negative scores keep their ratios', input: [2, 1, 0], expected: [1, 0.5, 0] },
    { why: 'negative scores (cosines) are min-max scaled', input: [0.5, -0.5], expected: [1, 0] },
    { why: 'all equal: all fully relevant', input: [-1, -1], expected: [1, 1] },
    { why: 'all zero: all fully relevant', input: [0, 0], expected: [1, 1] },
  ])('$why', ({ input, expected }) => expect(rescaleRelevance(input.map(item)).map((i) => i.relevance)).toEqual(expected));
});

describe('weightedOverlap', () => {
  const idf: Record<string, number> = { xi: 1, putin: 1, parad: 3, tank: 2 };
  const set = (...list: string[]) => termSet(list, { idf: (t) => idf[t]! });
  it.each([
    { why: 'the same set scores 1', a: set('xi', 'parad'), b: set('xi', 'parad'), expected: 1 },
    { why: 'nothing shared scores 0', a: set('xi'), b: set('tank'), expected: 0 },
    // shared {parad} = 3; totals 1 + 3 = 4 and 3 + 2 = 5.
    { why: 'a shared rare term: 3 / sqrt(4·5)', a: set('xi', 'parad'), b: set('parad', 'tank'), expected: 3 / Math.sqrt(20) },
    // shared {xi} = 1; same totals: a common term counts for less.
    { why: 'a shared common term counts less: 1 / sqrt(4·2)', a: set('xi', 'parad'), b: set('xi', 'putin'), expected: 1 / Math.sqrt(8) },
    { why: 'repeats count once', a: set('xi', 'xi', 'parad'), b: set('xi', 'parad'), expected: 1 },
    { why: 'an empty set scores 0', a: set(), b: set('xi'), expected: 0 },
  ])('$why', ({ a, b, expected }) => expect(weightedOverlap(a, b)).toBeCloseTo(expected, 10));
});
