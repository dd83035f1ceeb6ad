/**
 * The fault suite (issue 17): every fault the fault-injection run found, provoked again on real files and real
 * child processes, must now be handled — a clear message with a code where one is due, nothing crashed, lost or
 * corrupted — plus kill -9 of a real ingest child at seeded moments (FC_SEED pins the seed; it is printed).
 */
import { describe, it } from 'vitest';
import { fastCheckSeed } from '../setup/fast-check-seed.js';
import { killNineRun } from '../../bench/lib/faults/crash-consistency.js';
import { FAULT_SCENARIOS } from '../../bench/lib/faults/scenarios.js';

// The table and the kill -9 run share nothing (each has its own temp folders and children) and much of each is time
// spent in child processes: the two describe blocks run side by side, each running its own tests one at a time.
// Concurrent tests take `expect` from their context, so a failure is reported against the right test.
describe.concurrent('the fault table', () => {
  // Generous: child processes start slowly on a busy 2-core machine (a wait is a hang detector, not a target).
  it.sequential.for(FAULT_SCENARIOS.map((s) => [s.title, s] as const))('%s: handled every time', { timeout: 400_000 }, async ([, scenario], { expect }) => {
    const outcome = await scenario.run();
    expect(outcome.tried, outcome.note).toBeGreaterThan(0);
    expect({ clear: outcome.clear, crash: outcome.crash, lost: outcome.lost, corrupt: outcome.corrupt }, outcome.note).toEqual({ clear: outcome.tried, crash: 0, lost: 0, corrupt: 0 });
  });
});

describe.concurrent('kill -9 during ingest', () => {
  it('leaves an index that opens after every kill, and a final ingest holds every article and answers', async ({ expect }) => {
    const seed = fastCheckSeed(process.env.FC_SEED);
    // Three kills, each a child of its own (~1 s of CPU apiece to load): every one lands inside the ingest's own work
    // (the child has loaded the engine, the parser and the language model before its ingest starts), where six
    // drawn over a window that was mostly loading the parser used to land about half the time. The benchmark
    // (npm run bench:reliability) kills 30 times; FC_SEED changes the moments from day to day here.
    const run = await killNineRun({ kills: 3, seed });
    console.log(`kill -9 run: seed ${seed} (replay with FC_SEED=${seed}), ${run.interrupted}/${run.kills} kills interrupted an ingest, ${run.ms} ms`);
    expect(run.final.problems).toEqual([]);
    expect(run.survived).toBe(run.kills);
    expect(run.final.articles).toBe(run.final.expected);
  }, 120_000);
});
