/** How well held-out probabilities match how often the first quote is right: a reliability table and the expected calibration error. */
import { round } from '../lib/stats.js';

export interface ReliabilityBin {
  /** Lower and upper probability bound of the bin. */
  from: number;
  to: number;
  questions: number;
  /** Mean predicted probability in the bin. */
  predicted: number;
  /** Share of its questions whose first quote is right. */
  observed: number;
}

export interface Calibration {
  bins: ReliabilityBin[];
  /** Σ (questions in bin / all) × |predicted − observed|. */
  ece: number;
  questions: number;
}

export function calibrationOf(points: ReadonlyArray<{ p: number; right: boolean }>, bins = 10): Calibration {
  const table: ReliabilityBin[] = [];
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const from = b / bins;
    const to = (b + 1) / bins;
    const inBin = points.filter((x) => x.p >= from && (b === bins - 1 ? x.p <= to : x.p < to));
    if (inBin.length === 0) continue;
    const predicted = inBin.reduce((s, x) => s + x.p, 0) / inBin.length;
    const observed = inBin.filter((x) => x.right).length / inBin.length;
    table.push({ from, to, questions: inBin.length, predicted: round(predicted, 3), observed: round(observed, 3) });
    ece += (inBin.length / points.length) * Math.abs(predicted - observed);
  }
  return { bins: table, ece: round(ece, 3), questions: points.length };
}
