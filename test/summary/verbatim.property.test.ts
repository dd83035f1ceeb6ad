/** Property: whatever the article and budget, every summary sentence is its article's text sliced at its citation. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/types.js';
import { summarizeArticle } from '../../src/summary/article-summary.js';
import { summarizeCorpus } from '../../src/summary/corpus-summary.js';
import { summarizeTopic } from '../../src/summary/topic-summary.js';
import type { Summary } from '../../src/summary/types.js';
import { makeArticle, makeSource } from './make-article.js';

const word = fc.constantFrom('Xi', 'Putin', 'parade', 'Beijing', 'talks', 'trade', 'missiles', 'Kim', 'summit', 'war', 'the', 'and', '“old friend”', 'U.S.', '95%');
const sentence = fc.array(word, { minLength: 1, maxLength: 12 }).map((ws) => `${ws.join(' ')}.`);
const paragraph = fc.record({
  text: fc.array(sentence, { minLength: 1, maxLength: 4 }).map((ss) => ss.join(' ')),
  kind: fc.constantFrom('body' as const, 'body' as const, 'heading' as const, 'caption' as const),
});
const articles = fc.array(fc.array(paragraph, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }).map((list) =>
  list.map((paragraphs, i) => makeArticle(`a${i}.txt`, paragraphs, { date: i % 2 === 0 ? `2025-09-0${i + 1}` : null })),
);
const budget = fc.record({ maxChars: fc.integer({ min: 1, max: 600 }), maxSentences: fc.integer({ min: 1, max: 8 }) });

function expectVerbatimWithin(summary: Summary, byId: Map<string, Article>, limit: { maxChars: number; maxSentences: number }): void {
  const quotes = [...summary.sentences, ...summary.stories.flatMap((s) => s.sentences)];
  for (const quote of quotes) {
    const article = byId.get(quote.citation.article)!;
    expect(quote.sentence).toBe(article.text.slice(quote.citation.start, quote.citation.end));
    expect(article.sentences[quote.citation.sentence - 1]!.kind).not.toBe('heading');
    for (const other of quote.alsoReportedBy) {
      expect(byId.get(other.article)!.text.slice(other.start, other.end).length).toBeGreaterThan(0);
    }
  }
  const shown = summary.kind === 'corpus' ? summary.stories.flatMap((s) => [s.headline, ...s.sentences]) : summary.sentences;
  expect(shown.length).toBeLessThanOrEqual(limit.maxSentences);
  expect(shown.reduce((n, s) => n + s.sentence.length, 0)).toBeLessThanOrEqual(limit.maxChars);
}

describe('summaries are verbatim and within budget', () => {
  it('article summaries', () => {
    fc.assert(
      fc.property(articles, budget, (list, limit) => {
        const source = makeSource(list);
        const summary = summarizeArticle(source, list[0]!.id, limit);
        expectVerbatimWithin(summary, new Map(list.map((a) => [a.id, a])), limit);
        const starts = summary.sentences.map((s) => s.citation.start);
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
      }),
    );
  });

  it('topic summaries', () => {
    fc.assert(
      fc.property(articles, budget, fc.nat(), (list, limit, seed) => {
        const candidates = list.flatMap((a) => a.sentences.map((s) => ({ articleId: a.id, sentenceIndex: s.index, relevance: ((seed + s.start) % 97) / 10 })));
        expectVerbatimWithin(summarizeTopic(makeSource(list), 'parade', candidates, limit), new Map(list.map((a) => [a.id, a])), limit);
      }),
    );
  });

  it('corpus summaries', () => {
    fc.assert(
      fc.property(articles, budget, (list, limit) => {
        const summary = summarizeCorpus(makeSource(list), limit);
        expectVerbatimWithin(summary, new Map(list.map((a) => [a.id, a])), limit);
        const covered = summary.stories.reduce((n, s) => n + s.sources.length, 0);
        expect(covered + summary.omitted.articles).toBe(list.length);
      }),
    );
  });
});
