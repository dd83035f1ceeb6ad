import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Every fast-check property in a run shares one seed (FC_SEED pins it; see the file).
    setupFiles: ['test/setup/fast-check-seed.ts'],
    // The bin, `npm start` and worker threads run dist/: rebuilt first when src/ is newer (see the file).
    globalSetup: ['test/setup/build-dist.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores here: forks keep native addons (hnswlib, onnxruntime) isolated per file.
    pool: 'forks',
    maxWorkers: 2,
  },
});
