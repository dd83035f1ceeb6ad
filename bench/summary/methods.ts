/** The methods compared on BBC, all choosing from the same candidates (`summaryMaterial`) under the same budget k. */
import type { Span } from '../../src/corpus/types.js';
import { summarizeArticle } from '../../src/summary/article-summary.js';
import type { ArticleRankingOptions } from '../../src/summary/article-ranking.js';
import { summaryMaterial } from '../../src/summary/candidates.js';
import type { SummarySource } from '../../src/summary/source.js';
import { lead, randomPick, textRank } from './baselines.js';
import type { Method } from './evaluate.js';

export const RANDOM_SEED = 2025;

const spans = (sentences: readonly Span[]): Span[] => sentences.map(({ start, end }) => ({ start, end }));

/** Ours, with the sentence budget k and no character limit (options over the engine's defaults). */
export function verbatimMethod(name: string, source: SummarySource, options: ArticleRankingOptions = {}): Method {
  return {
    name,
    pick: (item, k) =>
      summarizeArticle(source, item.id, { maxSentences: k, maxChars: Number.MAX_SAFE_INTEGER }, options).sentences.map((s) => ({
        start: s.citation.start,
        end: s.citation.end,
      })),
  };
}

export function baselineMethods(source: SummarySource): Method[] {
  const candidates = (id: string) => summaryMaterial(source.articles.get(id)!);
  return [
    { name: 'lead-k', pick: (item, k) => spans(lead(candidates(item.id), k)) },
    { name: 'lead-3', pick: (item) => spans(lead(candidates(item.id), 3)) },
    { name: 'random-k', pick: (item, k) => spans(randomPick(source.articles.get(item.id)!, candidates(item.id), k, RANDOM_SEED)) },
    { name: 'textrank-k', pick: (item, k) => spans(textRank(candidates(item.id), k)) },
  ];
}
