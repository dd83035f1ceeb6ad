import { describe, expect, it } from 'vitest';
import { QuestionLimits } from '../../src/discord/question-limits.js';

describe('QuestionLimits', () => {
  it('lets a user start one question per cooldown and says how long to wait', () => {
    let now = 1_000_000;
    const limits = new QuestionLimits(10_000, 4, () => now);
    const first = limits.tryStart('alice');
    expect(first.ok).toBe(true);
    if (first.ok) first.done();
    now += 3_000;
    expect(limits.tryStart('alice')).toEqual({ ok: false, reason: 'cooldown', retryAfterSeconds: 7 });
    expect(limits.tryStart('bob').ok).toBe(true);
    now += 7_000;
    expect(limits.tryStart('alice').ok).toBe(true);
  });

  it('caps questions in flight, and frees a place when one is done (once)', () => {
    const limits = new QuestionLimits(0, 2);
    const a = limits.tryStart('a');
    const b = limits.tryStart('b');
    expect(limits.tryStart('c')).toEqual({ ok: false, reason: 'busy' });
    if (a.ok) {
      a.done();
      a.done();
    }
    expect(limits.tryStart('c').ok).toBe(true);
    expect(limits.tryStart('d')).toEqual({ ok: false, reason: 'busy' });
    expect(b.ok).toBe(true);
  });
});
