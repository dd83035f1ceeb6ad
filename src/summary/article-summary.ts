/** Summary of one article: its most central, least redundant sentences, in the article's own order. */
import { VerbatimError } from '../errors.js';
import { rankArticle, DEFAULT_ARTICLE_RANKING, type ArticleRankingOptions } from './article-ranking.js';
import { DEFAULT_BUDGETS, resolveBudget } from './budget.js';
import { toSummarySentence } from './citation.js';
import { isNearDuplicate } from './near-duplicates.js';
import { selectMmr } from './select.js';
import type { SummarySource } from './source.js';
import type { Summary, SummaryBudget } from './types.js';

/**
 * `articleId` must be an exact id (resolve user input with `resolveArticleId` first). A sentence that nearly
 * duplicates a chosen one (see `isNearDuplicate`) is never chosen too, whatever the MMR penalty.
 */
export function summarizeArticle(
  source: SummarySource,
  articleId: string,
  budget?: SummaryBudget,
  options: ArticleRankingOptions = {},
): Summary {
  const article = source.articles.get(articleId);
  if (!article) throw new VerbatimError('ARTICLE_NOT_FOUND', `No article with id "${articleId}".`);
  const ranked = rankArticle(source, article, options);
  const redundancy = options.redundancy ?? DEFAULT_ARTICLE_RANKING.redundancy;
  const chosen = selectMmr(
    ranked.sentences.map((s, i) => ({ score: ranked.scores[i]!, length: s.end - s.start })),
    (a, b) => ranked.similarity[a]![b]!,
    resolveBudget(budget, DEFAULT_BUDGETS.article),
    redundancy,
    (a, b) => isNearDuplicate(ranked.views[a]!, ranked.views[b]!),
  ).sort((a, b) => a - b);
  return {
    kind: 'article',
    target: article.id,
    sentences: chosen.map((i) => toSummarySentence(article, ranked.sentences[i]!, ranked.scores[i]!)),
    stories: [],
    omitted: { sentences: ranked.sentences.length - chosen.length, articles: 0 },
  };
}
