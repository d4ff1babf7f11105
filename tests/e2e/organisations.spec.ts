import { catalogs } from '../../i18n/catalogs.ts';
import { expect, test } from './fixtures.ts';
import { demoPassword, signIn } from './steps.ts';

test.use({ javaScriptEnabled: false });
const fr = catalogs.fr;

test('an adviser registers an organisation in French without JavaScript, warned about a near duplicate', async ({ page, navigate }) => {
  await signIn(page, navigate, 'fr', 'adviser@demo.example', demoPassword);
  await page.goto('/fr/organisations/new');
  await page.getByLabel(fr['organisation.field.legalName']).fill('Pokhara Community Radio Network Nepal');
  await page.getByLabel(fr['organisation.field.country']).selectOption('NP');
  await page.getByLabel(fr['organisation.field.city']).fill('Pokhara');
  await page.getByLabel(fr['organisation.field.type']).selectOption('24');
  await page.getByLabel(fr['organisation.field.website']).fill('pas une adresse');
  await navigate(() => page.getByRole('button', { name: fr['organisation.new.submit'] }).click());
  // The bad field is named, in French, and nothing typed is lost.
  await expect(page.getByRole('alert')).toContainText(fr['error.invalidWebsite']);
  await expect(page.getByLabel(fr['organisation.field.city'])).toHaveValue('Pokhara');
  await page.getByLabel(fr['organisation.field.website']).fill('https://radio.example.np');
  await navigate(() => page.getByRole('button', { name: fr['organisation.new.submit'] }).click());
  // A similar name exists in Nepal: a warning with a link to it.
  await expect(page.getByRole('link', { name: /Pokhara Community Radio Network, Pokhara/ })).toBeVisible();
  await page.getByLabel(fr['organisation.similar.confirm']).check();
  await navigate(() => page.getByRole('button', { name: fr['organisation.new.submit'] }).click());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pokhara Community Radio Network Nepal');
  await expect(page.getByRole('status')).toContainText(fr['organisation.registered']);
  await expect(page.getByText('Népal', { exact: true })).toBeVisible();
  await expect(page.getByText(/^Pokhara, Népal \(28,\d\d° N, 83,\d\d° E\)$/)).toBeVisible();
});

test('an adviser registers an organisation whose city is two places, choosing one without JavaScript', async ({ page, navigate }) => {
  const nb = catalogs.nb;
  const name = `Sande Kystlag ${Date.now()}`;
  await signIn(page, navigate, 'nb', 'adviser@demo.example', demoPassword);
  await page.goto('/nb/organisations/new');
  await page.getByLabel(nb['organisation.field.legalName']).fill(name);
  await page.getByLabel(nb['organisation.field.country']).selectOption('NO');
  await page.getByLabel(nb['organisation.field.city']).fill('Sande');
  await page.getByLabel(nb['organisation.field.type']).selectOption('22');
  await navigate(() => page.getByRole('button', { name: nb['organisation.new.submit'] }).click());
  // Two places are called Sande: the form asks which, told apart by region, people and coordinates.
  await expect(page.getByRole('alert')).toContainText(nb['error.cityAmbiguous'].replace('{city}', 'Sande'));
  const choice = page.getByRole('group', { name: nb['organisation.city.choiceLegend'].replace('{city}', 'Sande') });
  await expect(choice.getByRole('radio')).toHaveCount(2);
  await expect(page.getByLabel(nb['organisation.field.legalName'])).toHaveValue(name);
  await choice.getByRole('radio', { name: /region 46, 542 innbyggere/ }).check();
  await navigate(() => page.getByRole('button', { name: nb['organisation.new.submit'] }).click());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByRole('status')).toContainText(nb['organisation.registered']);
  await expect(page.getByText(/^Sande, Norge \(61,\d\d° N, 5,\d\d° Ø\)$/)).toBeVisible();
});

test('a coordinator’s stale edit is refused, keeps what they typed, and can then be saved', async ({ page, navigate, browser }) => {
  await signIn(page, navigate, 'fr', 'coordinator.bergen@demo.example', demoPassword);
  await page.goto('/fr/organisations?q=Bergen+Kyst');
  await navigate(() => page.getByRole('link', { name: 'Bergen Kystsjukehus' }).click());
  const editUrl = new URL(page.url()).pathname + '/edit';

  // Someone else (the adviser) opens and saves the same organisation first.
  const other = await browser.newContext({ javaScriptEnabled: false });
  const otherPage = await other.newPage();
  await page.goto(editUrl);
  await otherPage.goto('/fr/sign-in');
  await otherPage.getByLabel(fr['signIn.email']).fill('adviser@demo.example');
  await otherPage.getByLabel(fr['signIn.password']).fill(demoPassword);
  await Promise.all([otherPage.waitForURL(/\/fr\/start$/), otherPage.getByRole('button', { name: fr['signIn.submit'], exact: true }).click()]);
  await otherPage.goto(editUrl);
  await otherPage.getByLabel(fr['organisation.field.shortName']).fill('BKS');
  await Promise.all([otherPage.waitForURL(/saved=1/), otherPage.getByRole('button', { name: fr['organisation.edit.submit'] }).click()]);
  await other.close();

  await page.getByLabel(fr['organisation.field.website']).fill('https://kystsjukehus.example.no');
  await navigate(() => page.getByRole('button', { name: fr['organisation.edit.submit'] }).click());
  await expect(page.getByRole('alert')).toContainText(fr['error.staleEdit'].slice(0, 40));
  await expect(page.getByLabel(fr['organisation.field.website'])).toHaveValue('https://kystsjukehus.example.no');
  await navigate(() => page.getByRole('button', { name: fr['organisation.edit.submit'] }).click());
  await expect(page.getByRole('status')).toContainText(fr['organisation.saved']);
  // A coordinator does not see the history; an administrator sees it on the organisation's page.
  await expect(page.getByRole('heading', { name: fr['history.title'] })).toHaveCount(0);
});

test('an administrator sees an organisation’s history on its page', async ({ page, navigate }) => {
  await signIn(page, navigate, 'nn', 'admin@demo.example', demoPassword);
  await page.goto('/nn/organisations?q=Addis+Ababa+College');
  await navigate(() => page.getByRole('link', { name: 'Addis Ababa College of Nursing' }).click());
  const pageUrl = page.url();
  await page.goto(new URL(pageUrl).pathname + '/edit');
  await page.getByLabel(catalogs.nn['organisation.field.shortName']).fill('AACN');
  await navigate(() => page.getByRole('button', { name: catalogs.nn['organisation.edit.submit'] }).click());
  await expect(page.getByRole('heading', { name: catalogs.nn['history.title'] })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'organisation.updated' })).toBeVisible();
  await expect(page.getByText('"shortName":"AACN"')).toBeVisible();
});
