/** Time per ingest phase, from the engine's progress reports (a phase lasts until the next one starts). */
import type { IngestProgress } from '../../src/engine-types.js';

export type PhaseTimes = Partial<Record<IngestProgress['phase'], number>>;

export interface PhaseClock {
  onProgress(progress: IngestProgress): void;
  /** Closes the current phase; returns ms per phase. */
  finish(): PhaseTimes;
}

export function phaseClock(now: () => number = () => performance.now()): PhaseClock {
  const times: PhaseTimes = {};
  let current: IngestProgress['phase'] | null = null;
  let since = now();
  const close = () => {
    const at = now();
    if (current !== null) times[current] = (times[current] ?? 0) + (at - since);
    since = at;
  };
  return {
    onProgress(progress) {
      if (progress.phase === current) return;
      close();
      current = progress.phase;
    },
    finish() {
      close();
      current = null;
      return { ...times };
    },
  };
}
