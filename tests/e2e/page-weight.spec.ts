import { gzipSync } from 'node:zlib';
import { expect, test } from './fixtures.ts';

const firstLoadBudget = 150 * 1024;

test('the home page’s first load (HTML + CSS + JS, compressed) stays within 150 KB', async ({ page }) => {
  const sizes = new Map<string, number>();
  page.on('response', async (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (/html|css|javascript/.test(type)) sizes.set(response.url(), gzipSync(await response.body()).length);
  });
  await page.goto('/en/', { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  test.info().annotations.push({ type: 'first load, gzip bytes', description: String(total) });
  expect(total).toBeGreaterThan(0);
  expect(total).toBeLessThan(firstLoadBudget);
});
