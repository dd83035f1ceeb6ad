/**
 * The time a question is answered for: its own time words (question-time.ts) joined with the asker's
 * `since`/`until`, and the day relative words count from.
 */
import { VerbatimError } from '../errors.js';
import { isoDay, type Period } from './calendar.js';
import { describePeriod, readDateOption, readQuestionTime } from './question-time.js';

export interface TimeConstraint {
  /** The days asked about; null when neither the question nor the options name any. */
  period: Period | null;
  /** Asks for the newest news ("latest", "now", "still"). */
  latest: boolean;
  /** The words and options that set the period, for the trace. */
  words: string[];
  /** The question without its time words: what retrieval and the ranker match. */
  text: string;
  /** The question keeping the dates it states outright (question-time.ts): the engine's second try. */
  datedText: string;
  reference: { day: number; from: 'today' | 'newest-article'; /** Whether any article has a date. */ dated?: boolean };
}

export interface PeriodOptions {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: from the first day it covers. */
  since?: string;
  /** The same: up to the last day it covers. */
  until?: string;
}

/** A corpus whose newest article is at most this many days old is live: relative words count from today. */
export const LIVE_CORPUS_DAYS = 7;

/**
 * "Yesterday" and "last year" count from today on a live corpus (its newest article within a week of today),
 * and from the newest article on an archive (the seeds end in September 2025: "last week" there means the
 * week before its last news, not a week in which nothing can have been written). No dated article: today.
 */
export function referenceDay(today: number, newestArticle: number | null): TimeConstraint['reference'] {
  if (newestArticle === null) return { day: today, from: 'today', dated: false };
  if (today - newestArticle <= LIVE_CORPUS_DAYS) return { day: today, from: 'today', dated: true };
  return { day: newestArticle, from: 'newest-article', dated: true };
}

/** The period `since`/`until` give (either may be absent); null for neither. Throws DATE_INVALID for a bad value. */
export function readPeriodOptions(options: PeriodOptions): { period: Period; words: string[] } | null {
  const read = (name: 'since' | 'until'): Period | null => {
    const value = options[name];
    if (value === undefined || value.trim() === '') return null;
    const period = readDateOption(value);
    if (!period) throw new VerbatimError('DATE_INVALID', `"${value}" is not a date ${name} can take.`);
    return period;
  };
  const since = read('since');
  const until = read('until');
  if (!since && !until) return null;
  const period = { from: since?.from ?? Number.NEGATIVE_INFINITY, to: until?.to ?? Number.POSITIVE_INFINITY };
  if (period.from > period.to) throw new VerbatimError('DATE_INVALID', `since (${options.since}) is after until (${options.until}).`);
  const words = [...(since ? [`since ${options.since!.trim()}`] : []), ...(until ? [`until ${options.until!.trim()}`] : [])];
  return { period, words };
}

export function timeConstraint(question: string, reference: TimeConstraint['reference'], options: PeriodOptions = {}): TimeConstraint {
  const asked = readQuestionTime(question, reference.day, { datedCorpus: reference.dated !== false });
  const given = readPeriodOptions(options);
  // Both: the days both allow. A question about 2019 asked with since 2024 allows none, and finds nothing.
  const period = asked.period && given ? { from: Math.max(asked.period.from, given.period.from), to: Math.min(asked.period.to, given.period.to) } : (asked.period ?? given?.period ?? null);
  return { period, latest: asked.latest, words: [...asked.words, ...(given?.words ?? [])], text: asked.text, datedText: asked.datedText, reference };
}

export function describeConstraint(constraint: TimeConstraint): { period: string | null; reference: { date: string; from: 'today' | 'newest-article' } } {
  const { period } = constraint;
  return {
    period: period === null ? null : period.from > period.to ? 'no days (the periods do not overlap)' : describePeriod(period),
    reference: { date: isoDay(constraint.reference.day), from: constraint.reference.from },
  };
}
