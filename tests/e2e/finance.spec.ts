import { catalogs, type MessageKey } from '../../i18n/catalogs.ts';
import { createTranslator } from '../../i18n/translator.ts';
import { expect, test } from './fixtures.ts';
import { demoPassword, signIn } from './steps.ts';

test.use({ javaScriptEnabled: false });

const nb = catalogs.nb;
const t = createTranslator('nb');
const m = (key: MessageKey) => nb[key];
const year = Number(
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Oslo',
    year: 'numeric',
  }).format(new Date()),
);
const run = Date.now().toString(36);

test('the finance officer appropriates, allocates, is refused beyond what is left, and corrects an entry — in Norwegian, without JavaScript', async ({ page, navigate }) => {
  await signIn(page, navigate, 'nb', 'finance@demo.example', demoPassword);
  await navigate(() =>
    page
      .getByRole('banner')
      .getByRole('link', { name: m('nav.finance') })
      .click(),
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.t('finance.year.title', { year }));
  const figure = (key: MessageKey) => page.locator('.figures__item').filter({ hasText: nb[key] }).locator('.figures__value');
  const appropriatedBefore = await figure('finance.figure.appropriated').textContent();

  // Parliament's revised budget: 12.5 million more for the year.
  await navigate(() => page.getByRole('link', { name: m('finance.action.appropriate') }).click());
  await page.getByLabel(m('finance.field.amount')).fill('12 500 000');
  await page.getByLabel(m('finance.field.reason')).fill(`Revidert nasjonalbudsjett ${year} (${run})`);
  await page.getByLabel(m('finance.field.documentRef')).fill(`Prop. 104 S (${year - 1}–${year})`);
  await navigate(() => page.getByRole('button', { name: m('finance.appropriation.submit') }).click());
  await expect(page.getByRole('status')).toHaveText(m('finance.done.appropriated'));
  await expect(figure('finance.figure.appropriated')).not.toHaveText(appropriatedBefore ?? '');

  // Five million of it to the Health programme.
  await navigate(() => page.getByRole('link', { name: m('finance.action.allocate'), exact: true }).click());
  const health = page.getByLabel(m('finance.field.target')).locator('option', { hasText: 'Health (ESTHER)' }).first();
  await page.getByLabel(m('finance.field.target')).selectOption((await health.getAttribute('value'))!);
  await page.getByLabel(m('finance.field.amount')).fill('5 000 000');
  await page.getByLabel(m('finance.field.reason')).fill(`Helse, revidert budsjett (${run})`);
  await navigate(() => page.getByRole('button', { name: m('finance.allocation.submit') }).click());
  await expect(page.getByRole('status')).toHaveText(m('finance.done.allocated'));

  // Far more than the year has left: refused with the figures and where the money went, nothing lost from the form.
  await navigate(() => page.getByRole('link', { name: m('finance.action.allocate'), exact: true }).click());
  await page.getByLabel(m('finance.field.target')).selectOption((await health.getAttribute('value'))!);
  await page.getByLabel(m('finance.field.amount')).fill('999 000 000');
  await page.getByLabel(m('finance.field.reason')).fill('For mye');
  await navigate(() => page.getByRole('button', { name: m('finance.allocation.submit') }).click());
  await expect(page.getByText(/Det er ikke nok penger igjen|nok/).first()).toBeVisible();
  await expect(page.locator('.funds-used-by')).toContainText('Health (ESTHER)');
  await expect(page.getByLabel(m('finance.field.amount'))).toHaveValue('999 000 000');

  // The programme's entries: the allocation just made, and its correction.
  await page.goto(`/nb/finance?year=${year}`);
  await navigate(() => page.getByRole('table').first().getByRole('link', { name: 'Health (ESTHER)' }).click());
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Health (ESTHER)');
  await expect(page.getByText(t.t('finance.ledger.balance', { amount: '§' }).split('§')[0]!).first()).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: `Helse, revidert budsjett (${run})` });
  await navigate(() => row.getByRole('link').first().click());
  await page.getByLabel(m('finance.field.reason')).fill('Feil program');
  await navigate(() => page.getByRole('button', { name: m('finance.entry.correctSubmit') }).click());
  await expect(page.getByRole('heading', { level: 1 })).toContainText(m('finance.kind.correction'));
  await expect(page.getByRole('link', { name: m('finance.entry.original') })).toBeVisible();
});

test('advisers read the finance pages; partners are refused', async ({ page, navigate }) => {
  await signIn(page, navigate, 'nb', 'adviser@demo.example', demoPassword);
  await page.goto('/nb/finance');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.t('finance.year.title', { year }));
  await expect(page.getByRole('link', { name: m('finance.action.appropriate') })).toHaveCount(0);
  await expect(page.getByRole('img', { name: t.t('finance.chart.title', { year }) })).toBeVisible();
});
