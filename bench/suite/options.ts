/** `npm run bench` options. Pure: reads an argv array and an environment, returns the run's settings. */
import path from 'node:path';
import { parseArgs } from 'node:util';

export const STAGES = ['qa', 'squad', 'ingest', 'scale', 'reliability'] as const;
export type StageId = (typeof STAGES)[number];

export interface BenchOptions {
  /** The one-minute smoke run: every stage, at toy sizes; results go to the cache folder, not bench/results. */
  quick: boolean;
  /** SQuAD questions scored (fixed-seed sample); null: all 11,873 (or the quick subset's). */
  squadSample: number | null;
  stages: StageId[];
  /** Build the scale indexes again even when a cached one matches the current code. */
  rebuild: boolean;
  /** Scale sizes to run (keys such as seeds, bbc, 100k); null: all of the run's sizes. */
  sizes: string[] | null;
  /** Embedding cache, built indexes, generated corpora and models (git-ignored). */
  cacheDir: string;
  resultsDir: string;
}

export const USAGE = `npm run bench [-- options]
  --quick         one-minute smoke run (toy sizes; results under the cache folder)
  --sample N      score N SQuAD questions (fixed seed) instead of all
  --only LIST     comma-separated stages: ${STAGES.join(', ')}
  --rebuild       rebuild the scale indexes even when cached ones match the code
  --sizes LIST    comma-separated scale sizes (seeds, 10k, bbc, 100k, 300k; quick: seeds, 2k)
  --readme        run nothing: rebuild the results README from the section files on disk
environment: BENCH_CACHE_DIR (default bench/.cache), SHARED_DATA_DIR (default ../shared/data)`;

export function parseBenchArgs(argv: readonly string[], env: Record<string, string | undefined>, repoRoot: string): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      sample: { type: 'string' },
      only: { type: 'string' },
      rebuild: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      readme: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const cacheDir = path.resolve(repoRoot, env.BENCH_CACHE_DIR ?? 'bench/.cache');
  return {
    quick: values.quick ?? false,
    squadSample: values.sample === undefined ? null : positiveInteger(values.sample, '--sample'),
    stages: values.readme ? [] : values.only === undefined ? [...STAGES] : stageList(values.only),
    rebuild: values.rebuild ?? false,
    sizes: values.sizes === undefined ? null : values.sizes.split(',').map((size) => size.trim()).filter(Boolean),
    cacheDir,
    resultsDir: values.quick ? path.join(cacheDir, 'quick-results') : path.join(repoRoot, 'bench', 'results'),
  };
}

function positiveInteger(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} needs a positive whole number, got "${text}".`);
  return value;
}

function stageList(text: string): StageId[] {
  const names = text.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(STAGES as readonly string[]).includes(n));
  if (unknown.length > 0 || names.length === 0) throw new Error(`--only takes ${STAGES.join(', ')}; got "${text}".`);
  return STAGES.filter((stage) => names.includes(stage));
}
