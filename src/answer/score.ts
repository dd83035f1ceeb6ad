/**
 * Sentence score and answer confidence: linear mixes of the features with documented weights.
 * The weights were set by hand from what each feature means; the abstain threshold was then
 * calibrated on the seed dev set (`npm run bench:qa` prints the sweep that chose it).
 */

export interface ScoredFeatures {
  /** IDF-weighted share of question terms in the sentence, 0..1. */
  lexical: number;
  /** The same over the sentence, its neighbours and the article title, 0..1. */
  context: number;
  /** Share of the question's neighbouring term pairs that stand close, in order, in the sentence, 0..1. */
  proximity: number;
  /** Share of the words the user quoted that the sentence holds, 0..1 (0 when nothing was quoted). */
  quoted: number;
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
  /** Words between the answering span and the nearest question term; null without a span. */
  spanGap: number | null;
  /** For questions about the future: does the sentence speak of the future? null otherwise. */
  future: boolean | null;
  /** Does the sentence carry the question's main verb (for "what did X do" questions: or a neighbour)? null when there is none. */
  predicate: boolean | null;
  /** "What did X do" questions have no answer type to check, so their verb must be attested. */
  predicateRequired: boolean;
  /** Share of question weight on terms the corpus never mentions, 0..1 (same for every sentence). */
  unknown: number;
}

export interface ScoreWeights {
  lexical: number;
  context: number;
  proximity: number;
  quoted: number;
  dense: number;
  passage: number;
  position: number;
  type: number;
  predicate: number;
  headingPenalty: number;
}

/** Ranking weights, set by hand from what each feature means (see the seed benchmark for their effect). */
export const DEFAULT_WEIGHTS: ScoreWeights = {
  lexical: 0.25,
  context: 0.15,
  proximity: 0.1,
  quoted: 0.6,
  dense: 0.35,
  passage: 0.1,
  position: 0.05,
  type: 0.15,
  predicate: 0.1,
  headingPenalty: 0.1,
};

/** How close an answer of the asked-for type stands to the question's words: 1 adjacent, ½ at 4 words, 0 when absent. */
export function typeCloseness(f: Pick<ScoredFeatures, 'type' | 'spanGap'>): number {
  return f.type === 1 ? 1 / (1 + (f.spanGap ?? 0) / 4) : 0;
}

export function scoreSentence(f: ScoredFeatures, w: ScoreWeights): number {
  const typeValue = f.type === null ? 0.5 : typeCloseness(f);
  return (
    w.lexical * f.lexical +
    w.context * f.context +
    w.proximity * f.proximity +
    w.quoted * f.quoted +
    w.dense * Math.max(0, f.dense) +
    w.passage * f.passage +
    w.position * f.position +
    w.type * typeValue +
    (f.predicate ? w.predicate : 0) -
    (f.heading ? w.headingPenalty : 0)
  );
}
