import { catalogs } from '../../i18n/catalogs.ts';
import { createTranslator } from '../../i18n/translator.ts';
import type { Locale } from '../../i18n/locales.ts';
import { expect, test } from './fixtures.ts';
import { demoPassword, signIn } from './steps.ts';

test.use({ javaScriptEnabled: false });

/** Every signed-in page, rendered and checked by axe, in a different language each, without JavaScript. */
const visits: [string, Locale, keyof (typeof catalogs)['en']][] = [
  ['/admin', 'nb', 'admin.title'],
  ['/admin/users', 'nn', 'admin.users.title'],
  ['/admin/audit', 'fr', 'admin.audit.title'],
  ['/admin/audit?action=session.signed-in', 'es', 'admin.audit.title'],
  ['/admin/mail', 'en', 'admin.mail.title'],
  ['/invitations', 'es', 'invitations.title'],
  ['/account', 'fr', 'account.title'],
];

test('administration pages render in every language and pass axe', async ({ page, navigate }) => {
  await signIn(page, navigate, 'en', 'admin@demo.example', demoPassword);
  for (const [path, locale, title] of visits) {
    await page.goto(`/${locale}${path}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(catalogs[locale][title]);
  }
  // The audit log shows who signed in.
  await page.goto('/en/admin/audit?action=session.signed-in');
  await expect(page.getByRole('cell', { name: 'session.signed-in' }).first()).toBeVisible();
});

test('a bad audit filter is explained and the filter comes back filled in', async ({ page, navigate }) => {
  await signIn(page, navigate, 'nb', 'admin@demo.example', demoPassword);
  await page.goto('/nb/admin/audit?actor=' + 'x'.repeat(300) + '&action=invitation.created');
  await expect(page.getByRole('alert')).toContainText(createTranslator('nb').t('error.tooLong', { max: 254 }));
  await expect(page.getByLabel(catalogs.nb['admin.audit.action'])).toHaveValue('invitation.created');
});

test('the forbidden page is in the person’s language', async ({ page, navigate }) => {
  await signIn(page, navigate, 'fr', 'coordinator.bergen@demo.example', demoPassword);
  const response = await page.goto('/fr/admin/users');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(catalogs.fr['error.forbidden.title']);
});
