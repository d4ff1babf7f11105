import { catalogs, type MessageKey } from '../../i18n/catalogs.ts';
import { createTranslator } from '../../i18n/translator.ts';
import { expect, test } from './fixtures.ts';
import { demoPassword, signIn, signOut } from './steps.ts';

test.use({ javaScriptEnabled: false });

const t = createTranslator('fr');
const m = (key: MessageKey) => catalogs.fr[key];
const partnership = 'Hospital management South–South';
/** The people the dashboard's headline says were reached: the first number of "12 (7 femmes, …)". */
const peopleIn = (text: string) => Number(text.split('(')[0]!.replace(/\D/g, ''));

test('a partner reports a round’s results with indicator actuals, the adviser accepts them and sees them on the dashboard — in French, without JavaScript', async ({ page, navigate }) => {
  // The adviser's figures for Nepal before.
  await signIn(page, navigate, 'fr', 'adviser@demo.example', demoPassword);
  await page.goto('/fr/results?country=NP');
  const people = page.locator('dl.facts div').filter({ hasText: m('results.figure.people') }).locator('dd');
  const before = peopleIn((await people.textContent()) ?? '');
  await signOut(page, navigate, 'fr');

  // Kathmandu's coordinator starts its report on the South–South partnership's round, which it has not reported on yet.
  await signIn(page, navigate, 'fr', 'coordinator.kathmandu@demo.example', demoPassword);
  await page.goto('/fr/result-reports');
  await navigate(() => page.getByRole('button', { name: t.t('results.rounds.startFor', { organisation: 'Kathmandu Model Hospital', partnership, round: 1 }) }).click());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.t('results.report.title', { organisation: 'Kathmandu Model Hospital', round: 1 }));
  const url = new URL(page.url()).pathname;

  // Half filled in and submitted: every gap is named at once, what was typed is kept.
  await page.getByLabel(m('results.report.narrative'), { exact: true }).fill('Deux gestionnaires sont allées à Sylhet et ont rapporté un nouveau tableau de garde.');
  await page.locator('input[name$=".women"]').first().fill('7');
  await navigate(() => page.getByRole('button', { name: m('results.report.submit') }).click());
  const summary = page.locator('.ds-error-summary');
  await expect(summary).toContainText(m('error.resultReportLessonsMissing'));
  await expect(page.locator('input[name$=".women"]').first()).toHaveValue('7');
  await expect(page.getByLabel(m('results.report.narrative'), { exact: true })).toHaveValue(/nouveau tableau de garde/);

  // Completed: people by gender, numbers, words and the lessons, published.
  await page.locator('input[name$=".men"]').first().fill('4');
  await page.locator('input[name$=".other"]').first().fill('1');
  for (const field of await page.locator('input[name$=".value"]').all()) await field.fill('3');
  for (const field of await page.locator('textarea[name$=".text"]').all()) await field.fill('Le tableau de garde est utilisé chaque semaine.');
  await page.getByLabel(m('results.report.lessons'), { exact: true }).fill('Préparer le retour avant le départ.');
  await page.getByLabel(m('results.report.publishLessons')).check();
  await navigate(() => page.getByRole('button', { name: m('results.report.submit') }).click());
  await expect(page.getByRole('status')).toHaveText(m('results.report.done.submitted'));
  await signOut(page, navigate, 'fr');

  // The adviser reads the actuals, accepts the report, and the dashboard counts its people.
  await signIn(page, navigate, 'fr', 'adviser@demo.example', demoPassword);
  await page.goto(url);
  await expect(page.getByRole('table', { name: m('results.report.indicatorsCaption') })).toContainText(t.t('results.actual.byGender', { total: '12', women: '7', men: '4', other: '1' }));
  await navigate(() => page.getByRole('button', { name: m('results.decision.accept') }).click());
  await expect(page.getByRole('status')).toHaveText(m('results.report.done.accepted'));
  await page.goto('/fr/results?country=NP');
  expect(peopleIn((await people.textContent()) ?? '')).toBe(before + 12);
  await expect(page.getByRole('table', { name: t.t('results.dashboard.tableCaption', { by: m('results.dashboard.by.country') }) })).toContainText('Népal');
  const csv = await page.request.get('/fr/results/export.csv?by=country&country=NP');
  expect(csv.ok()).toBe(true);
  expect(await csv.text()).toContain(`NP,Népal`);
});
