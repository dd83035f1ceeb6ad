/**
 * One seed for every fast-check property in a run, so a red run can be replayed exactly.
 * - FC_SEED unset: the fixed default below, so `npm test` explores the same inputs every time (CI stays
 *   deterministic; `npm run test:property` explores a few more fixed seeds).
 * - FC_SEED=<integer>: that seed (replay a failure, or explore another one).
 * - FC_SEED=random: a fresh seed, printed so a failure can be pinned afterwards.
 * fast-check itself prints the seed and the shrunk counterexample of any failing property.
 */
import fc from 'fast-check';

export const DEFAULT_FC_SEED = 20261205;

export function fastCheckSeed(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_FC_SEED;
  if (value === 'random') return Math.floor(Math.random() * 2 ** 31);
  const seed = Number(value);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer or "random" (got "${value}")`);
  return seed;
}

const seed = fastCheckSeed(process.env.FC_SEED);
if (process.env.FC_SEED === 'random') console.log(`fast-check seed ${seed} (replay with FC_SEED=${seed})`);
fc.configureGlobal({ seed });
