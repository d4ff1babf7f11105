import { catalogs } from '../../i18n/catalogs.ts';
import { createTranslator } from '../../i18n/translator.ts';
import { expect, test, type Page } from './fixtures.ts';
import { waitForMail } from '../support/smtp-sink.ts';
import { samplePdf } from '../support/sample-pdf.ts';
import { demoPassword, mailDir, signIn, signOut, type Navigate } from './steps.ts';

test.use({ javaScriptEnabled: false });
const fr = catalogs.fr;
const title = `Infirmières entre Addis, Bergen et Katmandou ${Date.now()}`;

async function addFlow(page: Page, navigate: Navigate, from: string, to: string) {
  await page.getByLabel(fr['application.plan.sending'], { exact: true }).selectOption({ label: from });
  await page.getByLabel(fr['application.plan.host'], { exact: true }).selectOption({ label: to });
  await page.getByLabel(fr['application.plan.participants'], { exact: true }).fill('2');
  await page.getByLabel(fr['application.plan.months'], { exact: true }).selectOption('12');
  await page.getByLabel(fr['application.plan.start'], { exact: true }).fill('2027-08');
  await page.getByLabel(fr['application.plan.competence'], { exact: true }).fill('Soins néonatals');
  await page.getByLabel(fr['application.plan.purpose'], { exact: true }).fill('Former les collègues au retour');
  await navigate(() => page.getByRole('button', { name: fr['application.plan.add'] }).click());
  await expect(page.getByRole('status').first()).toBeVisible();
}

async function addGoal(page: Page, navigate: Navigate, owner: string, goal: string) {
  await page.getByLabel(fr['application.goals.owner'], { exact: true }).selectOption({ label: owner });
  await page.getByLabel(fr['application.goals.description'], { exact: true }).fill(goal);
  await page.locator('#indicator-0-description').fill('Infirmières formées');
  await page.locator('#indicator-0-baseline').fill('0');
  await page.locator('#indicator-0-target').fill('40');
  await navigate(() => page.getByRole('button', { name: fr['application.goals.add'] }).click());
}

async function confirmAs(page: Page, navigate: Navigate, email: string, locale: 'en' | 'nb', partner: string) {
  const m = catalogs[locale];
  // The partner's coordinator follows the link in the email asking them to confirm.
  const mail = await waitForMail(mailDir, email, 20_000, title);
  const link = mail.text.match(/https?:\/\/\S+\/applications\/[0-9a-f-]{36}/)?.[0];
  await signIn(page, navigate, locale, email, demoPassword);
  await page.goto(new URL(link!).pathname);
  await navigate(() => page.getByRole('button', { name: m['application.partners.confirm'].replace('{name}', partner) }).click());
  await expect(page.getByRole('status')).toContainText(m['application.done.confirm']);
  await signOut(page, navigate, locale);
}

test('a triangular application in French without JavaScript: drafted, left, found again, refused for reciprocity, confirmed, scored and approved', async ({ page, navigate }) => {
  await signIn(page, navigate, 'fr', 'coordinator.addis@demo.example', demoPassword);
  await page.goto('/fr/applications/new');
  const callValue = await page.locator('#callId option', { hasText: 'Health 2027: collaboration agreements' }).getAttribute('value');
  await page.getByLabel(fr['application.field.call'], { exact: true }).selectOption(callValue!);
  await page.getByLabel(fr['application.field.title'], { exact: true }).fill(title);
  await navigate(() => page.getByRole('button', { name: fr['application.new.submit'] }).click());

  // Step 1: basics.
  await page.getByLabel(fr['application.field.summary'], { exact: true }).fill('Des écoles d’infirmières et des hôpitaux échangent leur personnel.');
  await navigate(() => page.getByRole('button', { name: fr['application.saveAndContinue'] }).click());

  // Step 2: partners in Norway and Nepal; the shape is derived and shown.
  for (const [search, name] of [['Bergen Kyst', 'Bergen Kystsjukehus'], ['Kathmandu Model', 'Kathmandu Model Hospital']] as const) {
    await page.getByLabel(fr['application.partners.search'], { exact: true }).fill(search);
    await navigate(() => page.getByRole('button', { name: fr['application.partners.searchSubmit'] }).click());
    await navigate(() => page.getByRole('button', { name: fr['application.partners.add'].replace('{name}', name) }).click());
  }
  await expect(page.locator('#shape')).toContainText(fr['home.shapes.triangular.title']);
  await navigate(() => page.getByRole('link', { name: fr['application.continueTo'].replace('{step}', fr['application.step.focus']) }).click());

  // Step 3: she leaves (signs out) and comes back later to find her draft.
  await expect(page).toHaveURL(/\/edit\/focus$/);
  await signOut(page, navigate, 'fr');
  await signIn(page, navigate, 'fr', 'coordinator.addis@demo.example', demoPassword);
  await page.goto('/fr/applications');
  await navigate(() => page.getByRole('link', { name: title }).click());
  await navigate(() => page.getByRole('link', { name: fr['application.edit'] }).click());
  await navigate(() => page.getByRole('navigation', { name: fr['application.steps.label'] }).getByRole('link', { name: new RegExp(fr['application.step.focus']) }).click());

  await page.getByLabel(fr['application.field.sector'], { exact: true }).selectOption('12181');
  await page.locator('#sdgGoals-3').check();
  await navigate(() => page.getByRole('button', { name: fr['application.save'], exact: true }).click());
  await page.locator('#sdgTargets-3_c').check();
  await navigate(() => page.getByRole('button', { name: fr['application.saveAndContinue'] }).click());

  // Step 4: a goal for each partner and a shared one, each with an indicator.
  for (const owner of [fr['application.goals.shared'], 'Addis Ababa College of Nursing', 'Bergen Kystsjukehus', 'Kathmandu Model Hospital']) {
    await addGoal(page, navigate, owner, `Meilleurs soins néonatals (${owner})`);
  }
  await navigate(() => page.getByRole('link', { name: fr['application.continueTo'].replace('{step}', fr['application.step.plan']) }).click());

  // Step 5: a plan in which the Nepali partner sends but hosts no one.
  await addFlow(page, navigate, 'Addis Ababa College of Nursing', 'Bergen Kystsjukehus');
  await addFlow(page, navigate, 'Bergen Kystsjukehus', 'Addis Ababa College of Nursing');
  await addFlow(page, navigate, 'Kathmandu Model Hospital', 'Addis Ababa College of Nursing');
  await navigate(() => page.getByRole('link', { name: fr['application.continueTo'].replace('{step}', fr['application.step.emergency']) }).click());

  // Step 6: emergency plan and a PDF.
  // She types the plan, then adds a PDF before saving: the plan she typed is kept (issue 8).
  const plan = 'Chaque hôte désigne une personne de contact joignable jour et nuit.';
  await page.getByLabel(fr['application.field.emergencyPlan'], { exact: true }).fill(plan);
  await page.getByLabel(fr['application.attachments.file'], { exact: true }).setInputFiles({ name: 'lettre-de-soutien.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await samplePdf({ title: 'Lettre de soutien' })) });
  await navigate(() => page.getByRole('button', { name: fr['application.attachments.upload'] }).click());
  await expect(page.getByRole('link', { name: 'lettre-de-soutien.pdf' })).toBeVisible();
  await expect(page.getByLabel(fr['application.field.emergencyPlan'], { exact: true })).toHaveValue(plan);
  await navigate(() => page.getByRole('button', { name: fr['application.saveAndContinue'] }).click());

  // Step 7: submitting is refused, naming the Nepali partner that hosts no one.
  await page.goto(page.url().replace(/\/edit\/.*$/, '/edit/submit'));
  await navigate(() => page.getByRole('button', { name: fr['application.submit.button'] }).click());
  const hostsNoOne = fr['error.hostsNoOne'].replace('{partner}', 'Kathmandu Model Hospital');
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByText(hostsNoOne)).toBeVisible();
  await expect(page.getByText(fr['error.partnerNotConfirmed'].replace('{partner}', 'Bergen Kystsjukehus'))).toBeVisible();

  // She fixes the plan: Bergen hosts a nurse from Kathmandu.
  await navigate(() => page.getByRole('link', { name: fr['application.problem.fixIn'].replace('{step}', fr['application.step.plan']) }).first().click());
  await addFlow(page, navigate, 'Bergen Kystsjukehus', 'Kathmandu Model Hospital');
  await expect(page.getByText(fr['application.plan.reciprocal'])).toBeVisible();
  const applicationPath = new URL(page.url()).pathname.replace(/\/edit\/.*$/, '');
  await signOut(page, navigate, 'fr');

  // The other partners confirm, each from the email they received.
  await confirmAs(page, navigate, 'coordinator.bergen@demo.example', 'nb', 'Bergen Kystsjukehus');
  await confirmAs(page, navigate, 'coordinator.kathmandu@demo.example', 'en', 'Kathmandu Model Hospital');

  await signIn(page, navigate, 'fr', 'coordinator.addis@demo.example', demoPassword);
  await page.goto(`${applicationPath}/edit/submit`);
  await expect(page.getByText(fr['application.submit.ready'])).toBeVisible();
  await navigate(() => page.getByRole('button', { name: fr['application.submit.button'] }).click());
  await expect(page.getByRole('status')).toContainText(fr['application.done.submitted']);
  await signOut(page, navigate, 'fr');

  // The adviser reviews, scores and approves, in French too.
  await signIn(page, navigate, 'fr', 'adviser@demo.example', demoPassword);
  await page.goto(`${applicationPath}/review`);
  await navigate(() => page.getByRole('button', { name: fr['review.decision.startReview'] }).click());
  for (const select of await page.locator('select[name^="score-"]').all()) await select.selectOption('4');
  await navigate(() => page.getByRole('button', { name: fr['review.score.save'] }).click());
  await expect(page.getByText(fr['review.scores.mean'].replace('{mean}', '4').replace('{max}', '5'))).toBeVisible();
  await page.getByLabel(fr['review.decision.startsOn'], { exact: true }).fill('2027-01-01');
  await page.getByLabel(fr['review.decision.endsOn'], { exact: true }).fill('2029-12-31');
  await page.getByLabel(fr['review.decision.amount'], { exact: true }).fill('2 400 000');
  await navigate(() => page.getByRole('button', { name: fr['review.decision.approveButton'] }).click());
  await expect(page.getByRole('status')).toContainText(fr['review.done.approve']);

  // Every partner hears of the decision, in their own language.
  for (const [email, locale] of [['coordinator.kathmandu@demo.example', 'en'], ['coordinator.bergen@demo.example', 'nb'], ['coordinator.addis@demo.example', 'fr']] as const) {
    const mail = await waitForMail(mailDir, email, 20_000, catalogs[locale]['applicationStatus.approved']);
    expect(mail.subject).toContain(title);
  }
});

test('a request larger than any form needs is refused before it is read, in the page’s language', async ({ playwright, baseURL }) => {
  const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  const response = await context.post('/fr/applications/00000000-0000-4000-8000-000000000000/edit/emergency', {
    multipart: { intent: 'upload', file: { name: 'huge.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(7 * 1024 * 1024, 37) } },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(413);
  // The styled error page in French, with the same limit the form states.
  expect(response.headers()['content-type']).toContain('text/html');
  const page = await response.text();
  expect(page).toContain('lang="fr"');
  expect(page).toContain(escapeHtml(createTranslator('fr').t('error.requestTooLarge', { max: 5 })));
  // The API answers the same refusal as problem+json.
  const api = await context.post('/api/v1/applications/00000000-0000-4000-8000-000000000000/attachments', {
    headers: { 'content-type': 'application/pdf' },
    data: Buffer.alloc(7 * 1024 * 1024, 37),
  });
  expect(api.status()).toBe(413);
  expect(api.headers()['content-type']).toContain('application/problem+json');
  expect(await api.json()).toMatchObject({ status: 413, code: 'requestTooLarge' });
  await context.dispose();
});

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
