/** The shared core of topic and story summaries: merge near-duplicates across outlets, pick under budget, order by date. */
import type { Citation } from '../answer/types.js';
import type { Article, Sentence } from '../corpus/types.js';
import { terms } from '../index/tokenize.js';
import { chronologicalOrder } from './chronology.js';
import { citationFor } from '../answer/cite.js';
import { toSummarySentence } from './citation.js';
import { clusterNearDuplicates } from './near-duplicates.js';
import { selectMmr } from './select.js';
import { blendedSimilarity, type TextView } from './similarity.js';
import type { SummarySource } from './source.js';
import { termWeights, tfidfVector } from './term-weights.js';
import type { SummaryBudget, SummarySentence } from './types.js';

export interface CrossArticleItem {
  article: Article;
  sentence: Sentence;
  /** 0..1 */
  relevance: number;
}

export interface CrossArticleOptions {
  /** Embedding weight in sentence similarity, 0..1 (default 0.5). */
  denseWeight?: number;
  /** MMR redundancy penalty, >= 0 (default 0.3). */
  redundancy?: number;
  /** Score bonus per further outlet carrying the same sentence, counted up to 3 (default 0.1). */
  corroboration?: number;
}

export interface CrossArticleResult {
  /** Chosen quotes in reading order (see `chronologicalOrder`), highest-scoring merged cluster's quote marked by `headline`. */
  sentences: SummarySentence[];
  /** Index into `sentences` of the best-scoring quote, or -1 when nothing fit. */
  headline: number;
  /** Items shown or merged into a shown quote. */
  coveredItems: number;
  coveredArticles: Set<string>;
}

export function summarizeAcross(
  source: SummarySource,
  items: readonly CrossArticleItem[],
  budget: Required<SummaryBudget>,
  options: CrossArticleOptions = {},
): CrossArticleResult {
  const { denseWeight = 0.5, redundancy = 0.3, corroboration = 0.1 } = options;
  const weights = termWeights(source.articles);
  const views: TextView[] = items.map(({ article, sentence }) => ({
    terms: tfidfVector(terms(sentence.text), weights),
    vector: source.sentenceVector(article.id, sentence.index),
  }));
  const byRelevance = items.map((_, i) => i).sort((a, b) => items[b]!.relevance - items[a]!.relevance);
  const clusters = clusterNearDuplicates(views, byRelevance);
  const scores = clusters.map((cluster) => {
    const outlets = new Set(cluster.map((i) => items[i]!.article.id)).size - 1;
    return items[cluster[0]!]!.relevance * (1 + corroboration * Math.min(3, outlets));
  });
  const chosen = selectMmr(
    clusters.map((cluster, c) => ({ score: scores[c]!, length: items[cluster[0]!]!.sentence.text.length })),
    (a, b) => blendedSimilarity(views[clusters[a]![0]!]!, views[clusters[b]![0]!]!, denseWeight),
    budget,
    redundancy,
  );
  const coveredArticles = new Set<string>();
  let coveredItems = 0;
  const quotes = chosen.map((c) => {
    const [first, ...rest] = clusters[c]!;
    const lead = items[first!]!;
    for (const i of clusters[c]!) coveredArticles.add(items[i]!.article.id);
    coveredItems += clusters[c]!.length;
    const quote = toSummarySentence(lead.article, lead.sentence, scores[c]!, otherOutlets(lead.article.id, rest.map((i) => items[i]!)));
    return { quote, articleId: lead.article.id, date: lead.article.date, sentenceIndex: lead.sentence.index, relevance: scores[c]! };
  });
  const ordered = chronologicalOrder(quotes);
  const best = chosen.length > 0 ? quotes[0]!.quote : undefined;
  return {
    sentences: ordered.map((q) => q.quote),
    headline: ordered.findIndex((q) => q.quote === best),
    coveredItems,
    coveredArticles,
  };
}

/** One citation per other article (its most relevant copy); copies within the lead's own article add nothing. */
function otherOutlets(leadArticle: string, copies: readonly CrossArticleItem[]): Citation[] {
  const seen = new Set([leadArticle]);
  const citations: Citation[] = [];
  for (const copy of copies) {
    if (seen.has(copy.article.id)) continue;
    seen.add(copy.article.id);
    citations.push(citationFor(copy.article, copy.sentence));
  }
  return citations;
}
