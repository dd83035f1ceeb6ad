/**
 * Whether a candidate sentence belongs to the period a question asks about, from what is known of its time:
 * the dates its own words name (resolved against the article date) and the article's date (stated or borrowed).
 *
 * - `in` (confirmed): the sentence names a date inside the period; or the article is dated inside it and the
 *   sentence tells of no earlier time (a later date is a plan or deadline set then: "to be finished by 2031").
 * - `unchecked`: nothing contradicts the period, but nothing confirms it either: an undated article (unless
 *   what it says of time places it after the period), a sentence naming a date that only partly overlaps the
 *   period, an article dated outside the period whose sentence names a date overlapping it, one dated inside
 *   it whose sentence recalls an earlier time ("they last met in 2019"). These are kept, ranked below.
 * - `out`: the article date lies outside the period (and the sentence names no date in it); an undated
 *   sentence names only dates outside the period (what it tells is then, or it was written later: its
 *   tense is not read); or an undated article names a date after the period (so it was written later)
 *   while the sentence names none.
 */
import { fitOf, periodOf, type Period } from './calendar.js';

export type TimeFit = 'in' | 'unchecked' | 'out';

export interface CandidateTime {
  /** Day number of the article's date (stated or borrowed); null when unknown. */
  articleDay: number | null;
  /** The resolved dates the sentence names (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`); unresolved ones left out. */
  sentenceDates: readonly string[];
  /** For an undated article: the resolved dates named anywhere in it (asked only when needed). */
  articleDates(): readonly string[];
}

export function fitToPeriod(period: Period, time: CandidateTime): TimeFit {
  const named = time.sentenceDates.map((iso) => periodOf(iso)).filter((p): p is Period => p !== null);
  const fits = named.map((p) => fitOf(p, period));
  if (fits.includes('inside')) return 'in';
  const overlaps = fits.includes('overlaps');
  const recallsEarlier = named.some((p) => p.to < period.from);
  if (time.articleDay !== null) {
    const dayInside = time.articleDay >= period.from && time.articleDay <= period.to;
    if (dayInside) return recallsEarlier && !overlaps ? 'unchecked' : 'in';
    return overlaps ? 'unchecked' : 'out';
  }
  if (overlaps) return 'unchecked';
  if (named.length > 0) return 'out';
  const told = time.articleDates().map((iso) => periodOf(iso)).filter((p): p is Period => p !== null);
  // The latest thing an undated article tells of happened by the time it was written.
  const writtenBy = told.length === 0 ? Number.NEGATIVE_INFINITY : Math.max(...told.map((p) => p.from));
  return writtenBy > period.to ? 'out' : 'unchecked';
}
