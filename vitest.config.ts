import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{app,core,db,api,server,i18n,tests/integration}/**/*.test.{ts,tsx}'],
    globalSetup: ['tests/support/global-database.ts'],
    // Each test file gets its own database (tests/support/test-database.ts), so files run in parallel.
    pool: 'forks',
    // Each file in a process of its own, Vitest's default, said here because it was tried otherwise: sharing a
    // worker's modules across files saved 140 s of 385 but failed once in four runs (decision 003, addendum).
    isolate: true,
    // One worker per core. Vitest's default leaves one core to its own process, which here waits on its
    // workers: on this project's 2-core machine that ran every test file one after another.
    maxWorkers: availableParallelism(),
    // Limits that catch a hang, not a measure of speed (bench/ measures): a test that seeds the whole demo
    // took 30 s on a machine loaded 13 times over (a CI run beside four other engineers' tests) and failed
    // at the old 20 s limit with its result already right.
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
