import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, findBrowser } from './tests/support/browser.ts';
import { e2eDataDir, e2eHistoryPort, e2ePort } from './tests/support/e2e-env.ts';

const port = e2ePort;
const browser = findBrowser();

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  // Per port, so a second run beside this one does not clear this one's traces.
  outputDir: `test-results/e2e-${port}`,
  // Generous limits: a test waits for the server and Chromium, and a busy machine (a second test run beside
  // this one, CI) makes both slow: the longest journey took 5 minutes beside another run. These catch a
  // hang; they are not a measure of speed (bench/ is).
  timeout: 900_000,
  expect: { timeout: 30_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'en-GB',
    trace: 'retain-on-failure',
    launchOptions: { ...(browser ?? {}), args: chromiumArgs },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: { ...(browser ?? {}), args: chromiumArgs } } }],
  webServer: [
    {
      // `npm test` builds once before the unit tests (the page fuzz tests use the same build).
      command: 'node --import tsx scripts/e2e-server.ts',
      url: `http://127.0.0.1:${port}/healthz`,
      env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: e2eDataDir, PUBLIC_URL: `http://127.0.0.1:${port}` },
      reuseExistingServer: false,
      timeout: 600_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // The same server with the demo's history since 2001, for the public statistics (statistics-journey.spec.ts):
      // its 12,000 people would page the other tests' demo records out of lists and directories.
      command: 'node --import tsx scripts/e2e-server.ts',
      url: `http://127.0.0.1:${e2eHistoryPort}/healthz`,
      env: { E2E_PORT: String(e2eHistoryPort), PORT: String(e2eHistoryPort), HOST: '127.0.0.1', DATA_DIR: `data/e2e-${e2eHistoryPort}`, PUBLIC_URL: `http://127.0.0.1:${e2eHistoryPort}`, DEMO_HISTORY: 'true' },
      reuseExistingServer: false,
      timeout: 600_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
