import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { catalogs, type MessageKey } from '../../i18n/catalogs.ts';
import { e2eHistoryPort } from '../support/e2e-env.ts';
import { expect, test } from './fixtures.ts';
import { demoPassword, signIn } from './steps.ts';

// The server with the demo's history since 2001 (playwright.config.ts): hundreds of activities, so a rule's
// problems run to several pages. Without JavaScript: every page link and the download are plain links.
test.use({ baseURL: `http://127.0.0.1:${e2eHistoryPort}`, javaScriptEnabled: false });

const m = (key: MessageKey) => catalogs.fr[key];
/** "1 234" as the page writes it (narrow no-break spaces between thousands) to 1234. */
const numberOf = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

test('an adviser reads the IATI preview’s summary of every problem, pages through one rule’s problems to the field to fix, and downloads them all as CSV — in French, without JavaScript', async ({ page, navigate }) => {
  await signIn(page, navigate, 'fr', 'adviser@demo.example', demoPassword);
  // The server checks the files in the background from its start (decision 024): the summary is there once
  // its first check is stored, which on this server's hundreds of activities takes a few seconds.
  const summary = page.getByRole('table', { name: /^Problèmes par règle/ });
  await expect(async () => {
    await page.goto('/fr/open-data/iati');
    await expect(summary).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 120_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(m('openData.iati.title'));
  await expect(page.getByText(/^Voici les problèmes trouvés par la vérification du /)).toBeVisible();

  // The summary: one row per rule, the count of its problems and of the activities they are in.
  const ruleRow = summary.getByRole('row', { name: new RegExp(m('openData.iati.ruleHeading.organisationIdentifierMissing')) });
  const total = numberOf(await ruleRow.getByRole('cell').nth(1).textContent());
  expect(total).toBeGreaterThan(100);

  // On a phone the summary scrolls sideways in its own box, and its caption stays on the screen, wrapped there.
  const wide = page.viewportSize()!;
  const signOut = page.getByRole('button', { name: m('layout.signOut') });
  const oneLine = (await signOut.boundingBox())!.height;
  await page.setViewportSize({ width: 375, height: 800 });
  // The header's sign-out button keeps its words on one line there ("Se déconnecter"); the greeting beside it wraps.
  expect((await signOut.boundingBox())!.height).toBe(oneLine);
  const fit = await summary.evaluate((table) => ({ caption: table.querySelector('caption')!.getBoundingClientRect().width, box: table.parentElement!.clientWidth, table: table.scrollWidth }));
  expect(fit.table).toBeGreaterThan(fit.box);
  expect(fit.caption).toBeLessThanOrEqual(fit.box);
  await page.setViewportSize(wide);

  // The rule's first page: 50 problems, each with its activity, message, path and the field to fix.
  await navigate(() => ruleRow.getByRole('link', { name: m('openData.iati.ruleHeading.organisationIdentifierMissing') }).click());
  expect(new URL(page.url()).searchParams.get('rule')).toBe('organisationIdentifierMissing');
  const problems = page.getByRole('table', { name: new RegExp(`problèmes 1 à 50 sur ${total.toLocaleString('fr').replace(/\s/g, '\\s')}`) });
  await expect(problems.locator('tbody tr')).toHaveCount(50);
  await expect(problems.getByRole('link', { name: m('openData.iati.fix.organisation') }).first()).toHaveAttribute('href', /^\/fr\/organisations\/[0-9a-f-]{36}\/edit#registrationNumber$/);

  // Through the page links, to page 2 and back, then straight to the last page.
  const pages = page.getByRole('navigation', { name: m('openData.iati.pagination') });
  await navigate(() => pages.getByRole('link', { name: m('openData.iati.nextPage') }).click());
  await expect(page.getByRole('table', { name: /problèmes 51 à 100 sur/ })).toBeVisible();
  await expect(pages.getByRole('link', { name: 'Page n° 2' })).toHaveAttribute('aria-current', 'page');
  await navigate(() => pages.getByRole('link', { name: m('openData.iati.previousPage') }).click());
  await expect(page.getByRole('table', { name: /problèmes 1 à 50 sur/ })).toBeVisible();
  const last = Math.ceil(total / 50);
  await navigate(() => pages.getByRole('link', { name: `Page n° ${last.toLocaleString('fr')}`, exact: true }).click());
  await expect(page.locator('tbody tr')).toHaveCount(total - (last - 1) * 50);

  // A page that is not there: said, with the rule's first page.
  await page.goto(`/fr/open-data/iati?rule=organisationIdentifierMissing&page=${last + 1}`);
  await expect(page.getByRole('alert')).toContainText(`Cette liste compte ${last} pages : voici la première.`);

  // Every problem at once, as CSV: as many rows as the summary counts.
  await navigate(() => page.getByRole('link', { name: m('openData.iati.allRules') }).click());
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: m('openData.iati.downloadCsv') }).click()]);
  expect(download.suggestedFilename()).toMatch(/^iati-problems-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = parse(readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '')) as string[][];
  expect(csv[0]).toEqual([m('openData.iati.column.severity'), m('openData.iati.column.rule'), m('openData.iati.column.activity'), m('openData.iati.csv.identifier'), m('openData.iati.csv.activityLink'), m('openData.iati.column.problem'), m('openData.iati.column.where'), m('openData.iati.column.fix'), m('openData.iati.csv.fixLink')]);
  const counted = await summary.locator('tbody tr').evaluateAll((rows) => rows.reduce((sum, row) => sum + Number((row.querySelectorAll('td')[1]?.textContent ?? '').replace(/\D/g, '')), 0));
  expect(csv.length - 1).toBe(counted);
  expect(csv.filter((row) => row[1] === m('openData.iati.ruleHeading.organisationIdentifierMissing'))).toHaveLength(total);
});
