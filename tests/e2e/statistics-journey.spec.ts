import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { catalogs, type MessageKey } from '../../i18n/catalogs.ts';
import { e2eHistoryPort } from '../support/e2e-env.ts';
import { expect, test } from './fixtures.ts';

// The server with the demo's history since 2001 (playwright.config.ts), as a visitor without JavaScript.
test.use({ baseURL: `http://127.0.0.1:${e2eHistoryPort}`, javaScriptEnabled: false });

const m = (key: MessageKey) => catalogs.fr[key];
/** "1 234" as the page writes it (narrow no-break spaces between thousands) to 1234. */
const numberOf = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

test('a visitor filters the statistics to South–South exchanges in 2024, reads the flow map and its table, and downloads the same numbers as CSV — in French, without JavaScript', async ({ page, navigate }) => {
  await page.goto('/fr/statistics');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(m('statistics.heading'));

  // The filters read as a sentence; choosing and sending puts them in the address.
  await page.getByLabel(m('statistics.filter.direction'), { exact: true }).selectOption('south-south');
  await page.getByLabel(m('statistics.filter.yearFrom'), { exact: true }).selectOption('2024');
  await page.getByLabel(m('statistics.filter.yearTo'), { exact: true }).selectOption('2024');
  await navigate(() => page.getByRole('button', { name: m('statistics.action.show') }).click());
  const address = new URL(page.url());
  expect(address.pathname).toBe('/fr/statistics');
  expect(address.searchParams.get('direction')).toBe('south-south');
  expect(address.searchParams.get('yearFrom')).toBe('2024');
  expect(address.searchParams.get('yearTo')).toBe('2024');
  await expect(page.getByLabel(m('statistics.filter.direction'), { exact: true })).toHaveValue('south-south');
  await expect(page.getByRole('heading', { name: m('statistics.figures.title').replace('{from}', '2024').replace('{to}', '2024') })).toBeVisible();

  // The headline: the agency's published 2024 figure, all of it South–South.
  const figures = page.locator('.figures__item');
  const people = numberOf(await figures.first().locator('.figures__value').textContent());
  expect(people).toBe(242);
  const southSouth = figures.filter({ hasText: /Sud–Sud/ });
  expect(numberOf(await southSouth.locator('.figures__value').textContent())).toBe(people);

  // The flow map, drawn on the server, with only South–South lines, and its table beside it.
  const map = page.locator('svg.flow-map');
  await expect(map).toBeVisible();
  await expect(map).toHaveAttribute('role', 'img');
  expect(await map.locator('.flow-map__line--south').count()).toBeGreaterThan(0);
  expect(await map.locator('path.flow-map__line--norway[marker-end]').count()).toBe(0);
  const section = page.locator('section', { has: page.getByRole('heading', { name: m('statistics.map.title'), level: 2 }) });
  const rows = await section.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
  expect(rows.length).toBeGreaterThan(5);
  for (const row of rows) expect(row[2]).toBe(rows[0]![2]);

  // The table's CSV: downloaded as a file, the same flows with the same numbers.
  const downloadLink = section.getByRole('link', { name: m('statistics.csv.download').replace('{table}', m('statistics.table.flows')) });
  const [download] = await Promise.all([page.waitForEvent('download'), downloadLink.click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = parse(readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '')) as string[][];
  expect(csv[0]).toEqual([m('statistics.csv.fromCode'), m('statistics.csv.from'), m('statistics.csv.toCode'), m('statistics.csv.to'), m('statistics.csv.direction'), m('statistics.csv.people')]);
  // A cell under 5 people reads "<5" in both (the page adds "moins de 5 personnes" for screen readers).
  const figure = (cell: string) => (cell.startsWith('<5') ? '<5' : String(numberOf(cell)));
  expect(csv.slice(1).map((r) => [r[1], r[3], r[4], r[5]])).toEqual(rows.map(([from, to, direction, count]) => [from, to, direction, figure(count!)]));
  // The flows add up to the headline: each cell not shown holds 1 to 4 people.
  const shown = csv.slice(1).reduce((sum, r) => sum + (/^\d+$/.test(r[5]!) ? Number(r[5]) : 0), 0);
  const hidden = csv.slice(1).filter((r) => r[5] === '<5').length;
  expect(shown + hidden).toBeLessThanOrEqual(people);
  expect(shown + 4 * hidden).toBeGreaterThanOrEqual(people);
});

test('the statistics page reads on a phone: the map scales down and the tables scroll on their own — in French, without JavaScript', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/fr/statistics?direction=south-south&yearFrom=2024&yearTo=2024');
  const map = page.locator('svg.flow-map');
  await expect(map).toBeVisible();
  const box = (await map.boundingBox())!;
  expect(box.width).toBeLessThanOrEqual(375);
  // The page itself does not scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test('no public page is wider than a phone in any language: long words and long button labels wrap — without JavaScript', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  const wide: string[] = [];
  for (const lang of ['nb', 'nn', 'fr', 'es', 'en']) {
    for (const path of ['', 'partnerships', 'organisations', 'statistics', 'open-data']) {
      await page.goto(`/${lang}/${path}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 375) wide.push(`/${lang}/${path}: ${width} px`);
    }
  }
  // Norwegian's "Utvekslingsdeltakere" in a heading and French's two filter buttons once made 389 and 378 px.
  expect(wide).toEqual([]);
});
