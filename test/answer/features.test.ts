import { describe, expect, it } from 'vitest';
import { termStatsFrom, withinOneEdit } from '../../src/answer/term-stats.js';
import { coverage, speaksOfFuture, unknownShare } from '../../src/answer/features.js';
import { Bm25Index } from '../../src/index/bm25-index.js';
import { terms } from '../../src/index/tokenize.js';

/** A tiny keyword index, one passage a sentence: the statistics come from the real lexical index. */
function statsOver(passages: string[]) {
  const index = new Bm25Index();
  passages.forEach((text, label) => index.add(label, text));
  return termStatsFrom(index);
}

const stats = statsOver([
  'Putin called Xi a dear friend.',
  'The parade marked the end of the war.',
  'Leaders of 26 countries attended the parade.',
  'Pakistan and Iran sent leaders.',
  'Trade between the countries grew.',
]);

describe('term statistics', () => {
  it.each<[string, string | null, string]>([
    ['contri', 'countri', 'a one-letter typo finds the corpus term'],
    ['pakistani', 'pakistan', 'a derived form finds its prefix'],
    ['tank', null, 'a word the corpus never uses stays unknown'],
    ['xi', 'xi', 'known terms resolve to themselves'],
  ])('resolve(%s) = %s (%s)', (term, expected) => {
    expect(stats.resolve(term)).toBe(expected);
  });

  it.each([
    ['parade', 'parde', true],
    ['parade', 'paradez', true],
    ['parade', 'aprade', true],
    ['parade', 'pxrxde', false],
  ])('withinOneEdit(%s, %s) = %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
  });
});

describe('coverage and unknown share', () => {
  it('is 1 when every question term is in the sentence and 0 when none is', () => {
    const q = terms('what did putin call xi');
    expect(coverage(q, new Set(terms('Putin called Xi a dear friend.')), stats)).toBe(1);
    expect(coverage(q, new Set(terms('Trade between the countries grew.')), stats)).toBe(0);
  });
  it('weights rare terms more than common ones', () => {
    const q = terms('parade friend');
    const rare = coverage(q, new Set(terms('a friend')), stats);
    const common = coverage(q, new Set(terms('the parade')), stats);
    expect(rare).toBeGreaterThan(common);
  });
  it('measures how much of a question the corpus never mentions', () => {
    expect(unknownShare(terms('How many tanks were in the parade?'), stats)).toBeGreaterThan(0.4);
    expect(unknownShare(terms('Who attended the parade?'), stats)).toBe(0);
  });
  it.each([
    ['The leader is due to travel to Harbin on Friday.', true],
    ['Kim will visit Russia next year.', true],
    ['The two leaders last met in Pyongyang in 2019.', false],
  ])('speaksOfFuture(%s) = %s', (text, expected) => {
    expect(speaksOfFuture(text)).toBe(expected);
  });
});
