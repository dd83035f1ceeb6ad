/**
 * Each article's date for the time rules: the date its source states, else one borrowed from a dated article
 * of the same story (the corpus summary's story grouping), else unknown. Never invented: an undated article
 * alone in its story stays undated.
 */

export interface ArticleDate {
  /** `YYYY-MM-DD`, or null when unknown. */
  date: string | null;
  kind: 'stated' | 'borrowed' | null;
  /** The dated article a borrowed date comes from ("dated from 003, same story"). */
  from?: string;
}

export const UNKNOWN_DATE: ArticleDate = { date: null, kind: null };

/**
 * `stories` lists article ids by story (every article in at most one). An undated article borrows the date of
 * the earliest dated article of its story (ties: the first id): reports of one event follow it, so the first
 * report is the nearest to the event its undated neighbours also tell; the grouping keeps a story's dated
 * articles within a week of each other.
 */
export function datesOfArticles(articles: ReadonlyMap<string, { date: string | null }>, stories: readonly (readonly string[])[]): Map<string, ArticleDate> {
  const out = new Map<string, ArticleDate>();
  for (const [id, article] of articles) out.set(id, article.date === null ? UNKNOWN_DATE : { date: article.date, kind: 'stated' });
  for (const story of stories) {
    const dated = story
      .map((id) => ({ id, date: articles.get(id)?.date ?? null }))
      .filter((a): a is { id: string; date: string } => a.date !== null)
      .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
    const first = dated[0];
    if (!first) continue;
    for (const id of story) {
      if (articles.get(id)?.date === null) out.set(id, { date: first.date, kind: 'borrowed', from: first.id });
    }
  }
  return out;
}
