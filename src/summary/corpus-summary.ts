/** Summary of the whole corpus: its stories, each with a headline quote, further quotes, sources and dates. */
import { rankArticle, type ArticleRankingOptions } from './article-ranking.js';
import { DEFAULT_BUDGETS, resolveBudget } from './budget.js';
import { sourceOf } from './citation.js';
import { summarizeAcross, type CrossArticleItem, type CrossArticleOptions } from './cross-article.js';
import type { SummarySource } from './source.js';
import { groupStories, type StoryGroupingOptions } from './story-grouping.js';
import type { Summary, SummaryBudget, SummaryStory } from './types.js';

export interface CorpusSummaryOptions {
  grouping?: StoryGroupingOptions;
  ranking?: ArticleRankingOptions;
  merging?: CrossArticleOptions;
  /** Best sentences of each article that compete for its story's quotes, >= 1 (default 3). */
  perArticle?: number;
}

/**
 * Every story first gets its headline, biggest stories first (more articles, then the latest date), until the
 * budget runs out; what is left is shared evenly among the shown stories for further quotes.
 * `Summary.sentences` holds the shown stories' headlines, in story order.
 */
export function summarizeCorpus(source: SummarySource, budget?: SummaryBudget, options: CorpusSummaryOptions = {}): Summary {
  const total = resolveBudget(budget, DEFAULT_BUDGETS.corpus);
  const stories = orderStories(source, groupStories(source, options.grouping));
  const pools = stories.map((ids) => storyPool(source, ids, options));
  const headlineChars = new Map<number, number>();
  let chars = total.maxChars;
  for (const [s, pool] of pools.entries()) {
    if (headlineChars.size >= total.maxSentences) break;
    const headline = summarizeAcross(source, pool, { maxSentences: 1, maxChars: chars }, options.merging).sentences[0];
    if (!headline) continue;
    headlineChars.set(s, headline.sentence.length);
    chars -= headline.sentence.length;
  }
  const shown = Math.max(1, headlineChars.size);
  const extraSentences = Math.floor((total.maxSentences - headlineChars.size) / shown);
  const extraChars = Math.floor(chars / shown);
  const summaries: SummaryStory[] = [];
  let omittedSentences = 0;
  for (const [s, pool] of pools.entries()) {
    const headline = headlineChars.get(s);
    if (headline === undefined) {
      omittedSentences += pool.length;
      continue;
    }
    const result = summarizeAcross(source, pool, { maxSentences: 1 + extraSentences, maxChars: headline + extraChars }, options.merging);
    omittedSentences += pool.length - result.coveredItems;
    summaries.push(toStory(source, stories[s]!, result.sentences, result.headline));
  }
  const unshownArticles = stories.filter((_, s) => !headlineChars.has(s)).reduce((n, ids) => n + ids.length, 0);
  return {
    kind: 'corpus',
    target: 'corpus',
    sentences: summaries.map((story) => story.headline),
    stories: summaries,
    omitted: { sentences: omittedSentences, articles: unshownArticles },
  };
}

/** The top `perArticle` sentences of each of the story's articles, with their article-ranking scores as relevance. */
function storyPool(source: SummarySource, ids: readonly string[], options: CorpusSummaryOptions): CrossArticleItem[] {
  const perArticle = Math.max(1, options.perArticle ?? 3);
  return ids.flatMap((id) => {
    const article = source.articles.get(id)!;
    const ranked = rankArticle(source, article, options.ranking);
    return ranked.sentences
      .map((sentence, i) => ({ article, sentence, relevance: ranked.scores[i]! }))
      .sort((a, b) => b.relevance - a.relevance)
      .slice(0, perArticle);
  });
}

function orderStories(source: SummarySource, stories: string[][]): string[][] {
  const latest = (ids: string[]): string => ids.map((id) => source.articles.get(id)!.date ?? '').sort().at(-1) ?? '';
  return [...stories].sort((a, b) => b.length - a.length || latest(b).localeCompare(latest(a)) || a[0]!.localeCompare(b[0]!));
}

function toStory(source: SummarySource, ids: readonly string[], quotes: SummaryStory['sentences'], headline: number): SummaryStory {
  const articles = ids.map((id) => source.articles.get(id)!);
  const dates = [...new Set(articles.map((a) => a.date).filter((d): d is string => d !== null))].sort();
  const sources = articles
    .map(sourceOf)
    .sort((a, b) => (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff') || a.article.localeCompare(b.article));
  return { headline: quotes[headline]!, sentences: quotes.filter((_, i) => i !== headline), sources, dates };
}
