import { describe, expect, it } from 'vitest';
import { overlap } from '../../bench/scale/hnsw-compare.js';
import { baseArticleId, copyRecords, planCopies } from '../../bench/scale/plan.js';
import { copyText, MAX_COPY, readCopy, SPACE_VARIANTS } from '../../bench/scale/copies.js';
import { copySeed, perturbed } from '../../bench/scale/perturb.js';
import { parseArticle } from '../../src/corpus/parse-article.js';
import { terms } from '../../src/index/tokenize.js';
import { ReplayEmbedder } from '../../bench/scale/replay-embedder.js';
import { HashEmbedderTestDouble } from '../../bench/lib/hash-embedder.js';

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

  it('refuses more copies than there are space variants', () => {
    expect(() => planCopies([1], MAX_COPY + 2)).toThrow(/more than 16 copies/);
  });

  it('names copies apart from their originals and maps them back', () => {
    const records = copyRecords([{ id: 'tech/012', title: 'T', text: 'A b.' }], [[{ start: 0, text: 'A b.' }]], [{ copy: 0, index: 0 }, { copy: 3, index: 0 }]);
    expect(records.map((r) => r.id)).toEqual(['tech/012', 'copy3/tech/012']);
    expect(records[1]!.text).toBe(`A${SPACE_VARIANTS[2]}b.`);
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
    expect(perturbed(unit, copySeed('a sentence', 1))).toEqual(perturbed(unit, copySeed('a sentence', 1)));
    expect(copySeed('a sentence', 1)).not.toBe(copySeed('a sentence', 2));
    expect(copySeed('a sentence', 1)).not.toBe(copySeed('another sentence', 1));
  });
});

describe('copyText and readCopy', () => {
  const text = 'Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76%. Its profits were buoyed by one-off gains.';
  const article = parseArticle({ id: 'b', text, contentHash: 'h', meta: { title: 'T' } });

  it.each([1, 8, MAX_COPY])('copy %i keeps every sentence boundary and term, and each sentence reads back as its original', (copy) => {
    const copied = parseArticle({ id: 'c', text: copyText(text, article.sentences, copy), contentHash: 'h2', meta: { title: 'T' } });
    expect(copied.sentences.map((s) => [s.start, s.end])).toEqual(article.sentences.map((s) => [s.start, s.end]));
    copied.sentences.forEach((sentence, i) => {
      expect(sentence.text).not.toBe(article.sentences[i]!.text);
      expect(terms(sentence.text)).toEqual(terms(article.sentences[i]!.text));
      expect(readCopy(sentence.text)).toEqual({ original: article.sentences[i]!.text, copy });
    });
  });

  it('leaves copy 0 as it is, and reads no copy in ordinary text', () => {
    expect(copyText(text, article.sentences, 0)).toBe(text);
    expect(readCopy('Plain sentence.')).toBeNull();
  });
});

describe('ReplayEmbedder', () => {
  const live = new HashEmbedderTestDouble(16);
  const stored = new Float32Array(16).fill(0.25);
  const copied = `known${SPACE_VARIANTS[1]}text`;

  it('answers an original exactly, a copy with the seeded perturbation of its original, and sends unknown texts to the live embedder', async () => {
    const replay = new ReplayEmbedder(new Map([['known text', stored]]), live);
    const [original, unknown, copy] = await replay.embed(['known text', 'never seen', copied]);
    expect(original).toEqual(stored);
    expect(unknown).toEqual((await live.embed(['never seen']))[0]);
    expect(copy).toEqual(perturbed(stored, copySeed('known text', 2)));
    expect(replay.counts).toEqual({ replayed: 2, embeddedLive: 1 });
  });

  it('gives a copy the same vector however often and in whatever batch it is asked', async () => {
    const replay = new ReplayEmbedder(new Map([['known text', stored]]), live);
    const [first] = await replay.embed([copied]);
    const [, again] = await replay.embed(['known text', copied]);
    expect(again).toEqual(first);
  });

  it('sends everything to the live embedder once live, so question embedding is timed for real', async () => {
    const replay = new ReplayEmbedder(new Map([['known text', stored]]), live);
    replay.goLive();
    expect(await replay.embed(['known text'])).toEqual(await live.embed(['known text']));
    expect(replay.info).toBe(live.info);
  });
});

describe('overlap (recall of distinct true items)', () => {
  it.each([
    { why: 'all found', found: [1, 2, 3], truth: [3, 2, 1], expected: 1 },
    { why: 'one of two found; extra results do not count', found: [1, 9, 8], truth: [1, 2], expected: 0.5 },
    { why: 'repeated keys (copies of one passage) count once on both sides', found: ['a', 'a', 'b'], truth: ['a', 'a', 'c'], expected: 0.5 },
    { why: 'nothing to find counts as complete', found: [1], truth: [], expected: 1 },
  ])('$why', ({ found, truth, expected }) => {
    expect(overlap<number | string>(found, truth)).toBe(expected);
  });
});
