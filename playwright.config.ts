import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, findBrowser } from './tests/support/browser.ts';

const port = Number(process.env.E2E_PORT ?? 3210);
const browser = findBrowser();

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'en-GB',
    trace: 'retain-on-failure',
    launchOptions: { ...(browser ?? {}), args: chromiumArgs },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: { ...(browser ?? {}), args: chromiumArgs } } }],
  webServer: {
    command: 'node_modules/.bin/react-router build && node --import tsx scripts/e2e-server.ts',
    url: `http://127.0.0.1:${port}/healthz`,
    env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: 'data/e2e', PUBLIC_URL: `http://127.0.0.1:${port}` },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
