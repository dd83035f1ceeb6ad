/**
 * A running bot or harness notices an index written by another process (`verbatim ingest`, `verbatim refresh`
 * from cron): every few seconds it reads the committed generation (one small file, or one row in PostgreSQL)
 * and, when it is newer than the one served, the engine swaps it in between questions.
 */
import type { Engine } from './engine-types.js';

/** Often enough that a cron refresh shows within seconds; a manifest read costs well under a millisecond. */
export const INDEX_WATCH_MS = 15_000;

export interface IndexWatchOptions {
  engine: Pick<Engine, 'adoptCommitted'>;
  everyMs?: number;
  onAdopted?: () => void;
  onError: (error: unknown) => void;
}

export function startIndexWatch(options: IndexWatchOptions): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    // A check still under way (a large index opening) is not overlapped by the next one.
    running = running.then(async () => {
      try {
        if (await options.engine.adoptCommitted()) options.onAdopted?.();
      } catch (error) {
        options.onError(error);
      }
    });
  }, options.everyMs ?? INDEX_WATCH_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
