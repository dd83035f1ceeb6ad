/**
 * The time constraint as a step around the learned ranker (answer/answerer.ts `AroundRanking`); the models
 * never see it, so they need no refit:
 *
 * - With a period, candidates outside it are dropped before ranking; in the second stage's shortlist those
 *   whose time could not be checked (see period-fit.ts) rank UNCHECKED_PENALTY below their score, so a
 *   confirmed candidate overtakes an unchecked one it nearly ties, but not a much better one (most articles
 *   of a young corpus are undated). When nothing kept answers, the answer is not_found with
 *   `no-match-in-period`, its nearest passages from what was kept, those confirmed in the period first.
 * - "Latest", "now", "still": among candidates within LATEST_GAP of the best, the newest article comes first.
 * - Otherwise only near-exact ties (within TIE_GAP) are broken, newer article first.
 */
import type { AroundRanking } from '../answer/answerer.js';
import type { RankedSentence } from '../answer/rank.js';
import type { SentenceEvidence } from '../answer/sentence-features.js';
import type { TimeTrace } from '../answer/types.js';
import { fitToPeriod, type TimeFit } from './period-fit.js';
import { describeConstraint, type TimeConstraint } from './time-constraint.js';
import type { TimeIndex } from './time-index.js';

/**
 * Second-stage logits within which "latest" lets a newer article go first. Set by hand (no question set measures
 * it yet): well above the answer step's 0.5 near-tie gap, half its 4-logit gap for grouping agreeing sources.
 */
export const LATEST_GAP = 2;
/**
 * Second-stage logits an unchecked candidate yields to confirmed ones: a confirmed sentence it leads by less goes
 * first. The same size as LATEST_GAP: both are "clearly better" on the ranker's scale.
 */
export const UNCHECKED_PENALTY = 2;
/** Logits within which two candidates count as tied when no time words are given. */
export const TIE_GAP = 0.05;

export interface TimeStep {
  around: AroundRanking;
  /** What the step did, for the result's trace (read after answering). */
  trace(): TimeTrace;
}

export function timeStep(constraint: TimeConstraint, time: TimeIndex): TimeStep {
  const fits = new Map<string, TimeFit>();
  const counts = { confirmed: 0, unchecked: 0, dropped: 0 };
  const key = (row: SentenceEvidence) => `${row.article.id}\u0000${row.sentence.index}`;
  const { period } = constraint;
  const fitOf = (row: SentenceEvidence): TimeFit => {
    if (!period) return 'in';
    let fit = fits.get(key(row));
    if (!fit) {
      fit = fitToPeriod(period, {
        articleDay: time.dayOf(row.article.id),
        sentenceDates: time.sentenceDates(row.article, row.sentence).flatMap((m) => (m.date === null ? [] : [m.date])),
        articleDates: () => time.articleDates(row.article),
      });
      fits.set(key(row), fit);
      counts[fit === 'in' ? 'confirmed' : fit === 'unchecked' ? 'unchecked' : 'dropped']++;
    }
    return fit;
  };
  const around: AroundRanking = {
    order: (shortlist) => {
      // Ordered by the score the time rules give (the ranker's, less the penalty); the scores themselves stay.
      const keyed = shortlist
        .map((row) => ({ row, score: row.score - (period && fitOf(row) !== 'in' ? UNCHECKED_PENALTY : 0) }))
        .sort((a, b) => b.score - a.score);
      return newerWithin(keyed, constraint.latest ? LATEST_GAP : TIE_GAP, (k) => time.dayOf(k.row.article.id)).map((k) => k.row);
    },
  };
  if (period) {
    around.keep = (row) => fitOf(row) !== 'out';
    around.emptyReason = 'no-match-in-period';
    // "The nearest passages from that period": the confirmed ones first, in the ranker's order.
    around.nearest = (ranked) => [...ranked.filter((r) => fitOf(r) === 'in'), ...ranked.filter((r) => fitOf(r) !== 'in')];
  }
  return {
    around,
    trace: () => ({
      applied: period && constraint.latest ? 'period+latest' : period ? 'period' : constraint.latest ? 'latest' : 'newer-wins-ties',
      ...describeConstraint(constraint),
      words: constraint.words,
      ...counts,
    }),
  };
}

/**
 * `ranked` best first. The candidates scoring within `gap` of the first are put newest article first (undated
 * after dated, the ranker's order among equals); the rest keep their order after them.
 */
export function newerWithin<T extends { score: number }>(ranked: readonly T[], gap: number, dayOf: (item: T) => number | null): T[] {
  const first = ranked[0];
  if (!first) return [];
  const top = Math.max(...ranked.map((r) => r.score));
  const near = ranked.filter((r) => r.score >= top - gap);
  const rest = ranked.filter((r) => r.score < top - gap);
  const day = (r: T) => dayOf(r) ?? Number.NEGATIVE_INFINITY;
  return [...near.map((r, i) => ({ r, i })).sort((a, b) => day(b.r) - day(a.r) || a.i - b.i).map((x) => x.r), ...rest];
}
