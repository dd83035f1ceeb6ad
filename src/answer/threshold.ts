/**
 * The abstain threshold per retrieval mode: below it the answer is `not_found`. Calibrated on the
 * seed dev set with the offline embedder (`npm run bench:qa` prints the sweep that chose it);
 * ANSWER_THRESHOLD overrides it.
 */
import type { RetrievalMode } from './types.js';

export const DEFAULT_THRESHOLD: Record<RetrievalMode, number> = {
  hybrid: 0.45,
  dense: 0.45,
  bm25: 0.35,
};
