import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogs } from '../i18n/catalogs.ts';
import { createTranslator } from '../i18n/translator.ts';
import { pageBuild } from '../tests/support/in-process-app.ts';
import { useTestDatabase } from '../tests/support/test-database.ts';
import { createAuth } from './auth/create-auth.ts';
import { createHttpApp } from './http-app.ts';
import { createLogger } from './logger.ts';

/**
 * The cross-site check (Hono's csrf middleware in server/http-app.ts), in-process on the whole app: what
 * another site can make a browser send is refused unless it shows it comes from here, with the styled
 * page in the page's language, or problem+json on the API.
 */
const publicUrl = 'https://exchange.example';
const testDb = useTestDatabase();
let app: ReturnType<typeof createHttpApp>;

beforeAll(async () => {
  const db = testDb.db;
  const auth = createAuth({ db, secret: 'csrf-test-secret-0123456789-0123456789', baseURL: publicUrl, onSessionCreated: async () => {}, onPasswordReset: async () => {} });
  const root = resolve(import.meta.dirname, '..');
  app = createHttpApp({ db, auth, publicUrl, mailToLog: true, oidcIssuer: undefined, ping: async () => {}, logger: createLogger('silent'), build: await pageBuild(), clientDir: join(root, 'build/client') });
}, 600_000);

/** A request to the server as it is reached behind a proxy (http://internal:3000), from a browser or a script. */
const send = (path: string, init: { method?: string; headers?: Record<string, string>; body?: BodyInit } = {}) =>
  app.request(`http://internal:3000${path}`, { method: init.method ?? 'POST', headers: init.headers, body: init.body });
const form = (fields: Record<string, string>) => new URLSearchParams(fields);
const signIn = form({ email: 'nobody@agency.example', password: 'not-the-password' });

describe('the cross-site check', () => {
  it('refuses a page form from another site with the styled page in the page’s language', async () => {
    const response = await send('/fr/sign-in', { body: signIn, headers: { origin: 'https://evil.example', cookie: 'mx.session_token=x' } });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('set-cookie')).toBeNull();
    const html = await response.text();
    expect(html).toContain('lang="fr"');
    expect(html).toContain(createTranslator('fr').t('error.crossSite').replace(/'/g, '&#x27;'));
  });

  it('refuses a form without Origin unless the browser says it is same-origin', async () => {
    expect((await send('/en/sign-in', { body: signIn })).status).toBe(403);
    expect((await send('/en/sign-in', { body: signIn, headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    expect((await send('/en/sign-in', { body: signIn, headers: { 'sec-fetch-site': 'same-origin' } })).status).not.toBe(403);
  });

  it('lets through a form from this site: PUBLIC_URL’s origin or the request’s own', async () => {
    for (const origin of [publicUrl, 'http://internal:3000']) {
      const response = await send('/en/sign-in', { body: signIn, headers: { origin } });
      expect(response.status, origin).toBe(401);
    }
  });

  it('lets reading through from anywhere', async () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      const response = await send('/api/v1/health', { method, headers: { origin: 'https://evil.example', cookie: 'mx.session_token=x' } });
      expect(response.status, method).not.toBe(403);
    }
  });

  it('answers a refused API write with problem+json in the asker’s language', async () => {
    const forged: Record<string, string>[] = [{ origin: 'https://evil.example', 'content-type': 'text/plain' }, { 'content-type': 'application/x-www-form-urlencoded' }, {}];
    for (const headers of forged) {
      const response = await send('/api/v1/organisations', { body: '{"legalName":"Forged"}', headers: { ...headers, 'accept-language': 'nb' } });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({ status: 403, code: 'crossSite', type: '/api/docs#problem-crossSite', title: catalogs.nb['api.problem.crossSite.title'], detail: catalogs.nb['api.problem.crossSite.detail'] });
    }
  });

  it('leaves JSON and PDF bodies to the API: no other site can send them without a preflight', async () => {
    const json = await send('/api/v1/organisations', { body: '{}', headers: { origin: 'https://evil.example', 'content-type': 'application/json' } });
    expect(json.status).toBe(401);
  });
});
