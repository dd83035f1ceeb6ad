import { describe, expect, it } from 'vitest';
import { agrees, jaccard } from '../../src/answer/group.js';

const sentence = (article: string, text: string, spanText: string | null) => ({ article, text, spanText, vector: undefined });

describe('agrees', () => {
  it.each([
    [
      'the same answer in two outlets’ wording',
      sentence('000', 'In response, Mr Putin called Mr Xi a “dear friend” and said ties are at an unprecedentedly high level.', 'dear friend'),
      sentence('004', 'Putin, addressing Xi as “dear friend,” emphasized that ties are at an “unprecedentedly high level.”', 'dear friend'),
      true,
    ],
    [
      'a different answer on the same topic: "old friend" is not "dear friend"',
      sentence('000', 'In response, Mr Putin called Mr Xi a “dear friend”.', 'dear friend'),
      sentence('002', 'Xi told his “old friend” Putin that relations were “conducive to peace”.', 'old friend'),
      false,
    ],
    [
      'near-duplicate sentences without spans',
      sentence('000', 'We were always together then, we remain together now, Mr Putin said.', null),
      sentence('004', 'We were always together then, we remain together now, Putin remarked.', null),
      true,
    ],
    [
      'two sentences of the same article are never "also reported by"',
      sentence('000', 'Putin called Xi a dear friend.', 'dear friend'),
      sentence('000', 'Putin called Xi a dear friend again.', 'dear friend'),
      false,
    ],
  ])('%s → %s', (_why, a, b, expected) => {
    expect(agrees(a, b)).toBe(expected);
  });
});

describe('jaccard', () => {
  it.each([
    [['a', 'b'], ['a', 'b'], 1],
    [['a', 'b'], ['b', 'c'], 1 / 3],
    [[], [], 0],
  ])('%j vs %j = %f', (a, b, expected) => {
    expect(jaccard(new Set(a), new Set(b))).toBeCloseTo(expected, 10);
  });
});
