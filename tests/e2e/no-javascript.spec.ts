import { catalogs } from '../../i18n/catalogs.ts';
import { expect, test } from './fixtures.ts';

test.use({ javaScriptEnabled: false });

test('pages render completely and ship no JavaScript', async ({ page }) => {
  for (const path of ['/en/', '/nb/organisations', '/fr/sign-in']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('script')).toHaveCount(0);
  }
});

test('the directory filter form works without JavaScript', async ({ page, navigate }) => {
  const m = catalogs.nn;
  await page.goto('/nn/organisations');
  await page.getByLabel(m['organisations.filter.country']).selectOption('NP');
  await navigate(() => page.getByRole('button', { name: m['organisations.filter.submit'] }).click());
  expect(new URL(page.url()).searchParams.get('country')).toBe('NP');
  // Three Nepali organisations in the demo data (another journey may register a fourth).
  const rows = page.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThanOrEqual(3);
  await expect(page.getByRole('rowheader', { name: 'Kathmandu Model Hospital' })).toBeVisible();
});

test('a bad filter gets a clear message in the user’s language and the form comes back filled in', async ({ page, navigate }) => {
  const m = catalogs.fr;
  await page.goto('/fr/organisations');
  const tooLong = 'hôpital '.repeat(20);
  await page.getByLabel(m['organisations.filter.query']).fill(tooLong);
  await page.getByLabel(m['organisations.filter.country']).selectOption('ET');
  await navigate(() => page.getByRole('button', { name: m['organisations.filter.submit'] }).click());
  const message = m['organisations.error.queryTooLong'].replace('{max}', '100');
  await expect(page.getByRole('alert')).toContainText(message);
  await expect(page.getByLabel(m['organisations.filter.query'])).toHaveValue(tooLong.trim().length > 0 ? tooLong : '');
  await expect(page.getByLabel(m['organisations.filter.query'])).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel(m['organisations.filter.country'])).toHaveValue('ET');
});

test('an unknown country in the address is refused with a message, not an error page', async ({ page }) => {
  const response = await page.goto('/es/organisations?country=ZZ');
  expect(response?.status()).toBe(400);
  await expect(page.getByRole('alert')).toContainText(catalogs.es['organisations.error.unknownCountry']);
});
