/**
 * Fusion of dense and lexical candidate lists: a small table of pure functions, chosen by name.
 * Each takes per-candidate evidence and returns one score (higher is better).
 */

/** What each retriever said about one passage. Ranks are 0-based; null when the list did not return it. */
export interface FusionInput {
  denseRank: number | null;
  lexicalRank: number | null;
  /** Cosine similarity to the question (computed for every candidate, not only dense hits). */
  dense: number;
  /** BM25 score, 0 when the lexical list did not return the passage. */
  lexical: number;
}

/** Statistics of the candidate lists that score-level fusion normalises by. */
export interface FusionContext {
  maxDense: number;
  minDense: number;
  maxLexical: number;
}

export type FusionMethod = 'rrf' | 'weighted-rrf' | 'score';

/**
 * Reciprocal rank fusion (Cormack et al. 2009): Σ 1/(k + rank + 1).
 * @param k damping constant, default 60 (the paper's value); valid range > 0.
 */
export function rrf(input: FusionInput, k = 60): number {
  return (input.denseRank === null ? 0 : 1 / (k + input.denseRank + 1)) + (input.lexicalRank === null ? 0 : 1 / (k + input.lexicalRank + 1));
}

/**
 * RRF with a weight per list. A strong sentence encoder and a keyword index disagree most on
 * paraphrases; giving dense the larger weight keeps its paraphrase wins that plain RRF halves.
 * @param denseWeight default 0.6, range 0..1; lexical gets the rest.
 */
export function weightedRrf(input: FusionInput, denseWeight = 0.6, k = 60): number {
  return (
    (input.denseRank === null ? 0 : (2 * denseWeight) / (k + input.denseRank + 1)) +
    (input.lexicalRank === null ? 0 : (2 * (1 - denseWeight)) / (k + input.lexicalRank + 1))
  );
}

/**
 * Score-level fusion: a convex mix of min-max normalised cosine and max-normalised BM25.
 * Unlike rank fusion it keeps how far apart candidates are, so one passage that both lists
 * like a lot beats several that one list likes a little.
 * @param denseWeight default 0.5, range 0..1; lexical gets the rest.
 */
export function scoreFusion(input: FusionInput, context: FusionContext, denseWeight = 0.5): number {
  const denseSpan = context.maxDense - context.minDense;
  const dense = denseSpan > 1e-9 ? (input.dense - context.minDense) / denseSpan : input.dense > 0 ? 1 : 0;
  const lexical = context.maxLexical > 0 ? input.lexical / context.maxLexical : 0;
  return denseWeight * dense + (1 - denseWeight) * lexical;
}

export const FUSION_METHODS: Record<FusionMethod, (input: FusionInput, context: FusionContext) => number> = {
  rrf: (input) => rrf(input),
  'weighted-rrf': (input) => weightedRrf(input),
  score: (input, context) => scoreFusion(input, context),
};
