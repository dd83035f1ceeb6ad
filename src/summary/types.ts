/** The summary step's result type (built out in the summaries issue). */
import type { Citation } from '../answer/types.js';

export type SummaryRequest =
  | { article: string; budget?: SummaryBudget }
  | { topic: string; budget?: SummaryBudget }
  | { corpus: true; budget?: SummaryBudget };

/** A length budget in characters (Discord's limits) or in sentences; whichever is reached first. */
export interface SummaryBudget {
  maxChars?: number;
  maxSentences?: number;
}

export interface SummarySentence {
  /** Verbatim: equals the cited article's text sliced at `citation.start..citation.end`. */
  sentence: string;
  citation: Citation;
  /** Other articles with a near-duplicate sentence merged into this one (one citation per article). */
  alsoReportedBy: Citation[];
  /** Why it was chosen, 0..~1.3: article summaries blend centrality and the lead prior; topic and story quotes
   * carry relevance raised by 10% per further outlet (up to three). Comparable within one summary only. */
  score: number;
}

export interface SummaryStory {
  /** The story's best quote. */
  headline: SummarySentence;
  /** Further quotes, without the headline, ordered by article date (unknown dates last). */
  sentences: SummarySentence[];
  /** Every article of the story, by date (unknown last), then id. */
  sources: Array<Pick<Citation, 'article' | 'title' | 'publisher' | 'date' | 'url'>>;
  /** Known dates of the story's articles, ISO, ascending. */
  dates: string[];
}

export interface Summary {
  kind: 'article' | 'topic' | 'corpus';
  /** The article id, the topic, or "corpus". */
  target: string;
  /**
   * article: the chosen sentences in article order. topic: quotes ordered by article date (unknown dates last,
   * then by relevance). corpus: the shown stories' headlines, in story order.
   */
  sentences: SummarySentence[];
  /** Corpus summaries: one entry per shown story, biggest first (more articles, then latest date). Else empty. */
  stories: SummaryStory[];
  /**
   * What was left out. sentences: candidates neither shown nor merged into a shown quote (article: summary
   * material; topic: retrieved sentences; corpus: each article's best few). articles: articles with nothing shown.
   */
  omitted: { sentences: number; articles: number };
}
