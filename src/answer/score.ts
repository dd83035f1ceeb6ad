/**
 * Sentence score and answer confidence: linear mixes of the features with documented weights.
 * The weights were set by hand from what each feature means, then the abstain threshold was
 * calibrated on the seed dev set (bench/qa-seed.ts prints the sweep).
 */

export interface ScoredFeatures {
  /** IDF-weighted share of question terms in the sentence, 0..1. */
  lexical: number;
  /** The same over the sentence, its neighbours and the article title, 0..1. */
  context: number;
  /** Cosine similarity of sentence and question embeddings, about -0.1..1. */
  dense: number;
  /** Fused retrieval score of the best passage holding the sentence, relative to the best, 0..1. */
  passage: number;
  /** Lead prior, 0..1. */
  position: number;
  /** Headings, captions and credit lines are weak answers. */
  heading: boolean;
  /** 1 when an entity of the asked-for type is present, 0 when absent, null when no type is asked for. */
  type: number | null;
  /** For questions about the future: does the sentence speak of the future? null otherwise. */
  future: boolean | null;
  /** Share of question weight on terms the corpus never mentions, 0..1 (same for every sentence). */
  unknown: number;
}

export interface ScoreWeights {
  lexical: number;
  context: number;
  dense: number;
  passage: number;
  position: number;
  type: number;
  headingPenalty: number;
  /** Confidence multipliers for missing evidence. */
  missingTypeFactor: number;
  notFutureFactor: number;
  unknownFactor: number;
}

export const DEFAULT_WEIGHTS: ScoreWeights = {
  lexical: 0.3,
  context: 0.15,
  dense: 0.35,
  passage: 0.1,
  position: 0.05,
  type: 0.15,
  headingPenalty: 0.1,
  missingTypeFactor: 0.6,
  notFutureFactor: 0.6,
  unknownFactor: 0.8,
};

export function scoreSentence(f: ScoredFeatures, w: ScoreWeights): number {
  const typeValue = f.type === null ? 0.5 : f.type;
  return (
    w.lexical * f.lexical +
    w.context * f.context +
    w.dense * Math.max(0, f.dense) +
    w.passage * f.passage +
    w.position * f.position +
    w.type * typeValue -
    (f.heading ? w.headingPenalty : 0)
  );
}

/**
 * Confidence that the best sentence answers: its score, scaled to 0..1 by the best possible score,
 * lowered when the asked-for kind of answer is missing, when a future is asked and the sentence
 * speaks of the past, and when the question is about terms the corpus never mentions.
 */
export function confidenceOf(f: ScoredFeatures, score: number, w: ScoreWeights): number {
  const ceiling = w.lexical + w.context + w.dense + w.passage + w.position + w.type;
  let confidence = Math.max(0, Math.min(1, score / ceiling));
  if (f.type === 0) confidence *= w.missingTypeFactor;
  if (f.future === false) confidence *= w.notFutureFactor;
  confidence *= 1 - w.unknownFactor * f.unknown;
  return confidence;
}
