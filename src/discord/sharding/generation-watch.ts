/**
 * Notices ingests made outside the manager (a `verbatim ingest` job against the same database): the committed
 * generation is read every interval, and a change is reported once. The manager then tells its shards to reload.
 */
export interface GenerationWatch {
  /** Records a generation the manager itself committed (its shards are told directly). */
  saw(generation: number | null): void;
  stop(): void;
}

export function watchGeneration(read: () => Promise<number | null>, onChange: (generation: number | null) => void, intervalMs: number, onError: (error: unknown) => void): GenerationWatch {
  let known: number | null | undefined;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    read()
      .then((generation) => {
        if (known !== undefined && generation !== known) onChange(generation);
        known = generation;
      }, onError)
      .finally(() => {
        busy = false;
      });
  }, intervalMs);
  // The watch alone must not keep the manager alive.
  timer.unref();
  return {
    saw(generation) {
      known = generation;
    },
    stop() {
      clearInterval(timer);
    },
  };
}
