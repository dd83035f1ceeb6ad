import { describe, expect, it } from 'vitest';
import { lcsLength, rouge, rougeTokens } from '../../bench/summary/rouge.js';
import { sentencePrecisionRecall } from '../../bench/summary/sentence-match.js';

describe('rouge (hand-computed)', () => {
  it.each([
    {
      why: 'one word swapped: 5 of 6 unigrams, 3 of 5 bigrams (the cat, on the, the mat), LCS 5',
      candidate: 'The cat sat on the mat.',
      reference: 'the cat was on the mat',
      expected: { r1: [5 / 6, 5 / 6], r2: [3 / 5, 3 / 5], rl: [5 / 6, 5 / 6] },
    },
    {
      why: 'stems match (running→run, dogs→dog); "run" is too short to stem; bigram order differs; LCS 1',
      candidate: 'running dogs',
      reference: 'the dogs run',
      expected: { r1: [1, 2 / 3], r2: [0, 0], rl: [1 / 2, 1 / 3] },
    },
    {
      why: 'repeated words are clipped to the reference count: "the the the" matches "the" once',
      candidate: 'the the the',
      reference: 'the cat',
      expected: { r1: [1 / 3, 1 / 2], r2: [0, 0], rl: [1 / 3, 1 / 2] },
    },
    { why: 'an empty candidate scores zero', candidate: '', reference: 'the cat', expected: { r1: [0, 0], r2: [0, 0], rl: [0, 0] } },
  ])('$why', ({ candidate, reference, expected }) => {
    const scores = rouge(candidate, reference);
    const pairs = { r1: scores.rouge1, r2: scores.rouge2, rl: scores.rougeL };
    for (const key of ['r1', 'r2', 'rl'] as const) {
      const [p, r] = expected[key];
      expect(pairs[key].precision).toBeCloseTo(p!, 10);
      expect(pairs[key].recall).toBeCloseTo(r!, 10);
      expect(pairs[key].f1).toBeCloseTo(p! + r! > 0 ? (2 * p! * r!) / (p! + r!) : 0, 10);
    }
  });

  it('tokenizes like rouge-score: punctuation splits, case folds, £1.13bn becomes two tokens', () => {
    expect(rougeTokens('Profits jumped to £1.13bn!')).toEqual(['profit', 'jump', 'to', '1', '13bn']);
  });

  it.each([
    { a: 'abcbdab', b: 'bdcaba', expected: 4, why: 'the textbook example (BCBA)' },
    { a: 'abc', b: 'def', expected: 0, why: 'nothing shared' },
    { a: '', b: 'abc', expected: 0, why: 'empty side' },
  ])('LCS: $why', ({ a, b, expected }) => expect(lcsLength([...a], [...b])).toBe(expected));
});

describe('sentencePrecisionRecall', () => {
  it.each([
    { why: 'same spans', chosen: [{ start: 0, end: 10 }], reference: [{ start: 0, end: 10 }], expected: { precision: 1, recall: 1 } },
    { why: 'chosen split in two, each inside the reference', chosen: [{ start: 0, end: 5 }, { start: 6, end: 10 }], reference: [{ start: 0, end: 10 }], expected: { precision: 1, recall: 1 } },
    { why: '4 of 10 and 4 of 14 characters shared: under half, neither counts', chosen: [{ start: 0, end: 10 }], reference: [{ start: 6, end: 20 }], expected: { precision: 0, recall: 0 } },
    { why: 'one of two chosen is right; one of three references found', chosen: [{ start: 0, end: 10 }, { start: 50, end: 60 }], reference: [{ start: 0, end: 10 }, { start: 20, end: 30 }, { start: 30, end: 40 }], expected: { precision: 1 / 2, recall: 1 / 3 } },
    { why: 'nothing chosen', chosen: [], reference: [{ start: 0, end: 10 }], expected: { precision: 0, recall: 0 } },
  ])('$why', ({ chosen, reference, expected }) => expect(sentencePrecisionRecall(chosen, reference)).toEqual(expected));
});
