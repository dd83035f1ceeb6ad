/** Confidence in words for readers; the number stays in logs and in `--json`. */

export type ConfidenceWord = 'high' | 'medium' | 'low';

/** Lower bounds, highest first: 0.75..1 high, 0.5..0.75 medium, below 0.5 low. */
const BANDS: ReadonlyArray<readonly [number, ConfidenceWord]> = [
  [0.75, 'high'],
  [0.5, 'medium'],
];

export function confidenceWord(confidence: number): ConfidenceWord {
  return BANDS.find(([lowest]) => confidence >= lowest)?.[1] ?? 'low';
}
