import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBenchArgs, STAGES } from '../../bench/suite/options.js';

// A checkout that need not exist: options are only resolved against it.
const root = path.resolve('fixture-checkout');

describe('parseBenchArgs', () => {
  it('runs every stage into bench/results by default, with the cache under bench/.cache', () => {
    expect(parseBenchArgs([], {}, root)).toEqual({
      quick: false,
      squadSample: null,
      stages: [...STAGES],
      rebuild: false,
      sizes: null,
      cacheDir: path.join(root, 'bench/.cache'),
      resultsDir: path.join(root, 'bench/results'),
    });
  });

  it('keeps --quick results out of bench/results, so a smoke run never overwrites the real figures', () => {
    const cache = path.join(os.tmpdir(), 'verbatim-bench-cache');
    const options = parseBenchArgs(['--quick'], { BENCH_CACHE_DIR: cache }, root);
    expect(options.quick).toBe(true);
    expect(options.resultsDir).toBe(path.join(cache, 'quick-results'));
  });

  it('resolves a relative BENCH_CACHE_DIR against the checkout', () => {
    expect(parseBenchArgs([], { BENCH_CACHE_DIR: 'scratch/cache' }, root).cacheDir).toBe(path.join(root, 'scratch/cache'));
  });

  it('reads --sample, --only (kept in run order) and --rebuild', () => {
    const options = parseBenchArgs(['--sample', '200', '--only', 'scale,squad', '--rebuild'], {}, root);
    expect(options.squadSample).toBe(200);
    expect(options.stages).toEqual(['squad', 'scale']);
    expect(options.rebuild).toBe(true);
  });

  it('reads --sizes as a list of scale sizes', () => {
    expect(parseBenchArgs(['--only', 'scale', '--sizes', 'seeds, bbc,100k'], {}, root).sizes).toEqual(['seeds', 'bbc', '100k']);
  });

  it.each([
    { why: 'a sample must be a positive whole number', argv: ['--sample', '0'], message: /--sample needs a positive whole number/ },
    { why: 'a sample must be a number at all', argv: ['--sample', 'all'], message: /--sample needs a positive whole number/ },
    { why: 'an unknown stage is named', argv: ['--only', 'squad,speed'], message: /--only takes qa, squad, ingest, scale/ },
    { why: 'an unknown flag is refused', argv: ['--fast'], message: /Unknown option/ },
  ])('refuses bad input: $why', ({ argv, message }) => {
    expect(() => parseBenchArgs(argv, {}, root)).toThrow(message);
  });
});
