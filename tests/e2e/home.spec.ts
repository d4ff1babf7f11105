import { catalogs } from '../../i18n/catalogs.ts';
import { locales } from '../../i18n/locales.ts';
import { expect, test } from './fixtures.ts';

test('/ sends a Norwegian browser to the Norwegian home page', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'nb-NO' });
  const page = await context.newPage();
  await page.goto('/');
  expect(new URL(page.url()).pathname).toBe('/nb/');
  await context.close();
});

for (const locale of locales) {
  test(`home page in ${locale} explains the method and shows figures from the database`, async ({ page }) => {
    const m = catalogs[locale];
    await page.goto(`/${locale}/`);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(m['home.title']);
    await expect(page.getByRole('heading', { name: m['home.shapes.heading'] })).toBeVisible();
    for (const shape of ['northSouth', 'southSouth', 'triangular'] as const) {
      await expect(page.getByText(m[`home.shapes.${shape}.title`], { exact: true })).toBeVisible();
    }
    // The demo data: 23 organisations, 14 partnerships, 10 countries. Other journeys on the same server
    // register an organisation and approve a partnership, so those two may have grown.
    const figures = page.locator('.figures__value');
    await expect(figures).toHaveCount(4);
    const figure = async (n: number) => Number((await figures.nth(n).textContent())?.replace(/\D/g, ''));
    expect(await figure(0)).toBeGreaterThanOrEqual(23);
    expect(await figure(1)).toBeGreaterThanOrEqual(14);
    await expect(figures.nth(2)).toHaveText('10');
    await expect(page.getByRole('link', { name: m['layout.skipToContent'] })).toBeAttached();
    await expect(page.getByRole('navigation', { name: m['layout.mainNav'] })).toBeVisible();
  });
}

test('the language switcher keeps the current page and its filters', async ({ page, navigate }) => {
  await page.goto('/nb/organisations?country=NP');
  await navigate(() => page.getByRole('link', { name: 'Français' }).click());
  expect(page.url()).toMatch(/\/fr\/organisations\?country=NP$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(catalogs.fr['organisations.title']);
  await expect(page.getByRole('cell', { name: 'Népal' }).first()).toBeVisible();
});

test('an unknown address answers 404 in the page’s language', async ({ page }) => {
  const response = await page.goto('/es/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(catalogs.es['error.notFound.title']);
  const unknownLocale = await page.goto('/xx/');
  expect(unknownLocale?.status()).toBe(404);
});
