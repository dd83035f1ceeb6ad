/**
 * The order test files start in. vitest's own order (longest first by the last run's times, else largest file first)
 * can start the two files that run many child processes at once side by side: on two cores each then takes about
 * twice as long, and the suite ~8 s longer. Here: longest first by the last run's times (else typical ones), except
 * that a file of SPAWNS_PROCESSES starts only when, by those times, no other such file is still running (a greedy
 * schedule of the workers, simulated).
 */
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Files whose tests run several processes at once (a shard manager and its shards, ingest children). */
export const SPAWNS_PROCESSES = ['test/fault/faults.test.ts', 'test/discord/sharded-bot.e2e.test.ts'];

/**
 * Typical times (ms) of the slowest files on the 2-core machine (`npm run test:slowest`), for a run with no times of
 * its own yet (a fresh clone: vitest keeps them under node_modules). They only order the files; a stale figure costs
 * a little time, never a result.
 */
const TYPICAL_MS: Record<string, number> = {
  'test/fault/faults.test.ts': 7_000,
  'test/discord/sharded-bot.e2e.test.ts': 11_000,
  'test/engine/engine.test.ts': 5_500,
  'test/discord/bot.e2e.test.ts': 5_000,
  'test/engine/engine-postgres.test.ts': 4_000,
  'test/index/postgres-store.test.ts': 3_000,
  'test/index/index-store.contract.test.ts': 3_000,
  'test/cli/cli.test.ts': 2_500,
  'test/sources/refresh.test.ts': 2_000,
  'test/index/ingest.test.ts': 1_500,
  'test/embedding/use-embedder.test.ts': 1_500,
  'test/embedding/create-embedder.test.ts': 1_200,
};
const UNKNOWN_MS = 400;

export default class SpreadSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const queue = await super.sort(files);
    const workers = Math.max(1, Number(this.ctx.config.maxWorkers) || 1);
    const root = this.ctx.config.root;
    const relativeOf = (file: TestSpecification) => path.relative(root, file.moduleId).split(path.sep).join('/');
    const spawns = (file: TestSpecification) => SPAWNS_PROCESSES.includes(relativeOf(file));
    const estimate = (file: TestSpecification) =>
      this.ctx.cache.getFileTestResults(`${file.project.name}:${relativeOf(file)}`)?.duration ?? TYPICAL_MS[relativeOf(file)] ?? UNKNOWN_MS;
    // Longest first (the usual heuristic for packing work onto a few workers); ties keep vitest's order.
    const estimates = new Map(queue.map((file) => [file, estimate(file)] as const));
    queue.sort((a, b) => estimates.get(b)! - estimates.get(a)!);

    const order: TestSpecification[] = [];
    // When each simulated worker is free, and when the spawning file it runs (if any) ends.
    const freeAt = Array.from({ length: workers }, () => 0);
    let spawningUntil = 0;
    while (queue.length > 0) {
      const worker = freeAt.indexOf(Math.min(...freeAt));
      const now = freeAt[worker]!;
      // The first file in vitest's order that may start now; if only spawning files are left, the next of them.
      let index = queue.findIndex((file) => !spawns(file) || now >= spawningUntil);
      if (index === -1) index = 0;
      const [file] = queue.splice(index, 1) as [TestSpecification];
      const ends = Math.max(now, spawns(file) ? spawningUntil : now) + estimates.get(file)!;
      if (spawns(file)) spawningUntil = ends;
      freeAt[worker] = ends;
      order.push(file);
    }
    return order;
  }
}
