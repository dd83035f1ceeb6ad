/** Picking sentences under a budget: maximal marginal relevance, so the summary does not say the same thing twice. */
import { BudgetMeter } from './budget.js';
import type { SummaryBudget } from './types.js';

export interface SelectionItem {
  score: number;
  /** Characters the item spends from the budget. */
  length: number;
}

/**
 * Greedy MMR: repeatedly takes the item maximising `score - redundancy * max(similarity to a taken item)`.
 * Items that would overflow the character budget are skipped (a shorter one may still fit), and so are items
 * `isDuplicate` says repeat a taken one; stops when the sentence budget is spent or nothing is left.
 * redundancy >= 0 (0 = plain top-k by score). Returns indices in the order they were taken.
 */
export function selectMmr(
  items: readonly SelectionItem[],
  similarity: (a: number, b: number) => number,
  budget: Required<SummaryBudget>,
  redundancy: number,
  isDuplicate: (a: number, b: number) => boolean = () => false,
): number[] {
  const meter = new BudgetMeter(budget);
  const taken: number[] = [];
  const open = new Set(items.map((_, i) => i));
  const maxSimilarity = new Float64Array(items.length);
  while (open.size > 0 && !meter.full) {
    let best = -1;
    let bestValue = -Infinity;
    for (const i of open) {
      const value = items[i]!.score - redundancy * maxSimilarity[i]!;
      if (value > bestValue) {
        best = i;
        bestValue = value;
      }
    }
    open.delete(best);
    if (!meter.fits(items[best]!.length) || taken.some((t) => isDuplicate(best, t))) continue;
    meter.spend(items[best]!.length);
    taken.push(best);
    for (const i of open) maxSimilarity[i] = Math.max(maxSimilarity[i]!, similarity(i, best));
  }
  return taken;
}
