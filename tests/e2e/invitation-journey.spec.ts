import { catalogs } from '../../i18n/catalogs.ts';
import { waitForMail } from '../support/smtp-sink.ts';
import { expect, test } from './fixtures.ts';
import { demoPassword, invitationPath as linkIn, invite, mailDir, signIn, signOut } from './steps.ts';

const run = Date.now().toString(36);

test('invitations from administrator to adviser to a Nepali coordinator to a colleague, then a lock-out', async ({ page, navigate }) => {
  const adviser = { name: 'Solveig Berg', email: `solveig.${run}@agency.example` };
  const coordinator = { name: 'Anjali Gurung', email: `anjali.${run}@pokhara-radio.example` };
  const colleague = { name: 'Suman Rai', email: `suman.${run}@pokhara-radio.example` };

  // An administrator invites a programme adviser.
  await signIn(page, navigate, 'en', 'admin@demo.example', demoPassword);
  await invite(page, navigate, 'en', { ...adviser, role: 'programme_adviser', language: 'en' });
  await signOut(page, navigate, 'en');

  const adviserMail = await waitForMail(mailDir, adviser.email);
  expect(adviserMail.subject).toBe(catalogs.en['email.invitation.subject'].replace('{agency}', 'Norec'));
  await page.goto(linkIn(adviserMail.text));
  await page.getByLabel(catalogs.en['password.new']).fill('adviser-password-1');
  await page.getByLabel(catalogs.en['password.repeat']).fill('adviser-password-1');
  await navigate(() => page.getByRole('button', { name: catalogs.en['invitation.accept.submit'] }).click());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(catalogs.en['account.title']);

  // The adviser invites the first coordinator of a Nepali organisation, in Norwegian.
  await invite(page, navigate, 'en', { ...coordinator, role: 'partner_coordinator', organisation: 'Pokhara Community Radio Network', language: 'nb' });
  await signOut(page, navigate, 'en');

  // The email arrives at the SMTP server, in Norwegian, with the link.
  const coordinatorMail = await waitForMail(mailDir, coordinator.email);
  expect(coordinatorMail.subject).toBe(catalogs.nb['email.invitation.subject'].replace('{agency}', 'Norec'));
  expect(coordinatorMail.text).toContain('Pokhara Community Radio Network');
  const nb = catalogs.nb;
  const acceptPath = linkIn(coordinatorMail.text);
  expect(acceptPath.startsWith('/nb/')).toBe(true);
  await page.goto(acceptPath);
  // A refused form comes back filled in, with the reason in Norwegian.
  await page.getByLabel(nb['password.new']).fill('short');
  await page.getByLabel(nb['password.repeat']).fill('short');
  await navigate(() => page.getByRole('button', { name: nb['invitation.accept.submit'] }).click());
  await expect(page.getByRole('alert')).toContainText(nb['error.passwordTooShort'].replace('{min}', '10'));
  await expect(page.getByLabel(nb['invitation.accept.name'])).toHaveValue(coordinator.name);
  await page.getByLabel(nb['password.new']).fill('coordinator-password-1');
  await page.getByLabel(nb['password.repeat']).fill('coordinator-password-1');
  await navigate(() => page.getByRole('button', { name: nb['invitation.accept.submit'] }).click());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(nb['account.title']);
  await signOut(page, navigate, 'nb');

  // The link works once.
  await page.goto(acceptPath);
  await expect(page.getByText(nb['error.invitationUsed'])).toBeVisible();

  // The coordinator signs in, in Norwegian, and invites a colleague of their own organisation.
  await signIn(page, navigate, 'nb', coordinator.email, 'coordinator-password-1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(nb['start.title']);
  await invite(page, navigate, 'nb', { ...colleague, role: 'partner_finance', organisation: 'Pokhara Community Radio Network', language: 'en' });
  // Only their own organisation is offered.
  await expect(page.getByLabel(nb['invitations.field.organisation']).locator('option')).toHaveText(['Pokhara Community Radio Network']);
  await signOut(page, navigate, 'nb');
  expect((await waitForMail(mailDir, colleague.email)).text).toContain('/en/invitations/');

  // Five wrong passwords lock the account, and the page says so and for how long.
  for (let i = 0; i < 5; i++) await signIn(page, navigate, 'nb', coordinator.email, `wrong-password-${i}`);
  await expect(page.getByRole('alert')).toContainText(nb['error.signInLocked'].split('{')[0]!.trim());
  await expect(page.getByLabel(nb['signIn.email'])).toHaveValue(coordinator.email);
  // Even the right password is refused while locked.
  await signIn(page, navigate, 'nb', coordinator.email, 'coordinator-password-1');
  await expect(page.getByRole('alert')).toContainText(nb['error.signInLocked'].split('{')[0]!.trim());
});
