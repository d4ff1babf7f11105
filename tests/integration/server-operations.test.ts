import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { useInProcessApp } from '../support/in-process-app.ts';
import { demoPassword, SessionClient } from '../support/session-client.ts';

/**
 * What operating the server relies on, on the whole server in-process (tests/support/in-process-app.ts):
 * the health checks, the API under /api, security headers, compression and caching, the session cookie.
 * The documentation page, which axe checks in a browser, is in tests/e2e/api-docs.spec.ts.
 */
const server = useInProcessApp({ secret: 'operations-secret-0123456789-0123456789-0123456789' });

it('/healthz checks the database', async () => {
  const response = await new SessionClient(server).get('/healthz');
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
});

it('the API answers under /api with its OpenAPI document, and an unknown endpoint with problem+json', async () => {
  const visitor = new SessionClient(server);
  const health = await visitor.api.GET('/v1/health');
  expect(health.data).toMatchObject({ status: 'ok', database: 'ok' });
  const doc = (await (await visitor.get('/api/openapi.json')).json()) as { openapi: string };
  expect(doc.openapi).toMatch(/^3\./);
  const missing = await visitor.get('/api/v1/nothing');
  expect(missing.status).toBe(404);
  expect(missing.headers.get('content-type')).toContain('application/problem+json');
});

it('responses carry security headers and compressed, cacheable assets', async () => {
  const visitor = new SessionClient(server);
  const response = await visitor.get('/en/', { 'accept-encoding': 'gzip' });
  const headers = response.headers;
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(headers.get('content-security-policy')).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(headers.get('content-encoding')).toBe('gzip');
  // In-process nothing decodes the body on the way, as a browser does: it is read as gzip, which it must be.
  const html = gunzipSync(Buffer.from(await response.arrayBuffer())).toString('utf8');
  const css = html.match(/href="(\/assets\/[^"]+\.css)"/)?.[1];
  expect(css).toBeTruthy();
  const asset = await visitor.get(css!);
  expect(asset.status).toBe(200);
  expect(asset.headers.get('cache-control')).toContain('immutable');
});

it('the session cookie is HttpOnly and SameSite=Lax', async () => {
  const response = await new SessionClient(server).post('/en/sign-in', { email: 'finance@demo.example', password: demoPassword });
  expect(response.status).toBe(302);
  const cookie = response.headers.getSetCookie().find((value) => value.includes('session_token')) ?? '';
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Lax/i);
  expect(cookie).toMatch(/Path=\//);
});
