import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/corpus/sentences.js';

function split(text: string): string[] {
  return splitSentences(text, 0, text.length).map(({ start, end }) => text.slice(start, end));
}

describe('splitSentences', () => {
  it.each([
    ['a title without a full stop is not a boundary', 'Mr Xi met Mr Putin. Then he left.', ['Mr Xi met Mr Putin.', 'Then he left.']],
    ['U.S. before a capitalised noun is an abbreviation', 'The U.S. Army came and U.S. President Biden spoke. It left.', ['The U.S. Army came and U.S. President Biden spoke.', 'It left.']],
    ['U.S. at a sentence end before a sentence opener is a boundary', 'He lives in the U.S. The talks end today.', ['He lives in the U.S.', 'The talks end today.']],
    ['U.S.-led has no space after the dot', 'They oppose U.S.-led dominance. Good.', ['They oppose U.S.-led dominance.', 'Good.']],
    ['a month abbreviation before a number', 'On Sept. 3 they met. Good.', ['On Sept. 3 they met.', 'Good.']],
    ['St. before a place name', 'He flew to St. Petersburg today. Good.', ['He flew to St. Petersburg today.', 'Good.']],
    ['an initial before a surname', 'J. Smith said so. Then he left.', ['J. Smith said so.', 'Then he left.']],
    ['a decimal point', 'Growth was 3.5% this year. Profits were $1.13bn.', ['Growth was 3.5% this year.', 'Profits were $1.13bn.']],
    ['a comma inside closing quotes does not end a sentence', 'Putin, addressing Xi as “dear friend,” emphasized ties. Good.', ['Putin, addressing Xi as “dear friend,” emphasized ties.', 'Good.']],
    ['a full stop inside closing quotes ends one', 'Ties are at an “unprecedentedly high level.” The leaders met.', ['Ties are at an “unprecedentedly high level.”', 'The leaders met.']],
    ['a question mark inside closing quotes ends one (sbd misses this)', 'He asked “Why?” Then he left.', ['He asked “Why?”', 'Then he left.']],
    ['a question mark in quotes followed by lower case does not', '“Why?” he asked. Fine.', ['“Why?” he asked.', 'Fine.']],
    ['an ellipsis inside a sentence', '“China is ready to work with Russia to… uphold fairness,” Xi added.', ['“China is ready to work with Russia to… uphold fairness,” Xi added.']],
    ['three dots with no space after', '“After all, prior to the treaty...North Korea was alone,” he said. Yes.', ['“After all, prior to the treaty...North Korea was alone,” he said.', 'Yes.']],
    ['a trailing dash credit stays with the last sentence', '“It will keep trying – and Beijing.” – CNN', ['“It will keep trying – and Beijing.” – CNN']],
    ['a dash inside a sentence is not a credit', 'Moscow – and Beijing – agreed. Then – later – they met.', ['Moscow – and Beijing – agreed.', 'Then – later – they met.']],
    ['a boundary sbd sets a word late is moved back to the full stop', 'It could take control through .png files. Microsoft announces flaws every month. The most important ones are critical.', ['It could take control through .png files.', 'Microsoft announces flaws every month.', 'The most important ones are critical.']],
    ['a full stop with no space after is not a boundary', 'It should have been Joy Division.Those guys were great.', ['It should have been Joy Division.Those guys were great.']],
    ['a heading-like line without punctuation is one sentence', 'Confrontation with the West', ['Confrontation with the West']],
  ])('%s', (_why, text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it('returns offsets into the whole text, trimmed, within the given range', () => {
    const text = 'Title\n\n  First one. Second one.  \nNext line.';
    const from = text.indexOf('  First');
    const to = text.indexOf('\nNext');
    const spans = splitSentences(text, from, to);
    expect(spans.map(({ start, end }) => text.slice(start, end))).toEqual(['First one.', 'Second one.']);
    expect(spans[0]?.start).toBe(text.indexOf('First'));
  });

  it('keeps a hard-wrapped sentence whole, newline included', () => {
    const text = 'The firm said profits\nrose sharply. Shares fell.';
    expect(split(text)).toEqual(['The firm said profits\nrose sharply.', 'Shares fell.']);
  });

  it('splits a very long paragraph (read in windows) exactly as its parts', () => {
    const part = 'The fox said “hello.” Mr Smith agreed in the U.S. President’s office. Growth was 3.5%. ';
    const expected = ['The fox said “hello.”', 'Mr Smith agreed in the U.S. President’s office.', 'Growth was 3.5%.'];
    const text = part.repeat(400);
    expect(text.length).toBeGreaterThan(30_000);
    expect(split(text)).toEqual(Array.from({ length: 400 }, () => expected).flat());
  });

  it('gives nothing for whitespace', () => {
    expect(splitSentences('   \n ', 0, 5)).toEqual([]);
  });
});
