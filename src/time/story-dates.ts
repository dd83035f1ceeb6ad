/**
 * The corpus's article dates with borrowing (article-dates.ts), from the summary's story grouping over the
 * loaded index. Grouping is average-linkage clustering (cubic in the number of articles), so it runs only when
 * it can change something (some articles dated, some not) and the corpus is small enough to group within a
 * question's time budget; above that, undated articles stay undated (never a guess).
 */
import type { Article } from '../corpus/types.js';
import { groupStories } from '../summary/story-grouping.js';
import type { SummarySource } from '../summary/source.js';
import { datesOfArticles, type ArticleDate } from './article-dates.js';

/** Largest corpus whose stories are grouped to lend dates (about a second of clustering on a slow core). */
export const MAX_ARTICLES_FOR_BORROWING = 400;

export function corpusDates(source: SummarySource & { articles: ReadonlyMap<string, Article> }): Map<string, ArticleDate> {
  const all = [...source.articles.values()];
  const dated = all.filter((a) => a.date !== null).length;
  const canBorrow = dated > 0 && dated < all.length && all.length <= MAX_ARTICLES_FOR_BORROWING;
  return datesOfArticles(source.articles, canBorrow ? groupStories(source) : []);
}
