/** The answer step's result types: what both doors render and what `ask --jsonl` prints. */
import type { RetrievalMode } from '../search/retrieve.js';

export type { RetrievalMode } from '../search/retrieve.js';

export interface Citation {
  /** Article id: its path relative to the corpus folder. */
  article: string;
  title: string;
  /** null when the article does not say (rendered as "unknown"). */
  publisher: string | null;
  /** ISO `YYYY-MM-DD`, null when unknown (never invented). */
  date: string | null;
  /**
   * Where `date` comes from: the article states it, or it is borrowed from a dated article of the same story
   * (`dateFrom` names that article); null when the date is unknown.
   */
  dateKind: 'stated' | 'borrowed' | null;
  /** The article a borrowed date comes from. */
  dateFrom?: string;
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
  /** When the span is (inside) a date expression ("Wednesday"): the date it resolves to, null when unresolved. */
  date?: string | null;
}

/**
 * A date expression inside a quote ("Wednesday", "last year", "in March 2024"), with offsets into the article
 * text like the span: `text === article.text.slice(start, end)`. `date` is the day, month or year it names,
 * resolved against the article's date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY` by precision); null when the words
 * cannot be pinned to a date ("a day after the parade", a weekday in an undated article).
 */
export interface QuoteDate {
  text: string;
  start: number;
  end: number;
  date: string | null;
}

export interface Quote {
  /** Verbatim: equals `article.text.slice(citation.start, citation.end)`. */
  sentence: string;
  span: AnswerSpan | null;
  /** The date expressions inside the sentence, in reading order (see QuoteDate). */
  dates: QuoteDate[];
  score: number;
  citation: Citation;
  /** Other articles that carry an agreeing sentence, grouped under this quote rather than repeated. */
  alsoReportedBy: Citation[];
}

export type AskStatus = 'answered' | 'not_found';

export type ConfidenceWord = 'high' | 'medium' | 'low';

/** `no-match-in-period`: the question (or `since`/`until`) names a period and nothing from that period answers. */
export type NotFoundReason = 'below-threshold' | 'no-candidates' | 'empty-index' | 'unsupported-language' | 'no-match-in-period';

/**
 * The time the engine applied to a question: the period (from its words and/or `since`/`until`), the wish for
 * the newest news, and what that did to the candidates. Present on every answer the engine ranked.
 */
export interface TimeTrace {
  /**
   * `period`: candidates outside the period were dropped and confirmed ones put first; `latest`: the newest
   * articles among near-equal candidates first; `newer-wins-ties`: no time words, so only exact ties were broken
   * by date; `off`: the time step was turned off.
   */
  applied: 'period' | 'latest' | 'period+latest' | 'newer-wins-ties' | 'off';
  /** The period as days (`2025-09-01 – 2025-09-30`, `from 2024-01-01`), null when none. */
  period: string | null;
  /** The question's words that set it ("in September 2025"), and `since`/`until` when given. */
  words: string[];
  /** The day relative words ("yesterday", "last year") count from, and why that day. */
  reference: { date: string; from: 'today' | 'newest-article' };
  /** Candidates whose dates put them in the period, whose time could not be checked (kept after them), and dropped ones. */
  confirmed: number;
  unchecked: number;
  dropped: number;
}

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
  /** The time constraint applied (see TimeTrace); absent when the question never reached ranking. */
  time?: TimeTrace;
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
