import { defineConfig } from 'vitest/config';
import SpreadSequencer from './test/setup/sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Every fast-check property in a run shares one seed (FC_SEED pins it; see the file).
    setupFiles: ['test/setup/fast-check-seed.ts'],
    // The bin, `npm start` and worker threads run dist/: rebuilt first when src/ is newer (see the file).
    globalSetup: ['test/setup/build-dist.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores here: forks keep native addons (hnswlib, onnxruntime) in their own processes, one per worker.
    pool: 'forks',
    maxWorkers: 2,
    // A worker runs its files one after another in one module graph: discord.js, ONNX Runtime, TensorFlow.js and
    // wink-nlp load once per worker instead of once per file (the suite's import time fell from 43 s to 10 s).
    // Tests therefore never assign process.env, chdir or leave listeners behind; each file builds its own temp dirs.
    isolate: false,
    // …and a spy made by one test never reaches the next (nor the next file in the same worker).
    restoreMocks: true,
    // The two files that run many child processes never start side by side (see the file).
    sequence: { sequencer: SpreadSequencer },
  },
});
