import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{app,core,db,api,server,i18n,tests/integration}/**/*.test.{ts,tsx}'],
    globalSetup: ['tests/support/global-database.ts'],
    // Each test file gets its own database (tests/support/test-database.ts), so files run in parallel.
    pool: 'forks',
    // One worker per core. Vitest's default leaves one core to its own process, which here waits on its
    // workers: on this project's 2-core machine that ran every test file one after another.
    maxWorkers: availableParallelism(),
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
