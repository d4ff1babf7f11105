import { catalogs } from '../../i18n/catalogs.ts';
import { createTranslator } from '../../i18n/translator.ts';
import { expect, test } from './fixtures.ts';

test.use({ javaScriptEnabled: false });
const es = catalogs.es;
const t = createTranslator('es');

test('a visitor filters partnerships by SDG in Spanish and reads one’s agreement chain, plan and balance', async ({ page, navigate }) => {
  await page.goto('/es/partnerships');
  await page.getByLabel(es['chain.filter.sdg']).selectOption('3');
  await navigate(() => page.getByRole('button', { name: es['partnerships.filter.submit'] }).click());
  expect(new URL(page.url()).searchParams.get('sdg')).toBe('3');
  const results = page.getByRole('table');
  await expect(results.getByRole('link', { name: 'Midwifery and emergency care exchange' })).toBeVisible();
  await expect(results.getByRole('link', { name: 'Teachers learning from teachers' })).toHaveCount(0);

  // This demo partnership planned one participant more than it has sent.
  await navigate(() => results.getByRole('link', { name: 'Community health workers exchange' }).click());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Community health workers exchange');
  // The SDGs by their official short names in Spanish (from the catalogs: the IATI list has only English and French).
  await expect(page.locator('li:not([lang])', { hasText: es['sdg.goal.3'] })).toBeVisible();

  await expect(page.getByRole('heading', { level: 2, name: es['chain.title'] })).toBeVisible();
  const stages = page.locator('ol.chain > li');
  await expect(stages.getByRole('heading', { level: 3 })).toHaveText([es['chain.kind.agreement'], t.t('chain.kind.round', { round: 1 })]);
  // 3 planned participants × 12 months × NOK 15 000.
  await expect(stages.first()).toContainText(t.money(540_000_00, 'NOK'));

  const matrix = page.getByRole('table', { name: t.t('chain.matrix.caption', { stage: t.t('chain.kind.round', { round: 1 }), round: 1 }) });
  await expect(matrix.getByRole('columnheader', { name: es['chain.matrix.totalSent'] })).toBeVisible();
  await expect(matrix.getByRole('rowheader', { name: es['chain.matrix.totalHosted'] })).toBeVisible();
  await expect(matrix.getByRole('rowheader', { name: 'Lilongwe Community Health Trust' })).toBeVisible();

  const balance = page.getByRole('table', { name: es['chain.balance.caption'] });
  await expect(balance.getByRole('columnheader', { name: es['chain.balance.actualSent'] })).toBeVisible();
  await expect(balance.getByText(es['chain.flag.sendsBehind'])).toBeVisible();
  await expect(balance.getByText(es['chain.flag.hostsBehind'])).toBeVisible();
});

test('a visitor finds the organisations of a programme by sector and programme', async ({ page, navigate }) => {
  await page.goto('/es/organisations');
  await page.getByLabel(es['chain.filter.organisationProgramme']).selectOption('health');
  await page.getByLabel(es['organisation.field.sector']).selectOption('12191');
  await navigate(() => page.getByRole('button', { name: es['organisations.filter.submit'] }).click());
  const names = page.locator('tbody th[scope="row"]');
  await expect(names).toHaveText(['Bergen Kystsjukehus', 'Kathmandu Model Hospital', 'Sylhet Community Hospital']);
});
