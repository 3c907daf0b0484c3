import { defineConfig } from 'vitest/config';
import HeavyFirstSequencer from './test/support/heavyFirstSequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds (or finds) the real seeds' index once per run; tests copy it (test/support/seedIndex.ts).
    globalSetup: ['test/support/globalSetup.ts'],
    // Two cores: forks keep native addons (hnswlib) isolated and memory predictable.
    pool: 'forks',
    maxWorkers: 2,
    // The test files of a fork share its modules: the NLP models, WordNet and word vectors load once per
    // fork, not once per file (most of the suite's time otherwise). Tests must leave no global state behind.
    isolate: false,
    // Longest first, also in a fresh clone where vitest has no durations yet (see the sequencer).
    sequence: { sequencer: HeavyFirstSequencer },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
