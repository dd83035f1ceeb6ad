/**
 * What the abstain threshold trades on SQuAD: each question's confidence and best quote are kept, and EM/F1 are
 * recomputed as if the engine answered exactly when confidence ≥ t. Tuned on the very questions it scores, the
 * best row is an upper bound, not a fair score. Pure.
 */
import type { SquadQuestion } from './data.js';
import { aggregate, scoreQuestion } from './metrics.js';

export interface ConfidentPrediction {
  question: SquadQuestion;
  confidence: number;
  /** The best quote's answer text (span or sentence), null when nothing was retrieved. */
  best: string | null;
}

export interface SweepRow {
  threshold: number;
  em: number;
  f1: number;
  answeredRate: number;
  abstainRate: number;
}

export function sweepThreshold(items: readonly ConfidentPrediction[], thresholds: readonly number[]): SweepRow[] {
  return thresholds.map((threshold) => {
    const scores = items.map(({ question, confidence, best }) => {
      const answered = best !== null && confidence >= threshold;
      return scoreQuestion(question, { ranked: [], firstSentence: null, answered, answer: answered ? best : '' });
    });
    const { em, f1, answeredRate, abstainRate } = aggregate(scores);
    return { threshold, em, f1, answeredRate, abstainRate };
  });
}
