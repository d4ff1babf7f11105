import { catalogs } from '../../i18n/catalogs.ts';
import type { Locale } from '../../i18n/locales.ts';
import { waitForMail } from '../support/smtp-sink.ts';
import { e2eDataDir } from '../support/e2e-env.ts';
import { expect, type Page } from './fixtures.ts';

/** Steps shared by journeys: what a person does, through the same forms they would use. */
export type Navigate = (action: () => Promise<unknown>) => Promise<void>;
export const demoPassword = 'exchange-demo-2026';
export const mailDir = `${e2eDataDir}/mail`;

export async function signIn(page: Page, navigate: Navigate, locale: Locale, email: string, password: string) {
  const m = catalogs[locale];
  await page.goto(`/${locale}/sign-in`);
  await page.getByLabel(m['signIn.email']).fill(email);
  await page.getByLabel(m['signIn.password']).fill(password);
  await navigate(() => page.getByRole('button', { name: m['signIn.submit'], exact: true }).click());
}

export async function signOut(page: Page, navigate: Navigate, locale: Locale) {
  await navigate(() => page.getByRole('banner').getByRole('button', { name: catalogs[locale]['layout.signOut'] }).click());
}

export async function invite(
  page: Page,
  navigate: Navigate,
  locale: Locale,
  person: { name: string; email: string; role: string; organisation?: string; language: Locale },
) {
  const m = catalogs[locale];
  await page.goto(`/${locale}/invitations`);
  await page.getByLabel(m['invitations.field.name']).fill(person.name);
  await page.getByLabel(m['invitations.field.email']).fill(person.email);
  await page.getByLabel(m['invitations.field.role']).selectOption(person.role);
  if (person.organisation) await page.getByLabel(m['invitations.field.organisation']).selectOption({ label: person.organisation });
  await page.getByLabel(m['invitations.field.language']).selectOption(person.language);
  await navigate(() => page.getByRole('button', { name: m['invitations.submit'] }).click());
  await expect(page.getByRole('status')).toContainText(person.email);
}

export function invitationPath(text: string): string {
  const link = text.match(/https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]+/)?.[0];
  if (!link) throw new Error(`no invitation link in: ${text}`);
  return new URL(link).pathname;
}

/** An administrator invites a new agency staff member, who accepts with `password`. */
export async function newStaffAccount(page: Page, navigate: Navigate, email: string, password: string) {
  const en = catalogs.en;
  await signIn(page, navigate, 'en', 'admin@demo.example', demoPassword);
  await invite(page, navigate, 'en', { name: 'Tigist Haile', email, role: 'finance_officer', language: 'en' });
  await signOut(page, navigate, 'en');
  await page.goto(invitationPath((await waitForMail(mailDir, email)).text));
  await page.getByLabel(en['password.new']).fill(password);
  await page.getByLabel(en['password.repeat']).fill(password);
  await navigate(() => page.getByRole('button', { name: en['invitation.accept.submit'] }).click());
  await signOut(page, navigate, 'en');
}
