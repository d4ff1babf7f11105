import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{app,core,db,api,server,i18n,tests/integration}/**/*.test.{ts,tsx}'],
    globalSetup: ['tests/support/global-database.ts'],
    setupFiles: ['tests/support/extend-zod-first.ts'],
    // Each test file gets its own database (tests/support/test-database.ts), so files run in parallel.
    pool: 'forks',
    // A worker keeps its modules from one file to the next (decision 003, addendum): each file still has a
    // database of its own, and the caches hang on its handle. Importing the app again for each of 166 files
    // was 165 s of a 385 s run.
    isolate: false,
    // The pages' build (build/server/index.js, 2.4 MB) is compiled JavaScript: Node imports it as the server
    // does, and Vite's module runner neither transforms it nor reads an inline source map for its frames.
    server: { deps: { external: [/\/build\/server\//] } },
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
