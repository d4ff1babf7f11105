import { catalogs } from '../../i18n/catalogs.ts';
import { expect, test } from './fixtures.ts';
import { e2eOidcPort } from '../support/e2e-env.ts';

const en = catalogs.en;

/** The provider's own development login page: any login, used as the email address. */
async function loginAtProvider(page: import('@playwright/test').Page, email: string) {
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill('anything');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  // The provider may ask for consent first. Wait for whichever comes, the consent page or the way back to
  // the platform: `isVisible` does not wait (its timeout is ignored), so on a busy machine the consent page
  // came after the look and the test waited for ever on it.
  const consent = page.getByRole('button', { name: 'Continue' });
  const back = page.waitForURL((url) => url.port !== String(e2eOidcPort)).then(() => 'back' as const);
  const asked = consent.waitFor({ state: 'visible' }).then(() => 'consent' as const);
  back.catch(() => undefined);
  asked.catch(() => undefined);
  if ((await Promise.race([back, asked])) === 'consent') await consent.click();
}

test('agency staff sign in through the agency’s OpenID Connect provider', async ({ page, navigate }) => {
  await page.goto('/en/sign-in');
  await page.getByRole('button', { name: en['signIn.sso.submit'] }).click();
  await expect(page).toHaveURL(new RegExp(`127\\.0\\.0\\.1:${e2eOidcPort}/`));
  await loginAtProvider(page, 'finance@demo.example');
  await page.waitForURL(/\/en\/start$/);
  await navigate(() => page.goto('/en/account'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en['account.title']);
  await expect(page.getByText('finance@demo.example').first()).toBeVisible();
});

test('single sign-on does not create accounts: someone not invited is refused with a message', async ({ page }) => {
  await page.goto('/en/sign-in');
  await page.getByRole('button', { name: en['signIn.sso.submit'] }).click();
  await loginAtProvider(page, 'stranger@elsewhere.example');
  await page.waitForURL(/\/en\/sign-in\?/);
  await expect(page.getByRole('alert')).toContainText(en['error.ssoNoAccount']);
});
