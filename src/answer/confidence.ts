/**
 * Confidence that the best sentence answers the question: a logistic model over what the best
 * sentence shows (Platt-style calibration). Its coefficients are fitted on the seed dev set by
 * `npm run bench:calibrate`, which also reports leave-one-out figures so the fit is not just memory.
 */
import type { ScoredFeatures } from './score.js';
import { typeCloseness } from './score.js';
import { CONFIDENCE_MODEL } from './confidence-model.js';

/** Cosine below which the embedding gives words the corpus lacks no support, and above which it excuses them fully. */
const DENSE_FLOOR = 0.3;
const DENSE_CEILING = 0.7;

export const CONFIDENCE_FEATURES = ['proximity', 'dense', 'typeMissing', 'typeCloseness', 'unsupportedUnknown', 'predicateMissing', 'futureMissing'] as const;
export type ConfidenceFeature = (typeof CONFIDENCE_FEATURES)[number];

export interface ConfidenceModel {
  weights: Record<ConfidenceFeature, number>;
  bias: number;
  /** The abstain threshold chosen with the fit. */
  threshold: number;
}

export function confidenceFeatures(f: ScoredFeatures): Record<ConfidenceFeature, number> {
  // Words the corpus lacks are paraphrase when the embedding still finds the sentence close, and a
  // missing topic ("tanks", "daughter") when it does not.
  const denseSupport = Math.max(0, Math.min(1, (f.dense - DENSE_FLOOR) / (DENSE_CEILING - DENSE_FLOOR)));
  return {
    proximity: f.proximity,
    dense: f.dense,
    typeMissing: f.type === 0 ? 1 : 0,
    typeCloseness: typeCloseness(f),
    unsupportedUnknown: f.unknown * (1 - denseSupport),
    predicateMissing: f.predicateRequired && f.predicate === false ? 1 : 0,
    futureMissing: f.future === false ? 1 : 0,
  };
}

export function confidenceOf(f: ScoredFeatures, model: ConfidenceModel = CONFIDENCE_MODEL): number {
  const x = confidenceFeatures(f);
  let z = model.bias;
  for (const name of CONFIDENCE_FEATURES) z += model.weights[name] * x[name];
  return 1 / (1 + Math.exp(-z));
}
