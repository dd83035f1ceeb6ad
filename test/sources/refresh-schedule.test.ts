/** The refresh schedule with an engine double that only counts refreshes (the refresh itself is tested elsewhere). */
import { describe, expect, it, vi } from 'vitest';
import { VerbatimError } from '../../src/errors.js';
import type { RefreshReport } from '../../src/engine-types.js';
import { startRefreshSchedule } from '../../src/sources/refresh-schedule.js';
import { startIndexWatch } from '../../src/index-watch.js';

const REPORT: RefreshReport = { sources: [], added: 0, changed: 0, unchanged: 0, duplicates: 0, removed: 0, requests: 0, ms: 0, ingest: null };
/** 30 ms between refreshes: short, and nothing below asserts an upper bound on how many happen. */
const MINUTES = 0.0005;

describe('startRefreshSchedule', () => {
  it('refreshes once the warm-up has settled, then again after each interval, and stops', async () => {
    let warm!: () => void;
    const after = new Promise<void>((resolve) => (warm = resolve));
    const refresh = vi.fn(async () => REPORT);
    const reports: RefreshReport[] = [];
    const schedule = startRefreshSchedule({ engine: { refresh }, minutes: MINUTES, after, onReport: (r) => reports.push(r), onError: () => {} });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(refresh).not.toHaveBeenCalled();
    warm();
    await vi.waitFor(() => expect(refresh.mock.calls.length).toBeGreaterThanOrEqual(3), { timeout: 10_000 });
    await schedule.stop();
    const calls = refresh.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(refresh.mock.calls.length).toBe(calls);
    expect(reports.length).toBe(calls);
  });

  it('keeps going after a failed refresh, reports it, and is quiet about a refresh already running', async () => {
    const outcomes = [new Error('disk full'), new VerbatimError('REFRESH_BUSY', 'busy')];
    const refresh = vi.fn(async () => {
      const next = outcomes.shift();
      if (next) throw next;
      return REPORT;
    });
    const errors: unknown[] = [];
    const reports: RefreshReport[] = [];
    const schedule = startRefreshSchedule({ engine: { refresh }, minutes: MINUTES, onReport: (r) => reports.push(r), onError: (e) => errors.push(e) });
    await vi.waitFor(() => expect(reports.length).toBeGreaterThanOrEqual(1), { timeout: 10_000 });
    await schedule.stop();
    expect(errors).toEqual([expect.objectContaining({ message: 'disk full' })]);
  });

  it('never refreshes when REFRESH_MINUTES is 0', async () => {
    const refresh = vi.fn(async () => REPORT);
    const schedule = startRefreshSchedule({ engine: { refresh }, minutes: 0, onReport: () => {}, onError: () => {} });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await schedule.stop();
    expect(refresh).not.toHaveBeenCalled();
  });

  it('waits for a refresh under way when stopped, so the engine is closed after it', async () => {
    let finish!: () => void;
    const refresh = vi.fn(() => new Promise<RefreshReport>((resolve) => (finish = () => resolve(REPORT))));
    const schedule = startRefreshSchedule({ engine: { refresh }, minutes: 30, onReport: () => {}, onError: () => {} });
    await vi.waitFor(() => expect(refresh).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    let stopped = false;
    const stopping = schedule.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
  });
});

describe('startIndexWatch', () => {
  it('asks the engine to adopt a newer generation at each tick, says when it did, and survives a failed check', async () => {
    const outcomes: Array<boolean | Error> = [false, new Error('manifest unreadable'), true];
    const adoptCommitted = vi.fn(async () => {
      const next = outcomes.shift() ?? false;
      if (next instanceof Error) throw next;
      return next;
    });
    let adopted = 0;
    const errors: unknown[] = [];
    const watch = startIndexWatch({ engine: { adoptCommitted }, everyMs: 20, onAdopted: () => adopted++, onError: (e) => errors.push(e) });
    await vi.waitFor(() => expect(adopted).toBe(1), { timeout: 10_000 });
    await watch.stop();
    expect(errors).toEqual([expect.objectContaining({ message: 'manifest unreadable' })]);
    const calls = adoptCommitted.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(adoptCommitted.mock.calls.length).toBe(calls);
  });
});
