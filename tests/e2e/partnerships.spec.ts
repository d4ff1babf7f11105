import { catalogs } from '../../i18n/catalogs.ts';
import { createTranslator } from '../../i18n/translator.ts';
import { expect, test } from './fixtures.ts';

test.use({ javaScriptEnabled: false });
const es = catalogs.es;

test('a visitor finds triangular partnerships in Spanish and opens one', async ({ page, navigate }) => {
  await page.goto('/es/partnerships');
  await page.getByLabel(es['partnerships.filter.shape']).selectOption('triangular');
  await navigate(() => page.getByRole('button', { name: es['partnerships.filter.submit'] }).click());
  // The demo data's three triangular partnerships, and no other shape (an approval in another journey
  // may add one more triangular partnership, so the count is not fixed).
  for (const title of ['Nursing education across three countries', 'Community radio for accountability', 'Green business incubators']) {
    await expect(page.getByRole('link', { name: title })).toBeVisible();
  }
  await expect(page.getByRole('link', { name: 'Teachers learning from teachers' })).toHaveCount(0);
  const rows = await page.locator('tbody tr').count();
  await expect(page.getByRole('heading', { level: 2, name: createTranslator('es').t('partnerships.count', { count: rows }) })).toBeVisible();
  await navigate(() => page.getByRole('link', { name: 'Nursing education across three countries' }).click());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nursing education across three countries');
  await expect(page.getByRole('cell', { name: es['partnerships.coordinator'] })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Etiopía' })).toBeVisible();
});

test('a draft or unknown partnership is not found, and a bad filter is explained', async ({ page }) => {
  expect((await page.goto('/es/partnerships/00000000-0000-0000-0000-000000000000'))?.status()).toBe(404);
  const response = await page.goto('/es/partnerships?shape=circular');
  expect(response?.status()).toBe(400);
  await expect(page.getByRole('alert')).toBeVisible();
});
