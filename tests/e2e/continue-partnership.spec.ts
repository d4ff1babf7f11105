import { catalogs } from '../../i18n/catalogs.ts';
import { createTranslator } from '../../i18n/translator.ts';
import { DEMO_CONTINUATIONS } from '../../db/seed/demo-continuations.ts';
import { waitForMail } from '../support/smtp-sink.ts';
import { expect, test, type Page } from './fixtures.ts';
import { demoPassword, mailDir, signIn, signOut, type Navigate } from './steps.ts';

test.use({ javaScriptEnabled: false });
const nb = catalogs.nb;
const t = createTranslator('nb').t;
const roundCall = 'Professional 2027: exchange rounds';
const teaching = DEMO_CONTINUATIONS.agreement;
const simulation = DEMO_CONTINUATIONS.feasibility;
const addis = 'coordinator.addis@demo.example';
const bergen = 'coordinator.bergen@demo.example';

/** From the round call's page, Addis continues her agreement into round 1 under `title`; returns the application's path. */
async function continueIntoRound(page: Page, navigate: Navigate, title: string) {
  await page.goto('/nb/calls');
  await navigate(() => page.getByRole('link', { name: roundCall }).click());
  const offer = page.getByRole('region', { name: nb['call.continue.heading'] });
  await expect(offer.getByText(t('error.roundNeedsAgreement', { partnership: simulation }))).toBeVisible();
  await navigate(() => offer.getByRole('link', { name: t('call.continue.link', { partnership: teaching }) }).click());
  await expect(page.getByLabel(nb['application.field.title'], { exact: true })).toHaveValue(t('application.new.continuationTitle', { partnership: teaching, stage: t('chain.kind.round', { round: 1 }) }));
  await page.getByLabel(nb['application.field.title'], { exact: true }).fill(title);
  await navigate(() => page.getByRole('button', { name: nb['application.new.submit'] }).click());
  await expect(page).toHaveURL(/\/edit\/basics$/);
  return new URL(page.url()).pathname.replace(/\/edit\/.*$/, '');
}

test('the Addis coordinator continues her partnership from its agreement into round 1 and finds partners, goals and plan filled in', async ({ page, navigate }) => {
  await signIn(page, navigate, 'nb', addis, demoPassword);
  const path = await continueIntoRound(page, navigate, `Klinisk undervisning, runde 1 ${Date.now()}`);

  await expect(page.getByLabel(nb['application.field.summary'], { exact: true })).toHaveValue(/Nurse teachers in Addis Ababa/);

  // Partners: both, Bergen still to confirm this round.
  await page.goto(`${path}/edit/partners`);
  const bergenRow = page.getByRole('row', { name: /^Bergen Kystsjukehus/ });
  await expect(bergenRow).toContainText(nb['application.partners.confirmedNo']);
  await expect(page.getByRole('row', { name: /^Addis Ababa College of Nursing/ })).toBeVisible();

  // Focus: sector, SDGs and targets as in the agreement.
  await page.goto(`${path}/edit/focus`);
  await expect(page.getByLabel(nb['application.field.sector'], { exact: true })).toHaveValue('12181');
  await expect(page.locator('#sdgGoals-3')).toBeChecked();
  await expect(page.locator('#sdgGoals-4')).toBeChecked();

  // Goals, shared and per partner, with their indicators.
  await page.goto(`${path}/edit/goals`);
  await expect(page.getByRole('region', { name: t('application.goals.of', { owner: nb['application.goals.shared'] }) })).toContainText('learn clinical skills through simulation');
  await expect(page.getByRole('region', { name: t('application.goals.of', { owner: 'Addis Ababa College of Nursing' }) })).toContainText('Teachers certified as simulation instructors');
  await expect(page.getByRole('region', { name: t('application.goals.of', { owner: 'Bergen Kystsjukehus' }) })).toContainText('Nurses with teaching experience abroad');

  // The plan: the agreement's round 1, both ways, reciprocal.
  await page.goto(`${path}/edit/plan`);
  await expect(page.getByText('Simulation-based teaching').first()).toBeVisible();
  await expect(page.getByText('Clinical teaching with few resources').first()).toBeVisible();
  await expect(page.getByText(nb['application.plan.reciprocal'])).toBeVisible();

  // The emergency plan.
  await page.goto(`${path}/edit/emergency`);
  await expect(page.getByLabel(nb['application.field.emergencyPlan'], { exact: true })).toHaveValue(/reachable day and night/);

  // What still stops it: Bergen's confirmation, and nothing about the agreement chain.
  await page.goto(`${path}/edit/submit`);
  await expect(page.getByText(t('error.partnerNotConfirmed', { partner: 'Bergen Kystsjukehus' }))).toBeVisible();
  await expect(page.getByText(t('error.roundNeedsAgreement', { partnership: teaching }))).toHaveCount(0);
});

test('a round for a partnership without an agreement cannot be started, with a message that says why', async ({ page, navigate }) => {
  await signIn(page, navigate, 'nb', addis, demoPassword);
  await page.goto('/nb/applications/new');
  const callValue = await page.locator('#callId option', { hasText: roundCall }).getAttribute('value');
  await page.getByLabel(nb['application.field.call'], { exact: true }).selectOption(callValue!);
  await page.getByLabel(nb['application.field.partnership'], { exact: true }).selectOption({ label: t('application.new.partnershipOption', { title: simulation, programme: 'Professional' }) });
  await page.getByLabel(nb['application.field.title'], { exact: true }).fill('Simuleringslaber, runde 1');
  await navigate(() => page.getByRole('button', { name: nb['application.new.submit'] }).click());
  const why = t('error.roundNeedsAgreement', { partnership: simulation });
  await expect(page.getByRole('alert')).toContainText(why);
  await expect(page).toHaveURL(/\/applications\/new$/);
  // With the round call chosen, the form offers only the partnership that can continue, and says why not the other.
  const partnership = page.getByLabel(nb['application.field.partnership'], { exact: true });
  await expect(partnership.locator('option')).toHaveText([t('application.new.partnershipOption', { title: teaching, programme: 'Professional' })]);
  await expect(page.getByRole('region', { name: nb['application.new.cannotContinue'] })).toContainText(why);
});

test('Bergen writes its own goals in the continued round; Addis rewriting them asks Bergen, by email, to confirm again', async ({ page, navigate }) => {
  const title = `Klinisk undervisning, Bergens mål ${Date.now()}`;
  await signIn(page, navigate, 'nb', addis, demoPassword);
  const path = await continueIntoRound(page, navigate, title);
  await signOut(page, navigate, 'nb');

  // Bergen's coordinator follows the email asking to confirm, confirms, and writes Bergen's goal anew.
  const asked = await waitForMail(mailDir, bergen, 20_000, title);
  expect(new URL(asked.text.match(/https?:\/\/\S+\/applications\/[0-9a-f-]{36}/)![0]).pathname).toBe(path);
  await signIn(page, navigate, 'nb', bergen, demoPassword);
  await page.goto(path);
  await navigate(() => page.getByRole('button', { name: t('application.partners.confirm', { name: 'Bergen Kystsjukehus' }) }).click());
  await expect(page.getByRole('status')).toContainText(nb['application.done.confirm']);
  await navigate(() => page.getByRole('link', { name: t('application.goals.editOwn', { partner: 'Bergen Kystsjukehus' }) }).click());
  // Only Bergen's own goal can be changed here; the shared ones and Addis's cannot.
  await expect(page.getByRole('link', { name: nb['application.goals.change'] })).toHaveCount(1);
  const ownGoals = page.getByRole('region', { name: t('application.goals.of', { owner: 'Bergen Kystsjukehus' }) });
  await navigate(() => ownGoals.getByRole('link', { name: nb['application.goals.change'] }).click());
  await page.getByLabel(nb['application.goals.description'], { exact: true }).fill('Bergens sykepleiere underviser der ressursene er små');
  await navigate(() => page.getByRole('button', { name: nb['application.goals.save'] }).click());
  await expect(ownGoals).toContainText('Bergens sykepleiere underviser der ressursene er små');
  // Its own change: Bergen stays confirmed.
  await page.goto(path);
  await expect(page.getByRole('row', { name: /^Bergen Kystsjukehus Norge/ })).not.toContainText(nb['application.partners.confirmedNo']);
  await signOut(page, navigate, 'nb');

  // Addis rewrites Bergen's goal: Bergen is asked again.
  await signIn(page, navigate, 'nb', addis, demoPassword);
  await page.goto(`${path}/edit/goals`);
  await navigate(() => page.getByRole('region', { name: t('application.goals.of', { owner: 'Bergen Kystsjukehus' }) }).getByRole('link', { name: nb['application.goals.change'] }).click());
  await page.getByLabel(nb['application.goals.description'], { exact: true }).fill('Bergens sykepleiere underviser i Addis Abeba');
  await navigate(() => page.getByRole('button', { name: nb['application.goals.save'] }).click());
  await page.goto(path);
  await expect(page.getByRole('row', { name: /^Bergen Kystsjukehus Norge/ })).toContainText(nb['application.partners.confirmedNo']);
  const withdrawn = await waitForMail(mailDir, bergen, 20_000, t('email.applicationConfirmationWithdrawn.partnerGoals', { partner: 'Bergen Kystsjukehus' }));
  expect(withdrawn.subject).toBe(t('email.applicationConfirmationWithdrawn.subject', { title }));
});
