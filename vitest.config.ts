import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Parsing is CPU-bound and the machine has 2 cores: one worker per core, no more.
    maxWorkers: 2,
  },
});
