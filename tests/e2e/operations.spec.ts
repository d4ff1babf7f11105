import { expect, test } from './fixtures.ts';

test('/healthz checks the database', async ({ request }) => {
  const response = await request.get('/healthz');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
});

test('the API answers under /api with its OpenAPI document and docs page', async ({ request, page }) => {
  const health = await request.get('/api/v1/health');
  expect(await health.json()).toMatchObject({ status: 'ok', database: 'ok' });
  const doc = await (await request.get('/api/openapi.json')).json();
  expect(doc.openapi).toMatch(/^3\./);
  await page.goto('/api/docs');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('API');
  const missing = await request.get('/api/v1/nothing');
  expect(missing.status()).toBe(404);
  expect(missing.headers()['content-type']).toContain('application/problem+json');
});

test('responses carry security headers and compressed, cacheable assets', async ({ request }) => {
  const response = await request.get('/en/', { headers: { 'accept-encoding': 'gzip' } });
  const headers = response.headers();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['content-encoding']).toBe('gzip');
  const css = (await response.text()).match(/href="(\/assets\/[^"]+\.css)"/)?.[1];
  expect(css).toBeTruthy();
  const asset = await request.get(css!);
  expect(asset.headers()['cache-control']).toContain('immutable');
});

test('the session cookie is HttpOnly and SameSite=Lax', async ({ playwright, baseURL }) => {
  const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  const response = await context.post('/en/sign-in', { form: { email: 'finance@demo.example', password: 'exchange-demo-2026' }, maxRedirects: 0 });
  const cookie = response.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.includes('session_token'))?.value ?? '';
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Lax/i);
  expect(cookie).toMatch(/Path=\//);
  await context.dispose();
});
