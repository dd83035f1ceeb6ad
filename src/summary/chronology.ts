/** Reading order of a multi-article summary: by article date, so the story unfolds as it happened. */

export interface Dated {
  articleId: string;
  /** ISO `YYYY-MM-DD`, or null when the article does not say. */
  date: string | null;
  sentenceIndex: number;
  relevance: number;
}

/**
 * Known dates first, ascending; unknown dates after. Within one date, articles come by their best relevance
 * (then id, for a stable order) and each article's sentences in reading order, so a quote never precedes
 * the sentence it followed in its own article.
 */
export function chronologicalOrder<T extends Dated>(items: readonly T[]): T[] {
  const bestRelevance = new Map<string, number>();
  for (const item of items) bestRelevance.set(item.articleId, Math.max(bestRelevance.get(item.articleId) ?? -Infinity, item.relevance));
  return [...items].sort((a, b) => {
    if (a.date !== b.date) {
      if (a.date === null) return 1;
      if (b.date === null) return -1;
      return a.date < b.date ? -1 : 1;
    }
    if (a.articleId !== b.articleId) {
      const byRelevance = bestRelevance.get(b.articleId)! - bestRelevance.get(a.articleId)!;
      return byRelevance !== 0 ? byRelevance : a.articleId < b.articleId ? -1 : 1;
    }
    return a.sentenceIndex - b.sentenceIndex;
  });
}
