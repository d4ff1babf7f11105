import { catalogs, type MessageKey } from '../../i18n/catalogs.ts';
import { createTranslator } from '../../i18n/translator.ts';
import { DEMO_RADIO_HEALTH } from '../../db/seed/demo-radio-health.ts';
import { samplePdf } from '../support/sample-pdf.ts';
import { waitForMail } from '../support/smtp-sink.ts';
import { expect, test, type Person } from './fixtures.ts';
import { demoPassword, invitationPath, mailDir, signIn } from './steps.ts';

test.use({ javaScriptEnabled: false });

const es = catalogs.es;
const t = createTranslator('es');
const run = Date.now().toString(36);

/** Days from today in Oslo (the platform's calendar), as YYYY-MM-DD: the journey's dates are real ones, in the past where it has happened. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());
const day = (days: number) => {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};
const addMonths = (iso: string, months: number) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
};
const ageOn = (birth: string, on: string) => Number(on.slice(0, 4)) - Number(birth.slice(0, 4)) - (on.slice(5) < birth.slice(5) ? 1 : 0);

// A six-month stay that began a hundred days ago: the mid-term report fell due about nine days ago
// (halfway to the planned end), within the reminders' window, and the placement ends in the future.
const startsOn = day(-100);
const endsOn = new Date(Date.parse(`${addMonths(startsOn, 6)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const returnedOn = day(-3);
const checklist = ['Signed contract', 'Insurance', 'Visa / work permit', 'Police certificate', 'Health certificate', 'Emergency contacts'];

const cochabamba = 'coordinator.cochabamba@demo.example';
const quetzaltenango = 'coordinator.quetzaltenango@demo.example';
const lucia = { given: 'Lucía', family: 'Condori Mamani', birthDate: '1997-05-04', email: `lucia.${run}@radio-cochabamba.example` };
const mario = { given: 'Mario', family: `Quispe Flores ${run}`, birthDate: '1961-03-12', email: `mario.${run}@radio-cochabamba.example` };
const status = (s: string) => es[`participantStatus.${s}` as MessageKey];
const moveButton = (s: string) => t.t('participantPage.moves.submit', { status: status(s) });

async function nominate({ page, navigate }: Person, partnershipPath: string, person: typeof lucia, gender: 'female' | 'male') {
  await page.goto(`${partnershipPath}/nominate`);
  await page.getByRole('radio', { name: /Asociación Maya de Salud/ }).check();
  await page.getByLabel(es['nominate.field.givenName'], { exact: true }).fill(person.given);
  await page.getByLabel(es['nominate.field.familyName'], { exact: true }).fill(person.family);
  await page.getByLabel(es['nominate.field.birthDate'], { exact: true }).fill(person.birthDate);
  await page.getByLabel(es['nominate.field.gender'], { exact: true }).selectOption(gender);
  await page.getByLabel(es['nominate.field.nationality'], { exact: true }).selectOption('BO');
  await page.getByLabel(es['nominate.field.residenceCountry'], { exact: true }).selectOption('BO');
  await page.getByLabel(es['nominate.field.email'], { exact: true }).fill(person.email);
  await page.getByLabel(es['nominate.field.profession'], { exact: true }).fill('Periodista de radio');
  await page.getByLabel(es['nominate.field.startsOn'], { exact: true }).fill(startsOn);
  await page.getByLabel(es['nominate.field.endsOn'], { exact: true }).fill(endsOn);
  await page.getByLabel(es['nominate.field.locale'], { exact: true }).selectOption('es');
  await navigate(() => page.getByRole('button', { name: es['nominate.submit'] }).click());
  await expect(page.getByRole('status')).toContainText(es['participantPage.saved.nominated']);
  return new URL(page.url()).pathname;
}

/** A move on the participant page, with the actual date where the move records one. */
async function move({ page, navigate }: Person, to: string, on?: string) {
  const form = page.getByRole('group', { name: t.t('participantPage.moves.to', { status: status(to) }) });
  if (on) await form.getByLabel(to === 'in_placement' ? es['participantPage.moves.actualStart'] : es['participantPage.moves.actualEnd']).fill(on);
  await navigate(() => form.getByRole('button', { name: moveButton(to) }).click());
}

async function expectStatus(page: Person['page'], to: string) {
  await expect(page.getByText(t.t('participantPage.status', { status: status(to) }))).toBeVisible();
}

/** A course of the Cochabamba radio with one session on its first day, Lucía enrolled and present. */
async function runCourse({ page, navigate }: Person, kind: 'preparatory' | 'homecoming', title: string, from: string, to: string) {
  await page.goto('/es/courses/new');
  await page.getByLabel(es['courseNew.field.kind'], { exact: true }).selectOption(kind);
  await page.getByLabel(es['courseNew.field.title'], { exact: true }).fill(title);
  await page.getByLabel(es['courseNew.field.owner'], { exact: true }).selectOption({ label: 'Radio Comunitaria Cochabamba' });
  await page.getByLabel(es['courseNew.field.place'], { exact: true }).fill('Cochabamba, Radio Comunitaria');
  await page.getByLabel(es['courseNew.field.startsOn'], { exact: true }).fill(from);
  await page.getByLabel(es['courseNew.field.endsOn'], { exact: true }).fill(to);
  await navigate(() => page.getByRole('button', { name: es['courseNew.submit'] }).click());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

  await page.getByLabel(es['course.session.field.day'], { exact: true }).fill(from);
  await navigate(() => page.getByRole('button', { name: es['course.session.submit'] }).click());
  await page.getByLabel(es['course.enrol.field'], { exact: true }).selectOption({ label: `${lucia.family}, ${lucia.given} (${status(kind === 'preparatory' ? 'preparing' : 'returned')})` });
  await navigate(() => page.getByRole('button', { name: es['course.enrol.submit'] }).click());
  await page.getByRole('checkbox', { name: t.t('course.attendance.mark', { name: `${lucia.given} ${lucia.family}`, day: t.date(from, 'medium') }) }).check();
  await navigate(() => page.getByRole('button', { name: es['course.attendance.submit'] }).click());
  await expect(page.getByRole('status')).toContainText(es['course.attendance.saved']);
  // Her row in the list of people enrolled (the attendance grid has a row of hers too).
  await expect(page.getByRole('row', { name: new RegExp(lucia.family) }).filter({ hasText: es['course.participant.attendedYes'] })).toHaveCount(1);
}

async function writeReport({ page, navigate }: Person, kind: 'arrival' | 'final') {
  await page.goto(`/es/exchange/reports/${kind}`);
  for (const q of ['learned', 'hostGained', 'homeGains', 'community'] as const) {
    await page.getByLabel(es[`reportQuestion.${q}`], { exact: true }).fill(`${kind}: ${q}, en mis palabras.`);
  }
  await navigate(() => page.getByRole('button', { name: es['reports.submit'] }).click());
  await expect(page.getByRole('status')).toContainText(es['reports.saved.submitted']);
}

test('a participant from Cochabamba to Quetzaltenango, in Spanish without JavaScript: nominated, accepted, approved, prepared, placed, reminded, back home and alumni', async ({ newPerson }) => {
  // Four people and some sixty pages, each new page state checked by axe: longer than one form's test.
  test.slow();
  const sending = await newPerson();
  const host = await newPerson();
  const adviser = await newPerson();
  const her = await newPerson();

  // The Cochabamba coordinator finds the partnership and nominates two people on its running round.
  await signIn(sending.page, sending.navigate, 'es', cochabamba, demoPassword);
  await sending.page.goto('/es/partnerships');
  await sending.navigate(() => sending.page.getByRole('link', { name: DEMO_RADIO_HEALTH }).click());
  const partnershipPath = new URL(sending.page.url()).pathname;
  const marioPath = await nominate(sending, partnershipPath, mario, 'male');
  // Too old for the Professional programme: recorded, with the problem named in Spanish.
  const tooOld = t.t('error.ageNotEligible', { age: ageOn(mario.birthDate, startsOn), min: 22, max: 35 });
  await expect(sending.page.getByRole('region', { name: es['participantPage.eligibility.title'] })).toContainText(tooOld);
  const luciaPath = await nominate(sending, partnershipPath, lucia, 'female');
  await expect(sending.page.getByText(es['participantPage.eligibility.none'])).toBeVisible();

  // The Quetzaltenango coordinator, as host, accepts Lucía.
  await signIn(host.page, host.navigate, 'es', quetzaltenango, demoPassword);
  await host.page.goto(luciaPath);
  await host.navigate(() => host.page.getByRole('button', { name: es['participantPage.host.accept'] }).click());
  await expect(host.page.getByRole('status')).toContainText(es['participantPage.saved.accept']);

  // The adviser cannot approve Mario: the page refuses, naming his age (and the host's missing answer).
  await signIn(adviser.page, adviser.navigate, 'es', 'adviser@demo.example', demoPassword);
  await adviser.page.goto(marioPath);
  await move(adviser, 'approved');
  const refused = adviser.page.getByRole('list', { name: es['participantPage.moves.notYet'] });
  await expect(refused).toContainText(tooOld);
  await expect(refused).toContainText(es['error.hostNotAccepted']);
  await expectStatus(adviser.page, 'nominated');
  // Lucía is approved.
  await adviser.page.goto(luciaPath);
  await move(adviser, 'approved');
  await expect(adviser.page.getByRole('status')).toContainText(es['participantPage.saved.move']);
  await expectStatus(adviser.page, 'approved');
  await move(adviser, 'preparing');
  await expectStatus(adviser.page, 'preparing');

  // Lucía signs up from her invitation, in Spanish, and consents to the processing of her data.
  const invitation = await waitForMail(mailDir, lucia.email, 60_000, '/invitations/');
  await her.page.goto(invitationPath(invitation.text));
  await her.page.getByLabel(es['password.new']).fill('lucia-password-2026');
  await her.page.getByLabel(es['password.repeat']).fill('lucia-password-2026');
  await her.navigate(() => her.page.getByRole('button', { name: es['invitation.accept.submit'] }).click());
  await expect(her.page.getByRole('heading', { level: 1 })).toHaveText(es['account.title']);
  await her.page.goto('/es/exchange');
  await her.navigate(() => her.page.getByRole('button', { name: es['exchange.consent.agree'] }).click());
  await expect(her.page.locator('#consent')).toContainText(es['exchange.consent.withdraw']);

  // Her documents: two PDFs, then a PNG named .pdf, refused without losing the two; then the rest.
  const documents = her.page.getByRole('region', { name: es['exchange.documents.heading'] });
  const upload = async (kind: string, file: { name: string; mimeType: string; buffer: Buffer }) => {
    await her.page.goto('/es/exchange');
    await her.navigate(() => documents.getByRole('link', { name: t.t('exchange.documents.upload', { kind }) }).click());
    await her.page.getByLabel(es['exchangeDocument.file']).setInputFiles(file);
    await her.navigate(() => her.page.getByRole('button', { name: es['exchangeDocument.submit'] }).click());
  };
  const pdf = async (kind: string) => ({ name: `${kind.replace(/\W+/g, '-').toLowerCase()}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(await samplePdf({ title: kind })) });
  for (const kind of checklist.slice(0, 2)) {
    await upload(kind, await pdf(kind));
    await expect(her.page.getByRole('status')).toBeVisible();
  }
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
  await upload(checklist[2]!, { name: 'visado.pdf', mimeType: 'application/pdf', buffer: png });
  await expect(her.page.getByRole('alert')).toContainText(t.t('error.fileContentMismatch', { named: 'PDF', found: 'PNG' }));
  await her.page.goto('/es/exchange');
  for (const kind of checklist.slice(0, 2)) await expect(documents.getByRole('row', { name: new RegExp(`^${kind}`) })).toContainText(es['documentStatus.submitted']);
  await expect(documents.getByRole('row', { name: new RegExp(`^${checklist[2]!.replace('/', '\\/')}`) })).toContainText(es['documentStatus.missing']);
  for (const kind of checklist.slice(2)) await upload(kind, await pdf(kind));

  // The Cochabamba coordinator accepts each document.
  await sending.page.goto(`${luciaPath}/documents`);
  for (const kind of checklist) {
    const decision = sending.page.getByRole('group', { name: t.t('participantDocuments.decision', { kind }) });
    await decision.getByLabel(es['participantDocuments.accept']).check();
    await sending.navigate(() => sending.page.getByRole('button', { name: t.t('participantDocuments.submit', { kind }) }).click());
  }
  await expect(sending.page.getByText(es['participantDocuments.allAccepted'])).toBeVisible();

  // She attends the preparatory course, before her placement began, and moves into placement.
  await runCourse(sending, 'preparatory', `Curso preparatorio ${run}`, day(-130), day(-115));
  await sending.page.goto(luciaPath);
  await move(sending, 'in_placement', startsOn);
  await expectStatus(sending.page, 'in_placement');

  // She submits her arrival report.
  await writeReport(her, 'arrival');

  // The mid-term report fell due nine days ago: an administrator runs the reminders, and the email reaches the SMTP server.
  const admin = await newPerson();
  await signIn(admin.page, admin.navigate, 'es', 'admin@demo.example', demoPassword);
  await admin.page.goto('/es/admin');
  await admin.navigate(() => admin.page.getByRole('button', { name: es['admin.reminders.run'] }).click());
  await expect(admin.page.getByRole('status')).toBeVisible();
  const reminder = await waitForMail(mailDir, lucia.email, 60_000, '/exchange/reports/mid_term');
  expect(reminder.text).toContain(es['reportKind.mid_term']);

  // Back home: the coordinator records her return; she logs what she did at home and writes her final report.
  await sending.page.goto(luciaPath);
  await move(sending, 'returned', returnedOn);
  await expectStatus(sending.page, 'returned');
  await her.page.goto('/es/exchange/engagement');
  await her.page.getByLabel(es['engagement.activity.what'], { exact: true }).fill('Programa de radio sobre salud materna');
  await her.page.getByLabel(es['engagement.activity.place'], { exact: true }).fill('Sacaba, Cochabamba');
  await her.page.getByLabel(es['engagement.activity.peopleReached'], { exact: true }).fill('250');
  await her.navigate(() => her.page.getByRole('button', { name: es['engagement.activity.submit'] }).click());
  await expect(her.page.getByRole('row', { name: /Programa de radio sobre salud materna/ })).toContainText('250');
  await writeReport(her, 'final');

  // The homecoming seminar, then completed and alumni.
  await runCourse(sending, 'homecoming', `Seminario de regreso ${run}`, day(-2), day(-1));
  await sending.page.goto(luciaPath);
  await move(sending, 'completed');
  await expectStatus(sending.page, 'completed');
  await move(sending, 'alumni');
  await expectStatus(sending.page, 'alumni');

  // She joins the alumni directory and finds herself in it.
  await her.page.goto('/es/exchange/engagement');
  await her.page.getByLabel(es['engagement.profile.listed']).check();
  await her.page.getByLabel(es['engagement.profile.profession'], { exact: true }).fill('Periodista de radio');
  await her.page.getByLabel(es['engagement.profile.bio'], { exact: true }).fill('Radio comunitaria y salud en los Andes y en Quetzaltenango.');
  await her.navigate(() => her.page.getByRole('button', { name: es['engagement.profile.submit'] }).click());
  await her.page.goto('/es/alumni');
  await expect(her.page.getByRole('row', { name: new RegExp(lucia.family) })).toContainText('Radio Comunitaria Cochabamba');
});
