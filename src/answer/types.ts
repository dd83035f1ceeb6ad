/** The answer step's result types: what both doors render and what `ask --jsonl` prints. */
import type { RetrievalMode } from '../search/retrieve.js';

export type { RetrievalMode } from '../search/retrieve.js';

export interface Citation {
  /** Article id: its path relative to the corpus folder. */
  article: string;
  title: string;
  /** null when the article does not say (rendered as "unknown"). */
  publisher: string | null;
  /** ISO `YYYY-MM-DD`, null when unknown. */
  date: string | null;
  url: string | null;
  /** 1-based paragraph number within the article. */
  paragraph: number;
  /** 1-based sentence number within the article. */
  sentence: number;
  /** Character offsets of the quoted sentence in the article text. */
  start: number;
  end: number;
}

/** The exact part of a quote that answers (a name, date, figure), with offsets into the article text. */
export interface AnswerSpan {
  text: string;
  start: number;
  end: number;
}

export interface Quote {
  /** Verbatim: equals `article.text.slice(citation.start, citation.end)`. */
  sentence: string;
  span: AnswerSpan | null;
  score: number;
  citation: Citation;
  /** Other articles that carry an agreeing sentence, grouped under this quote rather than repeated. */
  alsoReportedBy: Citation[];
}

export type AskStatus = 'answered' | 'not_found';

export type ConfidenceWord = 'high' | 'medium' | 'low';

export type NotFoundReason = 'below-threshold' | 'no-candidates' | 'empty-index' | 'unsupported-language';

/** Named phases of one question, shown by `--json`, logs and stats. */
export interface AskTrace {
  mode: RetrievalMode;
  embedMs: number;
  retrieveMs: number;
  answerMs: number;
  totalMs: number;
  candidates: number;
  /** The features the confidence was computed from (best sentence), for transparency. */
  evidence: Record<string, number> | null;
}

/** How a follow-up was read: the words asked, the question they followed, and the rule that joined them. */
export interface FollowUpContext {
  asked: string;
  previous: string;
  rule: 'substitute' | 'append' | 'pronoun' | 'standalone';
}

export interface AskResult {
  /** The question answered (for a follow-up: with its context filled in). */
  question: string;
  /** Present when the question was asked as a follow-up. */
  followUp?: FollowUpContext;
  status: AskStatus;
  /** 0..1: the calibrated probability that the first quote answers the question. */
  confidence: number;
  /** The same in words, by the one set of bands both doors show: "high", "medium" (answered), "low" (below the threshold). */
  confidenceWord: ConfidenceWord;
  answers: Quote[];
  /** The closest passages: shown instead of answers when not_found, and as context otherwise. */
  nearest: Quote[];
  /** Further supporting quotes beyond `answers` ("More sources"). */
  more: Quote[];
  reason?: NotFoundReason;
  trace: AskTrace;
}
