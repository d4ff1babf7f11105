import { request as playwrightRequest, type APIRequestContext, type APIResponse } from '@playwright/test';
import { catalogs } from '../../i18n/catalogs.ts';
import { expect, test } from './fixtures.ts';
import { demoPassword } from './steps.ts';

/**
 * Application writes through the JSON API against the real server, per role: the session cookie, the
 * origin check, and refusals as problem+json. GET access per role is in tests/integration/role-access.test.ts; the
 * whole flow from draft to partnership in api/applications.test.ts.
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

test('a draft started through the API is refused, as problem+json, to everyone who may not touch it', async () => {
  const addis = await signedIn('coordinator.addis@demo.example');
  const organisation = (await (await addis.get('/api/v1/organisations?q=Addis+Ababa+College')).json()).items[0].id;
  const form = await (await addis.get('/en/applications/new')).text();
  const callId = form.match(/<option value="([0-9a-f-]{36})"[^>]*>[^<]*Health 2027: collaboration agreements/)?.[1];
  expect(callId).toBeTruthy();

  const started = await addis.post('/api/v1/applications', { data: { callId, organisationId: organisation, title: `Midwives between Addis and Bergen ${Date.now()}` } });
  expect(started.status()).toBe(201);
  const application = await started.json();
  const path = `/api/v1/applications/${application.id}`;
  expect(started.headers()['location']).toBe(path);
  const focus = { sectorCode: '12181', sdgGoals: ['3'], sdgTargets: [], markers: { human_rights: 0, gender_equality: 1, environment: 0, anti_corruption: 0 } };

  const visitor = await signedIn();
  await expectProblem(await visitor.get(path), 401, 'unauthenticated');
  await expectProblem(await visitor.put(`${path}/focus`, { data: focus }), 401, 'unauthenticated');

  // Kathmandu's finance officer is partner staff, but only coordinators edit.
  const partnerFinance = await signedIn('finance.kathmandu@demo.example');
  await expectProblem(await partnerFinance.put(`${path}/focus`, { data: focus }), 403, 'forbidden');

  // Bergen is not a partner (yet): its coordinator cannot see the draft at all.
  const bergen = await signedIn('coordinator.bergen@demo.example');
  await expectProblem(await bergen.get(path), 404, 'notFound');
  await expectProblem(await bergen.put(`${path}/focus`, { data: focus }), 404, 'notFound');

  const participant = await signedIn('participant@demo.example');
  await expectProblem(await participant.get(path), 403, 'forbidden');
  await expectProblem(await participant.post(`${path}/submission`), 403, 'forbidden');

  // The agency does not see drafts, nor decide on them.
  const adviser = await signedIn('adviser@demo.example');
  await expectProblem(await adviser.get(path), 404, 'notFound');
  await expectProblem(await adviser.post(`${path}/review`), 404, 'notFound');

  // A body-less post another site could send with the cookie: the origin check refuses before the API is reached.
  await expectProblem(await addis.post(`${path}/withdrawal`, { headers: { origin: 'https://evil.example' } }), 403, 'crossSite');

  // The coordinator's own refusals name what to fix, in their language.
  const badFlow = await addis.post(`${path}/flows`, { data: { round: 1, sendingOrganisationId: organisation, hostOrganisationId: organisation, participants: 0, months: 12, startMonth: '2027-08', competence: 'Midwifery', purpose: 'Safer births' } });
  expect((await expectProblem(badFlow, 422, 'validation')).errors).toEqual([expect.objectContaining({ pointer: '/participants', code: 'tooSmall' })]);
  const refused = await expectProblem(await addis.post(`${path}/submission`, { headers: { 'accept-language': 'nb' } }), 422, 'submissionRefused');
  expect(refused.title).toBe(catalogs.nb['api.problem.submissionRefused.title']);
  expect(refused.errors).toContainEqual({ pointer: '/partners', code: 'needTwoPartners', detail: catalogs.nb['error.needTwoPartners'] });
  expect(refused.errors).toContainEqual(expect.objectContaining({ pointer: '/plan', code: 'planEmpty' }));

  // Tidy up: withdrawn, it no longer waits in anyone's list of drafts.
  const withdrawn = await addis.post(`${path}/withdrawal`);
  expect((await withdrawn.json()).status).toBe('withdrawn');
  await expectProblem(await addis.put(`${path}/focus`, { data: focus }), 409, 'applicationLocked');
  await Promise.all([addis, visitor, partnerFinance, bergen, participant, adviser].map((c) => c.dispose()));
});

test('the documentation page lists the application endpoints and their problem types', async ({ page }) => {
  await page.goto('/api/docs');
  await expect(page.getByRole('heading', { level: 3, name: 'POST /api/v1/applications/{id}/submission' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'PUT /api/v1/applications/{id}/basics' })).toBeVisible();
  await expect(page.locator('#problem-submissionRefused')).toBeVisible();
});
