/** Citations and quotes: the only place quote text is cut from an article, so it is always verbatim. */
import type { Article, Sentence } from '../corpus/types.js';
import type { AnswerSpan, Citation, Quote } from './types.js';

export function citationFor(article: Article, sentence: Sentence): Citation {
  return {
    article: article.id,
    title: article.title,
    publisher: article.publisher,
    date: article.date,
    dateKind: article.date === null ? null : 'stated',
    url: article.url,
    paragraph: sentence.paragraph + 1,
    sentence: sentence.index + 1,
    start: sentence.start,
    end: sentence.end,
  };
}

/** A quote of one sentence; `span` offsets are relative to the sentence and become absolute here. */
export function quoteOf(article: Article, sentence: Sentence, score: number, span: { start: number; end: number } | null): Quote {
  const absolute: AnswerSpan | null = span
    ? { text: article.text.slice(sentence.start + span.start, sentence.start + span.end), start: sentence.start + span.start, end: sentence.start + span.end }
    : null;
  return {
    sentence: article.text.slice(sentence.start, sentence.end),
    span: absolute,
    // Filled by the engine's time step (time/quote-dates.ts), which knows the article dates of the whole corpus.
    dates: [],
    score: round(score),
    citation: citationFor(article, sentence),
    alsoReportedBy: [],
  };
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
