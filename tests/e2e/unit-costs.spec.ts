import { catalogs } from '../../i18n/catalogs.ts';
import { createTranslator } from '../../i18n/translator.ts';
import { expect, test } from './fixtures.ts';
import { demoPassword, signIn } from './steps.ts';

test.use({ javaScriptEnabled: false });
const fr = catalogs.fr;
const frT = createTranslator('fr');
const nb = catalogs.nb;

// A year no other test uses and the demo has no table for (its tables are 2026's).
const year = '2029';

test('a finance officer drafts a programme’s unit costs for a new year in French, and publishes them after the preview; an adviser reads them', async ({ page, navigate, newPerson }) => {
  await signIn(page, navigate, 'fr', 'finance@demo.example', demoPassword);
  // Unit costs are reached from the finance pages.
  await navigate(() => page.getByRole('navigation', { name: fr['layout.mainNav'] }).getByRole('link', { name: fr['nav.finance'] }).click());
  await navigate(() => page.getByRole('main').getByRole('link', { name: fr['nav.unitCosts'] }).click());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fr['unitCosts.index.title']);
  await navigate(() => page.getByRole('link', { name: 'Volunteer/Youth' }).click());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(frT.t('unitCosts.programme.title', { programme: 'Volunteer/Youth' }));

  // A draft for a year without a table starts as a copy of the latest earlier year's (the demo's 2027 rates).
  await page.getByRole('textbox', { name: fr['unitCosts.start.year'], exact: true }).fill(year);
  await navigate(() => page.getByRole('button', { name: fr['unitCosts.start.submit'] }).click());
  await expect(page.getByRole('status')).toHaveText(frT.t('unitCosts.draft.started', { version: 1 }));
  await expect(page.getByText(fr['unitCosts.draft.basedOnEarlierYear'])).toBeVisible();
  const allowanceA = page.getByLabel(frT.t('unitCosts.edit.allowance', { group: 'A' }), { exact: true });
  await expect(allowanceA).toHaveValue(frT.number(9_800));

  // Two mistakes, both named at once, and what was typed is kept.
  await allowanceA.fill('10 000,5');
  await page.getByLabel(frT.t('unitCosts.edit.countries', { group: 'D' }), { exact: true }).fill('ET MW NP XX');
  await navigate(() => page.getByRole('button', { name: fr['unitCosts.draft.submit'] }).click());
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(frT.t('error.invalidRate', { max: 10_000_000 }));
  await expect(alert).toContainText(frT.t('error.unknownCountryCodes', { codes: 'XX' }));
  await expect(allowanceA).toHaveValue('10 000,5');

  await allowanceA.fill('10 000');
  await page.getByLabel(frT.t('unitCosts.edit.countries', { group: 'D' }), { exact: true }).fill('ET MW NP');
  await page.getByLabel(fr['unitCosts.rate.adminShare'], { exact: true }).fill('7,5');
  await navigate(() => page.getByRole('button', { name: fr['unitCosts.draft.submit'] }).click());
  await expect(page.getByRole('status')).toHaveText(fr['unitCosts.draft.saved']);
  await expect(allowanceA).toHaveValue(frT.number(10_000));

  // The preview, then publishing.
  await navigate(() => page.getByRole('link', { name: frT.t('unitCosts.year.reviewPublish', { version: 1 }) }).click());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(frT.t('unitCosts.publish.title', { version: 1, year, programme: 'Volunteer/Youth' }));
  await expect(page.getByText(fr['unitCosts.publish.approvedKept'])).toBeVisible();
  await navigate(() => page.getByRole('button', { name: frT.t('unitCosts.publish.submit', { version: 1 }) }).click());
  await expect(page.getByRole('status')).toHaveText(frT.t('unitCosts.year.publishedNotice', { version: 1 }));
  await expect(page.getByRole('row', { name: /Groupe A/ })).toContainText(frT.money(10_000_00));
  await expect(page.getByText(frT.t('unitCosts.share.value', { share: 0.075 }))).toBeVisible();
  const yearUrl = new URL(page.url()).pathname;

  // An adviser reads the table and its history, in Norwegian, and is offered no draft.
  const adviser = await newPerson();
  await signIn(adviser.page, adviser.navigate, 'nb', 'adviser@demo.example', demoPassword);
  await adviser.page.goto(yearUrl.replace('/fr/', '/nb/'));
  await expect(adviser.page.getByRole('heading', { level: 2, name: nb['unitCosts.history.title'] })).toBeVisible();
  await expect(adviser.page.getByText(nb['unitCosts.year.noDraft'])).toBeVisible();
  await expect(adviser.page.getByRole('button', { name: nb['unitCosts.year.newDraft'] })).toHaveCount(0);
  expect((await adviser.page.goto(`${yearUrl.replace('/fr/', '/nb/')}/publish`))?.status()).toBe(403);
});
