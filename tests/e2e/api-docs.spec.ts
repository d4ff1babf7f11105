import { expect, test } from './fixtures.ts';

/**
 * The API's documentation page in a browser, where axe checks it (page.goto in ./fixtures.ts). The API
 * itself, its writes per role, the session cookie and the origin check are tested in-process:
 * tests/integration/api-writes.test.ts and tests/integration/server-operations.test.ts.
 */
test('the documentation page lists the endpoints and the problem types, and passes axe', async ({ page }) => {
  await page.goto('/api/docs');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('API');
  await expect(page.getByRole('heading', { level: 3, name: 'PUT /api/v1/organisations/{id}' })).toBeVisible();
  await expect(page.locator('#problem-staleEdit')).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'POST /api/v1/applications/{id}/submission' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'PUT /api/v1/applications/{id}/basics' })).toBeVisible();
  await expect(page.locator('#problem-submissionRefused')).toBeVisible();
});
