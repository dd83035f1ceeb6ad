/**
 * A bounded, least-recently-used memory of answers, keyed by the id of the message or interaction that asked,
 * so "More sources" and feedback can find the answer they belong to without asking the engine again.
 */
import type { AskResult } from '../answer/types.js';

export const RECENT_ANSWERS_CAPACITY = 500;

export class RecentAnswers {
  private readonly entries = new Map<string, AskResult>();

  constructor(private readonly capacity = RECENT_ANSWERS_CAPACITY) {}

  get(key: string): AskResult | undefined {
    const result = this.entries.get(key);
    if (result !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, result);
    }
    return result;
  }

  set(key: string, result: AskResult): void {
    this.entries.delete(key);
    this.entries.set(key, result);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
