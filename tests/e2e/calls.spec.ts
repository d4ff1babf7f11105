import { osloDate } from '../../core/partnerships/check-deadline.ts';
import { catalogs } from '../../i18n/catalogs.ts';
import { createTranslator } from '../../i18n/translator.ts';
import { expect, test } from './fixtures.ts';
import { demoPassword, signIn } from './steps.ts';

test.use({ javaScriptEnabled: false });
const nb = catalogs.nb;
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));
const daysFromToday = (days: number) => new Date(Date.parse(`${osloDate(new Date())}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

test('an adviser publishes a call in Norwegian without JavaScript, told exactly what is wrong with the weights', async ({ page, navigate }) => {
  // Six pages, each checked by axe twice without JavaScript (fixtures.ts): more than the default 30 s on a busy machine.
  const title = 'Yrkesutveksling 2028: samarbeidsavtaler';
  await signIn(page, navigate, 'nb', 'adviser@demo.example', demoPassword);
  await page.goto('/nb/calls');
  await navigate(() => page.getByRole('link', { name: nb['call.new.title'] }).click());
  await page.getByLabel(nb['call.field.title']).fill(title);
  await page.getByLabel(nb['call.field.programme']).selectOption({ label: 'Professional' });
  await page.getByLabel(nb['call.field.stage']).selectOption({ label: nb['calls.stage.agreement'] });
  await page.getByLabel(nb['call.field.opensOn']).fill(daysFromToday(-1));
  await page.getByLabel(nb['call.field.deadline']).fill(daysFromToday(90));
  await page.getByLabel(nb['call.field.budgetCeiling']).fill('30 000 000');
  await page.getByLabel(nb['call.field.priorities']).fill('Klimatilpasning\nGrønt næringsliv');
  const criteria: [string, string][] = [['Relevans', '40'], ['Gjensidig læring', '25'], ['Gjennomførbarhet og omsorgsplikt', '25']];
  for (const [i, [name, weight]] of criteria.entries()) {
    await page.getByLabel(fill(nb['call.field.criterionName'], { row: i + 1 }), { exact: true }).fill(name);
    await page.getByLabel(fill(nb['call.field.criterionWeight'], { row: i + 1 }), { exact: true }).fill(weight);
  }
  await navigate(() => page.getByRole('button', { name: nb['call.new.submit'] }).click());

  // The sum is named, in Norwegian, and nothing typed is lost.
  await expect(page.getByRole('alert')).toContainText(fill(nb['error.weightsSum'], { sum: 90 }));
  await expect(page.getByLabel(nb['call.field.title'])).toHaveValue(title);
  await expect(page.getByLabel(nb['call.field.budgetCeiling'])).toHaveValue('30 000 000');
  await expect(page.getByLabel(fill(nb['call.field.criterionName'], { row: 3 }), { exact: true })).toHaveValue('Gjennomførbarhet og omsorgsplikt');
  await expect(page.getByLabel(nb['call.field.programme'])).toHaveValue(/[0-9a-f-]{36}/);

  await page.getByLabel(fill(nb['call.field.criterionWeight'], { row: 3 }), { exact: true }).fill('35');
  await navigate(() => page.getByRole('button', { name: nb['call.new.submit'] }).click());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByRole('status')).toContainText(nb['call.created']);
  await expect(page.getByRole('row', { name: /Gjennomførbarhet og omsorgsplikt/ })).toContainText('35');
  await expect(page.getByText(createTranslator('nb').money(30_000_000_00, 'NOK'))).toBeVisible();
  const callId = new URL(page.url()).pathname.split('/').pop();
  await expect(page.getByRole('link', { name: nb['call.apply'] })).toHaveAttribute('href', `/nb/applications/new?call=${callId}`);
  await expect(page.getByRole('link', { name: nb['call.edit'] })).toBeVisible();

  // On the public list, open, for everyone.
  await page.goto('/nb/calls?phase=open');
  const row = page.getByRole('row', { name: new RegExp(title) });
  await expect(row).toContainText(nb['calls.phase.open']);
  await expect(row).toContainText(nb['calls.stage.agreement']);
});

test('a visitor reads an open call and its programme’s rules, and filters the list by phase', async ({ page, navigate }) => {
  await page.goto('/nb/calls');
  await navigate(() => page.getByRole('link', { name: 'Health 2027: collaboration agreements' }).click());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Health 2027: collaboration agreements');
  await expect(page.getByText('Maternal and newborn health')).toBeVisible();
  await expect(page.getByRole('row', { name: /Reciprocity and mutual learning/ })).toContainText('35');
  await expect(page.getByText('Police certificate')).toBeVisible();
  await expect(page.getByRole('link', { name: nb['call.apply'] })).toBeVisible();
  await expect(page.getByRole('link', { name: nb['call.edit'] })).toHaveCount(0);

  await page.goto('/nb/calls');
  await page.getByLabel(nb['calls.filter.phase']).selectOption('closed');
  await navigate(() => page.getByRole('button', { name: nb['calls.filter.submit'] }).click());
  await expect(page.getByRole('rowheader', { name: 'Volunteer/Youth 2026: collaboration agreements' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Health 2027: collaboration agreements' })).toHaveCount(0);
});

test('an administrator creates a programme, corrects its age range, and opens a call in it', async ({ page, navigate }) => {
  const en = catalogs.en;
  await signIn(page, navigate, 'en', 'admin@demo.example', demoPassword);
  await page.goto('/en/admin');
  await navigate(() => page.getByRole('link', { name: en['programmes.title'] }).click());
  await page.getByLabel(en['programme.field.name']).fill('Young leaders');
  await page.getByLabel(en['programme.field.code']).fill('young-leaders');
  await page.getByLabel(en['programme.field.minAge']).fill('30');
  await page.getByLabel(en['programme.field.maxAge']).fill('20');
  await page.getByLabel('12 months').check();
  await page.getByLabel('South–South').check();
  await page.getByLabel(en['programme.field.documents']).fill('Signed contract\nInsurance');
  await navigate(() => page.getByRole('button', { name: en['programmes.new.submit'] }).click());
  await expect(page.getByRole('alert')).toContainText(en['error.ageRangeReversed']);
  await expect(page.getByLabel('12 months')).toBeChecked();
  await expect(page.getByLabel(en['programme.field.documents'])).toHaveValue('Signed contract\nInsurance');

  await page.getByLabel(en['programme.field.minAge']).fill('18');
  await navigate(() => page.getByRole('button', { name: en['programmes.new.submit'] }).click());
  await expect(page.getByRole('status')).toContainText(en['programme.created']);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fill(en['programme.edit.title'], { name: 'Young leaders' }));
  await navigate(() => page.getByRole('link', { name: en['programme.calls.new'] }).click());
  await expect(page.getByLabel(en['call.field.programme']).locator('option:checked')).toHaveText('Young leaders');
});

test('only agency staff who manage calls may post a call', async ({ playwright, baseURL }) => {
  const finance = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  await finance.post('/nb/sign-in', { form: { email: 'finance@demo.example', password: demoPassword }, maxRedirects: 0 });
  const refused = await finance.post('/nb/admin/calls/new', { form: { title: 'Not allowed' }, maxRedirects: 0 });
  expect(refused.status()).toBe(403);
  await finance.dispose();
});
