import { defineConfig } from 'vitest/config';

// Two cores: two forked workers. The database is initialized and migrated once (global setup);
// each test file then loads that snapshot, so no test pays for an initdb.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
