/** Turns an article sentence into a cited, verbatim summary sentence. */
import { citationFor } from '../answer/cite.js';
import type { Citation } from '../answer/types.js';
import type { Article, Sentence } from '../corpus/types.js';
import type { SummarySentence } from './types.js';

/** The quote is sliced from the article text, never copied from elsewhere, so it is verbatim by construction. */
export function toSummarySentence(article: Article, sentence: Sentence, score: number, alsoReportedBy: Citation[] = []): SummarySentence {
  return {
    sentence: article.text.slice(sentence.start, sentence.end),
    citation: citationFor(article, sentence),
    alsoReportedBy,
    score,
  };
}

export function sourceOf(article: Article): Pick<Citation, 'article' | 'title' | 'publisher' | 'date' | 'url'> {
  return { article: article.id, title: article.title, publisher: article.publisher, date: article.date, url: article.url };
}
