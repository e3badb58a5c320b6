import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // SYNCODE_TEST_DATABASE=postgres: one throwaway PostgreSQL cluster for the run (test/support/test-database.ts).
    globalSetup: ['test/support/postgres-global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 20_000,
    // Tests start real servers and child processes: a leak shows up as a hanging run, never as a pass.
    restoreMocks: true,
  },
});
