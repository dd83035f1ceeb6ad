/**
 * The summaries on the real seed articles: real parser, real USE-lite vectors (the offline embedder), read through
 * the product's embedding cache from the seeds' vectors computed once per machine (bench/lib/seed-vectors.ts).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import type { Article } from '../../src/corpus/types.js';
import path from 'node:path';
import { withEmbeddingCache } from '../../src/embedding/cached-embedder.js';
import { createEmbedder } from '../../src/embedding/create-embedder.js';
import { embeddingCacheFile } from '../../src/embedding/embedding-cache.js';
import type { Embedder } from '../../src/embedding/embedder.js';
import { summarizeArticle } from '../../src/summary/article-summary.js';
import { summarizeCorpus } from '../../src/summary/corpus-summary.js';
import type { SummarySource } from '../../src/summary/source.js';
import { groupStories } from '../../src/summary/story-grouping.js';
import { SEEDS_DIR } from '../../bench/lib/seed-corpus.js';
import { seedIndexWithUseVectors } from '../../bench/lib/seed-vectors.js';

let articles: Article[];
let source: SummarySource;
let embedder: Embedder | undefined;
const byPrefix = (prefix: string): Article => articles.find((a) => a.id.startsWith(prefix))!;

beforeAll(async () => {
  articles = (await loadCorpus(SEEDS_DIR)).articles;
  const use = (await createEmbedder(parseConfig({ EMBEDDER: 'use', EMBED_WORKERS: '2' }))).embedder;
  embedder = await withEmbeddingCache(use, embeddingCacheFile(path.join(await seedIndexWithUseVectors(), 'cache'), use.info));
  const vectors = new Map<string, Float32Array>();
  for (const article of articles) {
    const embedded = await embedder.embed(article.sentences.map((s) => s.text));
    embedded.forEach((vector, i) => vectors.set(`${article.id}#${i}`, vector));
  }
  source = { articles: new Map(articles.map((a) => [a.id, a])), sentenceVector: (id, i) => vectors.get(`${id}#${i}`) };
});

afterAll(async () => {
  await embedder?.close();
});

describe('article summaries of the seeds', () => {
  it('are verbatim, in article order and within any budget, for every seed article', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 30 }), (a, maxChars, maxSentences) => {
        const article = articles[a]!;
        const summary = summarizeArticle(source, article.id, { maxChars, maxSentences });
        for (const s of summary.sentences) expect(s.sentence).toBe(article.text.slice(s.citation.start, s.citation.end));
        expect(summary.sentences.length).toBeLessThanOrEqual(maxSentences);
        expect(summary.sentences.reduce((n, s) => n + s.sentence.length, 0)).toBeLessThanOrEqual(maxChars);
        const starts = summary.sentences.map((s) => s.citation.start);
        expect(starts).toEqual([...starts].sort((x, y) => x - y));
      }),
      { numRuns: 60 },
    );
  });

  it('003 leaves out the page furniture, the repeated caption and the unrelated headlines at its end', () => {
    const article = byPrefix('003');
    // Even a budget large enough for every sentence must not reach the furniture.
    const summary = summarizeArticle(source, article.id, { maxChars: 100_000, maxSentences: 100 });
    const text = summary.sentences.map((s) => s.sentence).join('\n');
    for (const furniture of ['40 views', 'HIGHLIGHTS', 'hours ago', 'Lisbon funicular', 'Bomb blast', 'Nigerian river', 'arrive for a reception']) {
      expect(text).not.toContain(furniture);
    }
    const lastBody = article.text.indexOf('– CNN');
    for (const s of summary.sentences) expect(s.citation.end).toBeLessThanOrEqual(lastBody + '– CNN'.length);
  });

  it('003 at the default budget opens with the talks, its news', () => {
    const summary = summarizeArticle(source, byPrefix('003').id);
    expect(summary.sentences[0]!.sentence).toMatch(/^BEIJING – Chinese leader Xi Jinping and North Korea’s Kim Jong Un have sat down for formal talks/);
    expect(summary.omitted.sentences).toBeGreaterThan(0);
  });
});

describe('corpus summary of the seeds', () => {
  it('groups the September 2025 visit (000, 001, 004) apart from the May 2024 visit (002) and the Xi–Kim talks (003)', () => {
    const stories = groupStories(source).map((ids) => ids.map((id) => id.slice(0, 3)));
    expect(stories).toEqual([['000', '001', '004'], ['002'], ['003']]);
  });

  it('shows every story with a headline, its sources and known dates', () => {
    const summary = summarizeCorpus(source);
    expect(summary.stories.map((s) => s.sources.map((x) => x.article.slice(0, 3)).sort())).toEqual([['000', '001', '004'], ['003'], ['002']]);
    for (const story of summary.stories) {
      const article = source.articles.get(story.headline.citation.article)!;
      expect(story.headline.sentence).toBe(article.text.slice(story.headline.citation.start, story.headline.citation.end));
    }
    expect(summary.stories[1]!.dates).toEqual(['2025-09-04']);
    expect(summary.omitted.articles).toBe(0);
  });
});
