import { describe, expect, it } from 'vitest';
import { isVerbatimError } from '../../src/errors.js';
import { resolveArticleId } from '../../src/summary/resolve-article.js';

const articles = new Map(
  [
    { id: '000_7603d30894732e43.txt', title: 'Xi hails Putin as old friend ahead of parade' },
    { id: '002_5f0d9263cf5a718c.txt', title: 'Xi and Putin reaffirm ties in Beijing' },
    { id: '003_6f30dbc2493a046e.txt', title: 'Xi meets Kim a day after show of unity with Putin at Chinese military parade' },
    { id: 'wire/003_other.txt', title: 'Markets close higher' },
  ].map((a) => [a.id, a]),
);

describe('resolveArticleId', () => {
  it.each([
    { why: 'an exact id wins', reference: '002_5f0d9263cf5a718c.txt', expected: '002_5f0d9263cf5a718c.txt' },
    { why: 'a unique id prefix', reference: '000', expected: '000_7603d30894732e43.txt' },
    { why: 'a file-name prefix inside a folder, case-insensitive', reference: '003_OTH', expected: 'wire/003_other.txt' },
    { why: 'title words, stemmed (meets → meet)', reference: 'Xi meeting Kim', expected: '003_6f30dbc2493a046e.txt' },
    { why: 'title words are enough without the id', reference: 'markets', expected: 'wire/003_other.txt' },
  ])('$why', ({ reference, expected }) => expect(resolveArticleId(articles, reference)).toBe(expected));

  it.each([
    { why: 'a prefix shared by two ids is ambiguous', reference: '003', matches: ['003_6f30dbc2493a046e.txt', 'wire/003_other.txt'] },
    { why: 'words no title holds', reference: 'football transfer', matches: [] },
    { why: 'words every Xi title holds equally', reference: 'Xi Putin', matches: ['000_7603d30894732e43.txt', '002_5f0d9263cf5a718c.txt', '003_6f30dbc2493a046e.txt'] },
  ])('$why: ARTICLE_NOT_FOUND with close matches', ({ reference, matches }) => {
    let thrown: unknown;
    try {
      resolveArticleId(articles, reference);
    } catch (error) {
      thrown = error;
    }
    expect(isVerbatimError(thrown) && thrown.code).toBe('ARTICLE_NOT_FOUND');
    if (!isVerbatimError(thrown)) return;
    expect(thrown.details?.matches).toEqual(matches);
    for (const id of matches) expect(thrown.hint).toContain(id);
  });
});
