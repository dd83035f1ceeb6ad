/**
 * Dates in the results: every quote gets the date mentions of its sentence (offsets into the article text,
 * resolved against the article's date), a date span gets its resolved date, and every citation the article's
 * date with whether it is stated or borrowed from another article of the story. Quote text never changes.
 */
import type { Article } from '../corpus/types.js';
import type { AskResult, Citation, Quote } from '../answer/types.js';
import type { Summary, SummarySentence } from '../summary/types.js';
import type { TimeIndex } from './time-index.js';

type Quoted = Pick<AskResult, 'answers' | 'nearest' | 'more'>;

export function withDates<T extends Quoted>(result: T, articles: ReadonlyMap<string, Article>, time: TimeIndex): T {
  const dateQuote = (quote: Quote): Quote => {
    const article = articles.get(quote.citation.article);
    const sentence = article?.sentences[quote.citation.sentence - 1];
    if (!article || !sentence) return quote;
    const dates = time.sentenceDates(article, sentence).map(({ text, start, end, date }) => ({ text, start, end, date }));
    const spanDate = quote.span ? dates.find((d) => d.start <= quote.span!.start && quote.span!.end <= d.end) : undefined;
    return {
      ...quote,
      span: quote.span && spanDate ? { ...quote.span, date: spanDate.date } : quote.span,
      dates,
      citation: datedCitation(quote.citation, time),
      alsoReportedBy: quote.alsoReportedBy.map((c) => datedCitation(c, time)),
    };
  };
  return { ...result, answers: result.answers.map(dateQuote), nearest: result.nearest.map(dateQuote), more: result.more.map(dateQuote) };
}

export function datedCitation(citation: Citation, time: TimeIndex): Citation {
  const dated = time.dateOf(citation.article);
  const { dateFrom: _stale, ...rest } = citation;
  return { ...rest, date: dated.date, dateKind: dated.kind, ...(dated.from ? { dateFrom: dated.from } : {}) };
}

/** A summary's quotes with the same citation dates as answers (a borrowed date says so); the quotes unchanged. */
export function withSummaryDates(summary: Summary, time: TimeIndex): Summary {
  const dateSentence = (s: SummarySentence): SummarySentence => ({ ...s, citation: datedCitation(s.citation, time), alsoReportedBy: s.alsoReportedBy.map((c) => datedCitation(c, time)) });
  return {
    ...summary,
    sentences: summary.sentences.map(dateSentence),
    stories: summary.stories.map((story) => ({ ...story, headline: dateSentence(story.headline), sentences: story.sentences.map(dateSentence) })),
  };
}
