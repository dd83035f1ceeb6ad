/** The lead prior: news states its key facts first, so earlier sentences start with more weight. */

/**
 * Prior of the sentence at 0-based `position` among an article's summary candidates:
 * `2^(-position / halfLife)`, so 1 for the first sentence and 0.5 after `halfLife` sentences.
 * halfLife > 0.
 */
export function leadPrior(position: number, halfLife: number): number {
  return Math.pow(2, -position / halfLife);
}
