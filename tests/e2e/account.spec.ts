import { catalogs } from '../../i18n/catalogs.ts';
import { waitForMail } from '../support/smtp-sink.ts';
import { expect, test } from './fixtures.ts';
import { mailDir, newStaffAccount } from './steps.ts';

const en = catalogs.en;

test('a forgotten password is replaced through a link sent by email', async ({ page, navigate }) => {
  // Its own account: other tests sign in with the demo accounts at the same time.
  const email = `tigist.${Date.now().toString(36)}@agency.example`;
  await newStaffAccount(page, navigate, email, 'the-first-password');
  await page.goto('/en/forgot-password');
  await page.getByLabel(en['signIn.email']).fill(email);
  await navigate(() => page.getByRole('button', { name: en['forgotPassword.submit'] }).click());
  await expect(page.getByRole('status')).toContainText(email);

  const mail = await waitForMail(mailDir, email, 20_000, 'reset-password');
  expect(mail.subject).toBe(en['email.passwordReset.subject']);
  const link = mail.text.match(/https?:\/\/\S+\/reset-password\?token=\S+/)?.[0];
  expect(link).toBeTruthy();
  const url = new URL(link!);
  await page.goto(url.pathname + url.search);
  await page.getByLabel(en['password.new']).fill('a-brand-new-password');
  await page.getByLabel(en['password.repeat']).fill('a-different-password');
  await navigate(() => page.getByRole('button', { name: en['resetPassword.submit'] }).click());
  await expect(page.getByRole('alert')).toContainText(en['error.passwordsDiffer']);
  await page.getByLabel(en['password.new']).fill('a-brand-new-password');
  await page.getByLabel(en['password.repeat']).fill('a-brand-new-password');
  await navigate(() => page.getByRole('button', { name: en['resetPassword.submit'] }).click());
  await expect(page.getByRole('status')).toContainText(en['signIn.passwordChanged']);

  await page.getByLabel(en['signIn.email']).fill(email);
  await page.getByLabel(en['signIn.password']).fill('a-brand-new-password');
  await navigate(() => page.getByRole('button', { name: en['signIn.submit'], exact: true }).click());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en['start.title']);
});

test('another device’s session can be seen and signed out', async ({ page, navigate, browser }) => {
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  for (const p of [otherPage, page]) {
    await p.goto('/en/sign-in');
    await p.getByLabel(en['signIn.email']).fill('adviser@demo.example');
    await p.getByLabel(en['signIn.password']).fill('exchange-demo-2026');
    await Promise.all([p.waitForURL(/\/en\/start$/), p.getByRole('button', { name: en['signIn.submit'], exact: true }).click()]);
  }
  await page.goto('/en/account');
  const revoke = page.getByRole('main').getByRole('button', { name: en['account.sessions.revoke'], exact: true });
  expect(await revoke.count()).toBeGreaterThanOrEqual(1);
  await navigate(() => revoke.first().click());
  await expect(page.getByRole('status')).toContainText(en['account.sessionRevoked']);
  // Revoke every other session shown, then the other device is signed out.
  while ((await revoke.count()) > 0) await navigate(() => revoke.first().click());
  const response = await otherPage.goto('/en/account');
  expect(new URL(otherPage.url()).pathname).toBe('/en/sign-in');
  expect(response?.status()).toBe(200);
  await other.close();
});
