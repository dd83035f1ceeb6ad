/** The manager's watch for ingests made elsewhere: one report per new generation, none for its own. */
import { describe, expect, it } from 'vitest';
import { watchGeneration } from '../../../src/discord/sharding/generation-watch.js';
import { until } from '../../../bench/lib/until.js';

describe('watchGeneration', () => {
  it('reports a generation committed by another process once, and not the one the manager committed itself', async () => {
    let generation: number | null = 1;
    let reads = 0;
    const changes: Array<number | null> = [];
    const watch = watchGeneration(
      async () => {
        reads += 1;
        return generation;
      },
      (g) => changes.push(g),
      1,
      (error) => {
        throw error;
      },
    );
    try {
      watch.saw(1);
      await until(() => reads >= 3, 'a few reads');
      expect(changes).toEqual([]);
      generation = 2;
      await until(() => changes.length === 1, 'the change to be reported');
      const seen = reads;
      await until(() => reads >= seen + 3, 'more reads');
      expect(changes).toEqual([2]);
      // The manager's own refresh: its shards were told directly, so the watch must not report it again.
      generation = 3;
      watch.saw(3);
      const after = reads;
      await until(() => reads >= after + 3, 'more reads');
      expect(changes).toEqual([2]);
    } finally {
      watch.stop();
    }
  });

  it('hands read failures to onError and keeps watching', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const changes: Array<number | null> = [];
    const watch = watchGeneration(
      async () => {
        if (fail) throw new Error('server gone');
        return 5;
      },
      (g) => changes.push(g),
      1,
      (error) => errors.push(error),
    );
    try {
      watch.saw(4);
      await until(() => errors.length > 0, 'a failure');
      fail = false;
      await until(() => changes.length === 1, 'the change after the server came back');
      expect(changes).toEqual([5]);
    } finally {
      watch.stop();
    }
  });
});
