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
  /** Other articles with a near-duplicate sentence merged into this one. */
  alsoReportedBy: Citation[];
  score: number;
}

export interface SummaryStory {
  headline: SummarySentence;
  sentences: SummarySentence[];
  sources: Array<Pick<Citation, 'article' | 'title' | 'publisher' | 'date' | 'url'>>;
  /** Known dates of the story's articles, ISO, ascending. */
  dates: string[];
}

export interface Summary {
  kind: 'article' | 'topic' | 'corpus';
  /** The article id, the topic, or "corpus". */
  target: string;
  sentences: SummarySentence[];
  /** Present for corpus summaries: one entry per story. */
  stories: SummaryStory[];
  /** What was left out: candidate sentences not shown, articles not covered. */
  omitted: { sentences: number; articles: number };
}
