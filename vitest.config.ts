import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{app,core,db,api,server,i18n,tests/integration}/**/*.test.{ts,tsx}'],
    globalSetup: ['tests/support/global-database.ts'],
    // Each test file gets its own database (tests/support/test-database.ts), so files run in parallel.
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
