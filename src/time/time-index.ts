/**
 * What the time rules read of the loaded index: every article's date (stated or borrowed), the date
 * mentions of a sentence resolved against it, and the newest article date. Built once per loaded index;
 * the story grouping and the date parsing (chrono is slow) happen only when first asked, and mentions are
 * cached per sentence.
 */
import type { Article, Sentence } from '../corpus/types.js';
import { LruCache } from '../lru.js';
import type { SummarySource } from '../summary/source.js';
import { UNKNOWN_DATE, type ArticleDate } from './article-dates.js';
import { periodOf } from './calendar.js';
import { findDates, type DateMention, type DateReference } from './resolve-dates.js';
import { corpusDates } from './story-dates.js';

export interface TimeIndex {
  dateOf(articleId: string): ArticleDate;
  /** Day number of the article's date; null when unknown. */
  dayOf(articleId: string): number | null;
  /** The sentence's date mentions with offsets into the article text, resolved against the article's date. */
  sentenceDates(article: Article, sentence: Sentence): DateMention[];
  /** The resolved dates named anywhere in the article's sentences. */
  articleDates(article: Article): string[];
  /** Day number of the newest article date (stated or borrowed); null when no article is dated. */
  newestDay(): number | null;
}

export function createTimeIndex(source: SummarySource & { articles: ReadonlyMap<string, Article> }): TimeIndex {
  let dates: Map<string, ArticleDate> | null = null;
  const all = () => (dates ??= corpusDates(source));
  const mentions = new LruCache<string, DateMention[]>(20_000);
  const named = new LruCache<string, string[]>(2_000);
  let newest: number | null | undefined;
  const dayOf = (id: string): number | null => {
    const date = all().get(id)?.date;
    return date ? periodOf(date)!.from : null;
  };
  const index: TimeIndex = {
    dateOf: (id) => all().get(id) ?? UNKNOWN_DATE,
    dayOf,
    sentenceDates(article, sentence) {
      const key = `${article.id}\u0000${sentence.index}`;
      let found = mentions.get(key);
      if (!found) {
        const own = all().get(article.id) ?? UNKNOWN_DATE;
        const day = dayOf(article.id);
        const reference: DateReference | null = day === null || own.kind === null ? null : { day, kind: own.kind };
        found = findDates(sentence.text, reference, sentence.start);
        mentions.set(key, found);
      }
      return found;
    },
    articleDates(article) {
      let found = named.get(article.id);
      if (!found) {
        found = article.sentences.flatMap((s) => index.sentenceDates(article, s)).flatMap((m) => (m.date === null ? [] : [m.date]));
        named.set(article.id, found);
      }
      return found;
    },
    newestDay() {
      if (newest === undefined) {
        newest = null;
        for (const id of all().keys()) {
          const day = dayOf(id);
          if (day !== null && (newest === null || day > newest)) newest = day;
        }
      }
      return newest;
    },
  };
  return index;
}
