/**
 * Whether a candidate sentence belongs to the period a question asks about, from what is known of its time:
 * the dates its own words name (resolved against the article date) and the article's date (stated or borrowed).
 *
 * - `in` (confirmed): the sentence names a date inside the period; or the article is dated inside it and the
 *   sentence tells of no earlier time (a later date is a plan or deadline set then: "to be finished by 2031").
 * - `out`: the article is dated outside the period and the sentence names no date overlapping it; or the
 *   article is undated but names a date beginning more than a year after the period ends, so it was written
 *   well after it, and the sentence names no date at all (its news is the article's own time). A year's grace:
 *   reports of last year's figures name this year ("sales in 2004 … expected to grow in 2005").
 * - `unchecked`: everything else, kept but ranked below confirmed candidates: an undated article's sentence
 *   (its time is unknown, and a sentence naming another year may still be about the period: "up from $66m in
 *   2003", "the worst Christmas since 1981"), a sentence naming a date that only partly overlaps the period, an
 *   article dated outside the period whose sentence names a date overlapping it, or one dated inside it whose
 *   sentence recalls an earlier time ("they last met in 2019").
 *
 * Dropping is kept for what dates contradict. (Dropping undated sentences that name other years, or undated
 * articles naming any later year, dropped the gold of 4 of 38 bbc-qa period questions: `npm run bench:time`.)
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

/** Days after a period's end that an undated article may name and still be a report of it. */
export const WRITTEN_AFTER_GRACE_DAYS = 366;

export function fitToPeriod(period: Period, time: CandidateTime): TimeFit {
  const named = time.sentenceDates.map((iso) => periodOf(iso)).filter((p): p is Period => p !== null);
  const fits = named.map((p) => fitOf(p, period));
  if (fits.includes('inside')) return 'in';
  if (time.articleDay === null) {
    if (named.length > 0) return 'unchecked';
    const told = time.articleDates().map((iso) => periodOf(iso)).filter((p): p is Period => p !== null);
    const writtenBy = Math.max(Number.NEGATIVE_INFINITY, ...told.map((p) => p.from));
    return writtenBy > period.to + WRITTEN_AFTER_GRACE_DAYS ? 'out' : 'unchecked';
  }
  const overlaps = fits.includes('overlaps');
  const dayInside = time.articleDay >= period.from && time.articleDay <= period.to;
  if (!dayInside) return overlaps ? 'unchecked' : 'out';
  const recallsEarlier = named.some((p) => p.to < period.from);
  return recallsEarlier && !overlaps ? 'unchecked' : 'in';
}
