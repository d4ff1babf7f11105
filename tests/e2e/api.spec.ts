import { request as playwrightRequest, type APIRequestContext, type APIResponse } from '@playwright/test';
import { catalogs } from '../../i18n/catalogs.ts';
import { expect, test } from './fixtures.ts';
import { demoPassword } from './steps.ts';

/**
 * The JSON API against the real server: the session cookie from signing in on the web, the origin
 * check on writes, and refusals as problem+json. GET access per role is in tests/integration/role-access.test.ts.
 */
const baseURL = () => test.info().project.use.baseURL!;

async function signedIn(email?: string): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: baseURL(), extraHTTPHeaders: { origin: baseURL() } });
  if (email) {
    const response = await context.post('/en/sign-in', { form: { email, password: demoPassword }, maxRedirects: 0 });
    expect(response.status(), `sign-in as ${email}`).toBe(302);
  }
  return context;
}

async function expectProblem(response: APIResponse, status: number, code: string) {
  expect(response.status()).toBe(status);
  expect(response.headers()['content-type']).toBe('application/problem+json');
  const problem = await response.json();
  expect(problem).toMatchObject({ status, code, type: `/api/docs#problem-${code}` });
  return problem;
}

async function organisationId(context: APIRequestContext, name: string): Promise<string> {
  const page = await (await context.get(`/api/v1/organisations?q=${encodeURIComponent(name)}`)).json();
  expect(page.items[0]?.legalName).toBe(name);
  return page.items[0].id;
}

const registration = (legalName: string) => ({ legalName, countryCode: 'KE', city: 'Kisumu', organisationType: '22', sectorCode: '12191', notADuplicate: true });

test('writes are refused, as problem+json, to visitors (401) and to roles without the permission (403)', async () => {
  const visitor = await signedIn();
  await expectProblem(await visitor.post('/api/v1/organisations', { data: registration('Kisumu Visitors’ Clinic') }), 401, 'unauthenticated');

  for (const email of ['coordinator.kathmandu@demo.example', 'finance.kathmandu@demo.example', 'finance@demo.example']) {
    const context = await signedIn(email);
    await expectProblem(await context.post('/api/v1/organisations', { data: registration('Kisumu Refused Clinic') }), 403, 'forbidden');
    await context.dispose();
  }

  // A coordinator may update their own organisation, not another one.
  const kathmandu = await signedIn('coordinator.kathmandu@demo.example');
  const bergen = await organisationId(kathmandu, 'Bergen Kystsjukehus');
  const current = await kathmandu.get(`/api/v1/organisations/${bergen}`);
  const { id: _id, version: _version, partnerships: _partnerships, ...fields } = await current.json();
  const refused = await kathmandu.put(`/api/v1/organisations/${bergen}`, { data: fields, headers: { 'if-match': current.headers()['etag']!, 'accept-language': 'nb' } });
  const problem = await expectProblem(refused, 403, 'forbidden');
  expect(problem.title).toBe(catalogs.nb['api.problem.forbidden.title']);
  await Promise.all([visitor.dispose(), kathmandu.dispose()]);
});

test('a bad registration names each invalid field with a JSON pointer; a body that is not JSON is a 400', async () => {
  const adviser = await signedIn('adviser@demo.example');
  const invalid = await adviser.post('/api/v1/organisations', { data: { legalName: 'K', countryCode: 'Kenya', organisationType: '22', website: 'kisumu' } });
  const problem = await expectProblem(invalid, 422, 'validation');
  expect(problem.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/legalName', '/countryCode', '/city', '/website']);
  expect(problem.errors[3].detail).toBe(catalogs.en['error.invalidWebsite']);

  const malformed = await adviser.post('/api/v1/organisations', { data: Buffer.from('{"legalName": '), headers: { 'content-type': 'application/json' } });
  await expectProblem(malformed, 400, 'malformedJson');
  await adviser.dispose();
});

/** A demo organisation's current fields and ETag, as a client reads them before an update. */
async function read(context: APIRequestContext, id: string) {
  const response = await context.get(`/api/v1/organisations/${id}`);
  const { id: _id, version: _version, partnerships: _partnerships, ...fields } = await response.json();
  return { fields, etag: response.headers()['etag']! };
}

// These two tests save organisations no other test looks at, each its own (tests run in parallel).
test('an update based on an old version is refused with 409, and saved with the current ETag', async () => {
  const admin = await signedIn('admin@demo.example');
  const id = await organisationId(admin, 'Tromsø Ungdomsråd');
  const tromso = `/api/v1/organisations/${id}`;
  const { fields, etag } = await read(admin, id);

  await expectProblem(await admin.put(tromso, { data: fields }), 428, 'versionRequired');
  const saved = await admin.put(tromso, { data: fields, headers: { 'if-match': etag } });
  expect(saved.status()).toBe(200);
  expect(saved.headers()['etag']).not.toBe(etag);

  const stale = await admin.put(tromso, { data: { ...fields, city: 'Harstad' }, headers: { 'if-match': etag } });
  await expectProblem(stale, 409, 'staleEdit');
  expect((await (await admin.get(tromso)).json()).city).toBe('Tromsø');
  await admin.dispose();
});

test('a write another site could make a browser send with the session cookie is refused; JSON needs no Origin', async () => {
  // What a forging page can send without a CORS preflight: a form or text body, or none. Refused unless
  // it comes with this site's Origin, as problem+json.
  const admin = await signedIn('admin@demo.example');
  const forged = { data: JSON.stringify(registration('Kisumu Forged Clinic')), headers: { origin: 'https://evil.example', 'content-type': 'text/plain' } };
  await expectProblem(await admin.post('/api/v1/organisations', forged), 403, 'crossSite');
  const asForm = await admin.post('/api/v1/organisations', { form: { legalName: 'Kisumu Forged Clinic' }, headers: { origin: 'https://evil.example' } });
  expect((await expectProblem(asForm, 403, 'crossSite')).title).toBe(catalogs.en['api.problem.crossSite.title']);

  // A script holding the cookie itself: without Origin a body-less or text write is refused, a JSON one
  // (which no other site can send without a preflight this server never allows) is not.
  const script = await playwrightRequest.newContext({ baseURL: baseURL() });
  await script.post('/en/sign-in', { form: { email: 'admin@demo.example', password: demoPassword }, headers: { origin: baseURL() }, maxRedirects: 0 });
  const kampala = await organisationId(script, 'Kampala Media Institute');
  const { fields, etag } = await read(script, kampala);
  await expectProblem(await script.put(`/api/v1/organisations/${kampala}`, { data: JSON.stringify(fields), headers: { 'if-match': etag, 'content-type': 'text/plain' } }), 403, 'crossSite');
  expect((await script.put(`/api/v1/organisations/${kampala}`, { data: fields, headers: { 'if-match': etag } })).status()).toBe(200);
  expect((await (await admin.get('/api/v1/organisations?q=Kisumu+Forged+Clinic')).json()).total).toBe(0);
  await Promise.all([admin.dispose(), script.dispose()]);
});

test('the documentation page lists the endpoints and the problem types, and passes axe', async ({ page }) => {
  await page.goto('/api/docs');
  await expect(page.getByRole('heading', { level: 3, name: 'PUT /api/v1/organisations/{id}' })).toBeVisible();
  await expect(page.locator('#problem-staleEdit')).toBeVisible();
});
