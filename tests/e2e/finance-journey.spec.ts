import { catalogs, type MessageKey } from '../../i18n/catalogs.ts';
import { createTranslator } from '../../i18n/translator.ts';
import { DEMO_FINANCE_JOURNEY } from '../../db/seed/demo-finance-journey.ts';
import { expect, test } from './fixtures.ts';
import { demoPassword, signIn, signOut, type Navigate } from './steps.ts';
import type { Page } from '@playwright/test';

test.use({ javaScriptEnabled: false });

const nb = catalogs.nb;
const t = createTranslator('nb');
const m = (key: MessageKey) => nb[key];
/** Whole kroner as a person types them: "700 000". */
const typed = (kroner: number) => kroner.toLocaleString('en-US').replaceAll(',', ' ');
/** The Oslo calendar date `days` from today, as the demo seed dates the journey's call. */
function osloDay(days: number) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());
  const [y, mo, d] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d + days)).toISOString().slice(0, 10);
}
// The journey's call opened 45 days before the demo was seeded and closed 10 days before it: its budget
// year is the year it opened, and its rounds start on the first of the month after the deadline.
const callYear = Number(osloDay(-45).slice(0, 4));
const deadline = osloDay(-10);
const roundStart = new Date(Date.UTC(Number(deadline.slice(0, 4)), Number(deadline.slice(5, 7)), 1));
const startsOn = roundStart.toISOString().slice(0, 10);
const endsOn = new Date(Date.UTC(roundStart.getUTCFullYear() + 1, roundStart.getUTCMonth(), 0)).toISOString().slice(0, 10);

async function openApplication(page: Page, navigate: Navigate, title: string) {
  await page.goto(`/nb/applications?q=${encodeURIComponent(title)}`);
  await navigate(() => page.getByRole('link', { name: title, exact: true }).click());
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
  return new URL(page.url()).pathname;
}

async function approve(page: Page, navigate: Navigate, applicationPath: string) {
  await page.goto(`${applicationPath}/review`);
  for (const select of await page.locator('select[name^="score-"]').all()) await select.selectOption('4');
  await navigate(() => page.getByRole('button', { name: m('review.score.save') }).click());
  await page.getByLabel(m('review.decision.startsOn'), { exact: true }).fill(startsOn);
  await page.getByLabel(m('review.decision.endsOn'), { exact: true }).fill(endsOn);
  // The amount starts from the round's budget computed from its plan.
  const amount = await page.getByLabel(m('review.decision.amount'), { exact: true }).inputValue();
  const kroner = Number(amount.replace(/\s/g, ''));
  expect(kroner).toBeGreaterThan(0);
  await navigate(() => page.getByRole('button', { name: m('review.decision.approveButton') }).click());
  return kroner;
}

test('money from Parliament to the partners of a triangular round: allocated, committed, refused beyond what is left — in Norwegian, without JavaScript', async ({ page, navigate }) => {
  test.setTimeout(600_000);
  const call = DEMO_FINANCE_JOURNEY.call;

  // The finance officer: the revised budget adds money to the year, which goes to Health and on to the round call.
  await signIn(page, navigate, 'nb', 'finance@demo.example', demoPassword);
  await page.goto(`/nb/finance/appropriations/new?year=${callYear}`);
  await page.getByLabel(m('finance.field.amount')).fill('3 000 000');
  await page.getByLabel(m('finance.field.reason')).fill(`Revidert nasjonalbudsjett ${callYear}: helserunder`);
  await page.getByLabel(m('finance.field.documentRef')).fill(`Prop. 104 S (${callYear - 1}–${callYear})`);
  await navigate(() => page.getByRole('button', { name: m('finance.appropriation.submit') }).click());
  await expect(page.getByRole('status')).toHaveText(m('finance.done.appropriated'));
  await page.goto(`/nb/finance/allocations/new?year=${callYear}`);
  const health = page.getByLabel(m('finance.field.target')).locator('option', { hasText: 'Health (ESTHER)' }).first();
  await page.getByLabel(m('finance.field.target')).selectOption((await health.getAttribute('value'))!);
  await page.getByLabel(m('finance.field.amount')).fill('3 000 000');
  await page.getByLabel(m('finance.field.reason')).fill('Helse: utvekslingsrunder');
  await navigate(() => page.getByRole('button', { name: m('finance.allocation.submit') }).click());
  await expect(page.getByRole('status')).toHaveText(m('finance.done.allocated'));
  await navigate(() => page.getByRole('link', { name: t.t('finance.action.allocateTo', { name: call }) }).click());
  await page.getByLabel(m('finance.field.amount')).fill(typed(700_000));
  await page.getByLabel(m('finance.field.reason')).fill('Runde 1 i helseutlysningen');
  await navigate(() => page.getByRole('button', { name: m('finance.allocation.submit') }).click());
  await expect(page.getByRole('status')).toHaveText(m('finance.done.allocated'));
  const callRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: call }) });
  await expect(callRow).toContainText('700 000');
  await signOut(page, navigate, 'nb');

  // The Addis Ababa coordinator reads the round's budget: travel priced by the real distances between the three cities.
  await signIn(page, navigate, 'nb', 'coordinator.addis@demo.example', demoPassword);
  const triangular = await openApplication(page, navigate, `${DEMO_FINANCE_JOURNEY.triangular}: round 1`);
  const budget = page.locator('section').filter({ has: page.getByRole('heading', { name: m('budget.title') }) });
  await expect(budget).toContainText('Addis Ababa College of Nursing');
  await expect(budget).toContainText('Kathmandu Model Hospital');
  // Addis Ababa–Bergen 6 346 km, Bergen–Kathmandu 6 817 km, Kathmandu–Addis Ababa 5 295 km: all in the 4 000–7 999 km band.
  for (const km of [/6\s346\s*km/, /6\s817\s*km/, /5\s295\s*km/]) await expect(budget).toContainText(km);
  await signOut(page, navigate, 'nb');

  // The adviser approves the triangular round: its amount is committed from the call.
  await signIn(page, navigate, 'nb', 'adviser@demo.example', demoPassword);
  const committed = await approve(page, navigate, triangular);
  await expect(page.getByRole('status')).toContainText(m('review.done.approve'));
  await page.goto(`/nb/finance?year=${callYear}`);
  await expect(callRow).toContainText(typed(committed));

  // The Lilongwe–Moshi round asks for more than the call has left: refused with the figures and where the money went.
  const southSouth = await openApplication(page, navigate, `${DEMO_FINANCE_JOURNEY.southSouth}: round 1`);
  await approve(page, navigate, southSouth);
  await expect(page.locator('.funds-used-by')).toContainText(DEMO_FINANCE_JOURNEY.triangular);
  await expect(page.getByRole('alert').first()).toContainText(typed(700_000 - committed));
});
