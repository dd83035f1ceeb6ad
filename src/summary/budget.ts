/** Length budgets: Discord's limits as defaults, and the test that a summary still fits. */
import type { SummaryBudget } from './types.js';

/**
 * Defaults sized for one Discord message (2,000 characters) with room for the citations the door adds:
 * about 1,200 characters of quoted text.
 */
export const DEFAULT_BUDGETS = {
  article: { maxChars: 1200, maxSentences: 5 },
  topic: { maxChars: 1200, maxSentences: 6 },
  /** Shared by every story's headline and sentences; an embed description holds 4,096 characters. */
  corpus: { maxChars: 2400, maxSentences: 12 },
} as const satisfies Record<string, Required<SummaryBudget>>;

/** The request's budget with each missing limit taken from the default; limits below 1 count as 1. */
export function resolveBudget(budget: SummaryBudget | undefined, fallback: Required<SummaryBudget>): Required<SummaryBudget> {
  return {
    maxChars: Math.max(1, Math.floor(budget?.maxChars ?? fallback.maxChars)),
    maxSentences: Math.max(1, Math.floor(budget?.maxSentences ?? fallback.maxSentences)),
  };
}

/** Tracks what has been spent; `fits` says whether one more sentence of `length` characters stays within both limits. */
export class BudgetMeter {
  private chars = 0;
  private sentences = 0;

  constructor(private readonly budget: Required<SummaryBudget>) {}

  fits(length: number): boolean {
    return this.sentences + 1 <= this.budget.maxSentences && this.chars + length <= this.budget.maxChars;
  }

  spend(length: number): void {
    this.chars += length;
    this.sentences += 1;
  }

  get full(): boolean {
    return this.sentences >= this.budget.maxSentences;
  }
}
