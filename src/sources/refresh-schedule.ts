/**
 * The scheduled refresh of `npm start` (bot and harness alike): once the engine is warm, then every
 * REFRESH_MINUTES (0: never). Timers are chained, not an interval, so a slow refresh never overlaps the next, and
 * unref'd, so the schedule never keeps a finished process alive. Failures are reported and the schedule goes on.
 */
import type { Engine, RefreshReport } from '../engine-types.js';
import { isVerbatimError } from '../errors.js';

export interface RefreshScheduleOptions {
  engine: Pick<Engine, 'refresh'>;
  minutes: number;
  onReport: (report: RefreshReport) => void;
  onError: (error: unknown) => void;
  /** Settled before the first refresh (the engine's warm-up): the refresh's ingest would otherwise wait on it. */
  after?: Promise<unknown>;
}

export interface RefreshSchedule {
  /** Stops the schedule and waits for a refresh under way, so the engine can be closed after it. */
  stop(): Promise<void>;
}

export function startRefreshSchedule(options: RefreshScheduleOptions): RefreshSchedule {
  if (!(options.minutes > 0)) return { stop: async () => {} };
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const once = async (): Promise<void> => {
    try {
      options.onReport(await options.engine.refresh());
    } catch (error) {
      // A refresh someone started by hand (`/source add`, the CLI in this process) is already doing the work.
      if (!(isVerbatimError(error) && error.code === 'REFRESH_BUSY')) options.onError(error);
    }
  };
  const next = (delayMs: number): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = once().then(() => next(options.minutes * 60_000));
    }, delayMs);
    timer.unref();
  };
  void (options.after ?? Promise.resolve()).catch(() => {}).then(() => next(0));
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
