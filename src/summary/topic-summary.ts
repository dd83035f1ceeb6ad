/** Summary of a topic across articles, from the sentences the engine retrieved for it. */
import { summaryMaterial } from './candidates.js';
import { DEFAULT_BUDGETS, resolveBudget } from './budget.js';
import { summarizeAcross, type CrossArticleItem, type CrossArticleOptions } from './cross-article.js';
import type { SummarySource, TopicCandidate } from './source.js';
import type { Summary, SummaryBudget } from './types.js';

/**
 * Candidates that are not summary material of their article (see `summaryMaterial`: headings, fragments, captions of
 * articles with a body) or name unknown articles/sentences are dropped; a sentence listed twice keeps its best relevance.
 */
export function summarizeTopic(
  source: SummarySource,
  topic: string,
  candidates: readonly TopicCandidate[],
  budget?: SummaryBudget,
  options: CrossArticleOptions = {},
): Summary {
  const items = topicItems(source, candidates);
  const result = summarizeAcross(source, items, resolveBudget(budget, DEFAULT_BUDGETS.topic), options);
  const articles = new Set(items.map((item) => item.article.id));
  return {
    kind: 'topic',
    target: topic,
    sentences: result.sentences,
    stories: [],
    omitted: { sentences: items.length - result.coveredItems, articles: articles.size - result.coveredArticles.size },
  };
}

export function topicItems(source: SummarySource, candidates: readonly TopicCandidate[]): CrossArticleItem[] {
  const best = new Map<string, CrossArticleItem>();
  const materialOf = new Map<string, Set<number>>();
  for (const candidate of candidates) {
    const article = source.articles.get(candidate.articleId);
    const sentence = article?.sentences[candidate.sentenceIndex];
    if (!article || !sentence) continue;
    if (!materialOf.has(article.id)) materialOf.set(article.id, new Set(summaryMaterial(article).map((s) => s.index)));
    if (!materialOf.get(article.id)!.has(sentence.index)) continue;
    const key = `${article.id}\u0000${sentence.index}`;
    const seen = best.get(key);
    if (!seen || seen.relevance < candidate.relevance) best.set(key, { article, sentence, relevance: candidate.relevance });
  }
  return rescaleRelevance([...best.values()]);
}

/** To 0..1: divided by the maximum when no score is negative (so ratios survive), min-max otherwise. */
export function rescaleRelevance(items: CrossArticleItem[]): CrossArticleItem[] {
  const values = items.map((item) => item.relevance);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const rescale = (r: number): number => (min >= 0 ? (max > 0 ? r / max : 1) : max > min ? (r - min) / (max - min) : 1);
  return items.map((item) => ({ ...item, relevance: rescale(item.relevance) }));
}
