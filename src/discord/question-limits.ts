/**
 * Per-user cooldown and a cap on questions in flight, so one member (or a burst) cannot queue the engine
 * for everyone. A user may start one question every COOLDOWN_SECONDS (counted from the last accepted
 * start); at most MAX_CONCURRENT_QUESTIONS run at once.
 */

export type LimitDecision =
  | { ok: true; done: () => void }
  | { ok: false; reason: 'cooldown'; retryAfterSeconds: number }
  | { ok: false; reason: 'busy' };

export class QuestionLimits {
  private readonly lastStart = new Map<string, number>();
  private running = 0;

  constructor(private readonly cooldownMs: number, private readonly maxConcurrent: number, private readonly now: () => number = Date.now) {}

  tryStart(user: string): LimitDecision {
    const now = this.now();
    const last = this.lastStart.get(user);
    if (last !== undefined && now - last < this.cooldownMs) {
      return { ok: false, reason: 'cooldown', retryAfterSeconds: Math.max(1, Math.ceil((this.cooldownMs - (now - last)) / 1000)) };
    }
    if (this.running >= this.maxConcurrent) return { ok: false, reason: 'busy' };
    this.running += 1;
    this.lastStart.set(user, now);
    this.forgetOld(now);
    let finished = false;
    return {
      ok: true,
      done: () => {
        if (finished) return;
        finished = true;
        this.running -= 1;
      },
    };
  }

  /** Keeps the map from growing with every user ever seen. */
  private forgetOld(now: number): void {
    if (this.lastStart.size < 10_000) return;
    for (const [user, at] of this.lastStart) if (now - at >= this.cooldownMs) this.lastStart.delete(user);
  }
}

export function limitMessage(decision: Exclude<LimitDecision, { ok: true }>): string {
  return decision.reason === 'cooldown'
    ? `You are asking quickly; please wait ${decision.retryAfterSeconds} s before the next question.`
    : 'I am answering several questions right now; please ask again in a moment.';
}
