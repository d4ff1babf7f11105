import { catalogs, type MessageKey } from '../../i18n/catalogs.ts';
import { createTranslator } from '../../i18n/translator.ts';
import { DEMO_FINANCE_JOURNEY } from '../../db/seed/demo-finance-journey.ts';
import { expect, test } from './fixtures.ts';
import { demoPassword, signIn, signOut, type Navigate } from './steps.ts';
import ExcelJS from 'exceljs';
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

/** Kroner in a money cell as the page writes it ("12 345 kr", "kr 12 345"): its digits. */
const kronerIn = (text: string) => Number(text.replace(/[,.]\d{2}(?!\d)/, '').replace(/\D/g, ''));

/** Opens the finance officer's tranche of the triangular round 1 in `status` (not its agreement's). */
async function openTranche(page: Page, navigate: Navigate, status: 'planned' | 'approved') {
  await page.goto(`/nb/finance/tranches?status=${status}`);
  const row = page.getByRole('row').filter({ hasText: t.t('chain.kind.round', { round: 1 }) }).filter({ has: page.getByRole('link', { name: DEMO_FINANCE_JOURNEY.triangular }) });
  await navigate(() => row.first().getByRole('link', { name: DEMO_FINANCE_JOURNEY.triangular }).click());
}

/**
 * A partner starts its report on the round and reports what it spent: every line as budgeted but the first,
 * `overBy` per cent above its budget, which needs an explanation before the report can be submitted.
 */
async function reportActuals(page: Page, navigate: Navigate, email: string, organisation: string, overBy: number) {
  await signIn(page, navigate, 'nb', email, demoPassword);
  await page.goto('/nb/financial-reports');
  await navigate(() => page.getByRole('button', { name: t.t('financialReports.rounds.startFor', { organisation, partnership: DEMO_FINANCE_JOURNEY.triangular, round: 1 }) }).click());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.t('financialReports.report.title', { organisation, round: 1 }));
  const rows = page.locator('tbody tr').filter({ has: page.locator('input[name$=".actual"]') });
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const budget = kronerIn((await rows.nth(i).locator('td').nth(1).textContent()) ?? '');
    const actual = i === 0 ? Math.round((budget * (100 + overBy)) / 100) : budget;
    await rows.nth(i).locator('input[name$=".actual"]').fill(String(actual));
  }
  if (overBy > 10) {
    // Above the programme's 10 % threshold: refused until explained, with what was typed kept.
    await navigate(() => page.getByRole('button', { name: m('financialReports.form.submit') }).click());
    await expect(page.locator('.ds-error-summary, [role="alert"]').first()).toContainText(t.t('error.financialReportExplanationMissing', { line: 1, threshold: 10 }));
    await rows.first().locator('textarea[name$=".explanation"]').fill('Flyprisene steg etter at budsjettet ble laget; vi kjøpte de billigste billettene som fantes.');
  }
  await navigate(() => page.getByRole('button', { name: m('financialReports.form.submit') }).click());
  await expect(page.getByRole('status')).toContainText(m('financialReports.report.submittedNotice'));
  await signOut(page, navigate, 'nb');
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

test('money from Parliament to the partners of a triangular round: allocated, committed, refused beyond what is left, paid in tranches, reported, settled and exported — in Norwegian, without JavaScript', async ({ page, navigate }) => {
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
  const budget = page.getByRole('region', { name: m('budget.title'), exact: true });
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
  await signOut(page, navigate, 'nb');

  // The finance officer approves the first tranche (80 %, before departure) and records its payment.
  await signIn(page, navigate, 'nb', 'finance@demo.example', demoPassword);
  await openTranche(page, navigate, 'planned');
  await expect(page.locator('.facts')).toContainText(m('tranches.condition.beforeDeparture'));
  await navigate(() => page.getByRole('button', { name: m('tranches.approve.submit') }).click());
  await expect(page.getByRole('status')).toHaveText(m('tranches.done.approve'));
  await page.getByLabel(m('tranches.column.bankReference')).fill(`DNB ${startsOn} / 7781.05.40211`);
  await navigate(() => page.getByRole('button', { name: m('tranches.pay.submit') }).click());
  await expect(page.getByRole('status')).toHaveText(m('tranches.done.pay'));
  const first = kronerIn((await page.locator('.facts').getByText(/kr/).first().textContent()) ?? '');
  expect(first).toBe(Math.round(committed * 0.8));
  // The last tranche waits for the partners' financial reports.
  await openTranche(page, navigate, 'planned');
  await expect(page.getByText(m('tranches.approve.waitsForReports'))).toBeVisible();
  await signOut(page, navigate, 'nb');

  // Each partner reports what it spent; Addis Ababa's travel cost more than budgeted and is explained.
  await reportActuals(page, navigate, 'coordinator.addis@demo.example', 'Addis Ababa College of Nursing', 25);
  await reportActuals(page, navigate, 'coordinator.bergen@demo.example', 'Bergen Kystsjukehus', 0);
  await reportActuals(page, navigate, 'finance.kathmandu@demo.example', 'Kathmandu Model Hospital', 0);

  // The finance officer approves the three reports, then the last tranche, which settles the round, and pays it.
  await signIn(page, navigate, 'nb', 'finance@demo.example', demoPassword);
  for (const organisation of ['Addis Ababa College of Nursing', 'Bergen Kystsjukehus', 'Kathmandu Model Hospital']) {
    await page.goto('/nb/financial-reports?status=submitted');
    await navigate(() => page.getByRole('row').filter({ hasText: DEMO_FINANCE_JOURNEY.triangular }).getByRole('link', { name: organisation }).click());
    await navigate(() => page.getByRole('button', { name: m('financialReports.decision.approve') }).click());
    await expect(page.getByRole('status')).toContainText(m('financialReports.report.approvedNotice'));
  }
  await openTranche(page, navigate, 'planned');
  await expect(page.getByText(t.t('tranches.detail.reports', { approved: 3, partners: 3, actual: '§' }).split('§')[0]!)).toBeVisible();
  await navigate(() => page.getByRole('button', { name: m('tranches.approve.submit') }).click());
  await expect(page.getByRole('status')).toHaveText(m('tranches.done.approve'));
  await page.getByLabel(m('tranches.column.bankReference')).fill(`DNB ${endsOn} / 7781.05.40987`);
  await navigate(() => page.getByRole('button', { name: m('tranches.pay.submit') }).click());
  await expect(page.getByRole('status')).toHaveText(m('tranches.done.pay'));

  // The year's Excel file, opened with the library that wrote it: its disbursed total is a formula whose result is the page's figure.
  await page.goto(`/nb/finance?year=${callYear}`);
  const figure = (key: MessageKey) => page.locator('.figures__item').filter({ has: page.getByText(nb[key], { exact: true }) }).locator('.figures__value');
  const disbursedOnScreen = kronerIn((await figure('finance.figure.disbursed').textContent()) ?? '');
  const committedOnScreen = kronerIn((await figure('finance.figure.committed').textContent()) ?? '');
  const download = await page.request.get(`/nb/finance/export.xlsx?year=${callYear}`);
  expect(download.status()).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await download.body()) as unknown as ArrayBuffer);
  const programmes = book.getWorksheet(m('finance.xlsx.sheet.programmes'))!;
  const header = (programmes.getRow(1).values as unknown[]).map(String);
  const total = programmes.getRow(programmes.rowCount);
  const cell = (key: MessageKey) => total.getCell(header.indexOf(nb[key])).value as { formula: string; result: number };
  expect(cell('finance.figure.disbursed').formula).toMatch(/^SUM\(/);
  expect(Math.round(cell('finance.figure.disbursed').result)).toBe(disbursedOnScreen);
  expect(Math.round(cell('finance.figure.committed').result)).toBe(committedOnScreen);
});
