import { describe, expect, it } from 'vitest';
import { ELLIPSIS, fitBlocks, shortenAtWord } from '../../src/discord/fit.js';

describe('shortenAtWord', () => {
  it.each([
    ['fits already: unchanged', 'one two three', 20, 'one two three'],
    ['exactly the limit: unchanged', 'one two', 7, 'one two'],
    ['cut at the last whole word, ellipsis added', 'one two three', 10, `one two${ELLIPSIS}`],
    ['a word that would end at the limit leaves no room for the ellipsis, so it goes', 'one two three', 8, `one two${ELLIPSIS}`],
    ['a single long word is cut inside, still marked', 'abcdefghij', 5, `abcd${ELLIPSIS}`],
    ['trailing spaces before the cut are dropped', 'one    two', 6, `one${ELLIPSIS}`],
    ['no room at all gives nothing', 'one two', 0, ''],
  ])('%s', (_why, text, max, expected) => {
    const shortened = shortenAtWord(text, max);
    expect(shortened).toBe(expected);
    expect(shortened.length).toBeLessThanOrEqual(Math.max(max, 0));
  });
});

describe('fitBlocks', () => {
  const render = (item: string, position: number, textMax: number) => `${position}. ${shortenAtWord(item, textMax)}`;

  it('keeps every block when they fit, numbered in order', () => {
    expect(fitBlocks(['aa', 'bb'], 100, render)).toEqual({ text: '1. aa\n\n2. bb', shown: ['aa', 'bb'], dropped: [] });
  });

  it('drops a whole block that does not fit and numbers the next one in its place', () => {
    const long = 'x'.repeat(50);
    const fitted = fitBlocks(['aa', long, 'bb'], 20, render);
    expect(fitted).toEqual({ text: '1. aa\n\n2. bb', shown: ['aa', 'bb'], dropped: [long] });
  });

  it('shortens the first block at a word when nothing fits whole', () => {
    const fitted = fitBlocks(['alpha beta gamma delta', 'epsilon zeta eta theta'], 15, render, '\n');
    expect(fitted.shown).toEqual(['alpha beta gamma delta']);
    expect(fitted.text).toBe(`1. alpha beta${ELLIPSIS}`);
    expect(fitted.dropped).toEqual(['epsilon zeta eta theta']);
  });

  it('shows nothing when not even a shortened block fits', () => {
    expect(fitBlocks(['alpha'], 2, render)).toEqual({ text: '', shown: [], dropped: ['alpha'] });
  });
});
