import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import routes from '../../app/routes.ts';
import { catalogs } from '../../i18n/catalogs.ts';
import { authEndpoints } from '../../server/http-app.ts';
import { expect, test } from './fixtures.ts';
import { routePaths } from '../support/route-paths.ts';

/**
 * Every page and every API endpoint, for every role: allowed (200), sent to sign-in, refused (403),
 * or another answer named here. A route added to app/routes.ts or the OpenAPI document without an
 * entry in this table fails the first test.
 */
const roles = ['visitor', 'administrator', 'programme_adviser', 'finance_officer', 'partner_coordinator', 'partner_finance', 'participant'] as const;
type Role = (typeof roles)[number];
/** 401: the API's answer to a visitor (a page sends them to sign-in instead). */
type Outcome = 200 | 302 | 401 | 403 | 404 | 'sign-in' | 'account';

const logins: Record<Exclude<Role, 'visitor'>, string> = {
  administrator: 'admin@demo.example',
  programme_adviser: 'adviser@demo.example',
  finance_officer: 'finance@demo.example',
  partner_coordinator: 'coordinator.kathmandu@demo.example',
  partner_finance: 'finance.kathmandu@demo.example',
  participant: 'participant@demo.example',
};

const everyone = (outcome: Outcome) => Object.fromEntries(roles.map((r) => [r, outcome])) as Record<Role, Outcome>;
const signedIn = (outcome: Outcome) => ({ ...everyone(outcome), visitor: 'sign-in' as const });
const only = (allowed: Role[]) => ({ ...signedIn(403), ...Object.fromEntries(allowed.map((r) => [r, 200])) }) as Record<Role, Outcome>;

const pages: Record<string, { url: string; expect: Record<Role, Outcome> }> = {
  '/': { url: '/', expect: everyone(302) },
  ':lang/': { url: '/en/', expect: everyone(200) },
  ':lang/organisations': { url: '/en/organisations', expect: everyone(200) },
  ':lang/organisations/new': { url: '/en/organisations/new', expect: only(['administrator', 'programme_adviser']) },
  // {kathmandu} is Kathmandu Model Hospital, whose coordinator and finance officer are demo accounts.
  ':lang/organisations/:id': { url: '/en/organisations/{kathmandu}', expect: everyone(200) },
  ':lang/partnerships': { url: '/en/partnerships?shape=triangular', expect: everyone(200) },
  ':lang/partnerships/:id': { url: '/en/partnerships/{partnership}', expect: everyone(200) },
  ':lang/organisations/:id/edit': { url: '/en/organisations/{kathmandu}/edit', expect: only(['administrator', 'programme_adviser', 'partner_coordinator']) },
  ':lang/sign-in': { url: '/en/sign-in', expect: { ...everyone('account'), visitor: 200 } },
  ':lang/sign-out': { url: '/en/sign-out', expect: everyone(302) },
  ':lang/forgot-password': { url: '/en/forgot-password', expect: everyone(200) },
  ':lang/reset-password': { url: '/en/reset-password?token=x', expect: everyone(200) },
  ':lang/invitations/:token': { url: '/en/invitations/not-a-real-token-0000000000', expect: everyone(404) },
  ':lang/invitations': { url: '/en/invitations', expect: only(['administrator', 'programme_adviser', 'partner_coordinator']) },
  ':lang/account': { url: '/en/account', expect: signedIn(200) },
  ':lang/account/export': { url: '/en/account/export', expect: signedIn(200) },
  ':lang/admin': { url: '/en/admin', expect: only(['administrator']) },
  ':lang/admin/users': { url: '/en/admin/users', expect: only(['administrator']) },
  ':lang/admin/audit': { url: '/en/admin/audit', expect: only(['administrator']) },
  ':lang/admin/mail': { url: '/en/admin/mail', expect: only(['administrator']) },
  ':lang/admin/programmes': { url: '/en/admin/programmes', expect: only(['administrator', 'programme_adviser']) },
  ':lang/admin/programmes/:id': { url: '/en/admin/programmes/{programme}', expect: only(['administrator', 'programme_adviser']) },
  ':lang/admin/calls/new': { url: '/en/admin/calls/new', expect: only(['administrator', 'programme_adviser']) },
  ':lang/admin/calls/:id/edit': { url: '/en/admin/calls/{call}/edit', expect: only(['administrator', 'programme_adviser']) },
  ':lang/calls': { url: '/en/calls?phase=open', expect: everyone(200) },
  ':lang/calls/:id': { url: '/en/calls/{call}', expect: everyone(200) },
  ':lang/applications': { url: '/en/applications?status=active', expect: { ...only(['administrator', 'programme_adviser', 'finance_officer', 'partner_coordinator', 'partner_finance']) } },
  ':lang/applications/new': { url: '/en/applications/new', expect: only(['partner_coordinator']) },
  // Participants: whoever participant-scope.ts lets see someone (a participant sees their own record); finance roles see no one.
  ':lang/participants': { url: '/en/participants?status=in_placement', expect: only(['administrator', 'programme_adviser', 'partner_coordinator', 'participant']) },
  ':lang/participants-export.csv': { url: '/en/participants-export.csv?homeCountry=NP', expect: only(['administrator', 'programme_adviser', 'partner_coordinator', 'participant']) },
  // {application}: an application Kathmandu Model Hospital takes part in (found through its coordinator's list).
  ':lang/applications/:id': { url: '/en/applications/{application}', expect: only(['administrator', 'programme_adviser', 'finance_officer', 'partner_coordinator', 'partner_finance']) },
  // Past submission, nobody edits it: readers are sent to the overview.
  ':lang/applications/:id/edit/:step': { url: '/en/applications/{application}/edit/plan', expect: { ...signedIn(302), participant: 403 } },
  ':lang/applications/:id/review': { url: '/en/applications/{application}/review', expect: only(['administrator', 'programme_adviser', 'finance_officer']) },
  ':lang/applications/:id/attachments/:attachmentId': { url: '/en/applications/{application}/attachments/00000000-0000-4000-8000-000000000000', expect: { ...signedIn(404), participant: 403 } },
  ':lang/*': { url: '/en/no-such-page', expect: everyone(404) },
};

const api: Record<string, { url: string; expect: Record<Role, Outcome> }> = {
  '/v1/health': { url: '/api/v1/health', expect: everyone(200) },
  // The directories are public; writes (POST, PUT) are checked per role in tests/e2e/api.spec.ts.
  '/v1/organisations': { url: '/api/v1/organisations?country=NP', expect: everyone(200) },
  '/v1/organisations/{id}': { url: '/api/v1/organisations/{kathmandu}', expect: everyone(200) },
  '/v1/partnerships': { url: '/api/v1/partnerships?shape=triangular', expect: everyone(200) },
  '/v1/partnerships/{id}': { url: '/api/v1/partnerships/{partnership}', expect: everyone(200) },
  // Applications: partner staff (their own) and agency staff read them; writes are checked in api-applications.spec.ts.
  '/v1/applications': { url: '/api/v1/applications?status=active', expect: { ...only(['administrator', 'programme_adviser', 'finance_officer', 'partner_coordinator', 'partner_finance']), visitor: 401 } },
  '/v1/applications/{id}': { url: '/api/v1/applications/{application}', expect: { ...only(['administrator', 'programme_adviser', 'finance_officer', 'partner_coordinator', 'partner_finance']), visitor: 401 } },
  '/v1/participants': { url: '/api/v1/participants?gender=female', expect: { ...only(['administrator', 'programme_adviser', 'partner_coordinator', 'participant']), visitor: 401 } },
  '/v1/participants/export.csv': { url: '/api/v1/participants/export.csv?year=2026', expect: { ...only(['administrator', 'programme_adviser', 'partner_coordinator', 'participant']), visitor: 401 } },
  // Attachments: upload is POST only (a GET finds no endpoint); a file is read by whoever reads the application (no such file here: 404).
  '/v1/applications/{id}/attachments': { url: '/api/v1/applications/{application}/attachments', expect: everyone(404) },
  '/v1/applications/{id}/attachments/{attachmentId}': { url: '/api/v1/applications/{application}/attachments/00000000-0000-4000-8000-000000000000', expect: { ...everyone(404), visitor: 401, participant: 403 } },
  // Write-only: a GET finds no endpoint there (404 problem), whoever asks.
  ...Object.fromEntries(
    ['basics', 'partners', 'partners/{organisationId}', 'partners/{organisationId}/confirmation', 'focus', 'goals', 'goals/{goalId}', 'flows', 'flows/{flowId}', 'emergency-plan', 'submission', 'withdrawal', 'review', 'scores', 'comments', 'approval', 'rejection', 'return', 'status'].map((p) => [
      `/v1/applications/{id}/${p}`,
      { url: `/api/v1/applications/{application}/${p.replace(/\{\w+\}/, '{kathmandu}')}`, expect: everyone(404) },
    ]),
  ),
};

/** Endpoints better-auth answers itself (server/http-app.ts authEndpoints). Without a valid state: back to sign-in. */
const auth: Record<string, { url: string; expect: Record<Role, Outcome> }> = {
  '/api/auth/callback/:providerId': { url: '/api/auth/callback/agency?code=forged&state=forged', expect: everyone(302) },
};

const contexts = new Map<Role, APIRequestContext>();
const ids: Record<string, string> = {};
const resolve = (url: string) => url.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? name);

test.beforeAll(async ({ baseURL }) => {
  const directory = await (await playwrightRequest.newContext({ baseURL })).get('/en/organisations?q=Kathmandu+Model');
  ids.kathmandu = (await directory.text()).match(/href="\/en\/organisations\/([0-9a-f-]{36})"/)?.[1] ?? 'missing';
  const partnerships = await (await playwrightRequest.newContext({ baseURL })).get('/en/partnerships');
  ids.partnership = (await partnerships.text()).match(/href="\/en\/partnerships\/([0-9a-f-]{36})"/)?.[1] ?? 'missing';
  // {call}: the first call on the public list; {programme}: the first programme in its filter.
  const callList = await (await (await playwrightRequest.newContext({ baseURL })).get('/en/calls')).text();
  ids.call = callList.match(/href="\/en\/calls\/([0-9a-f-]{36})"/)?.[1] ?? 'missing';
  ids.programme = callList.match(/<option value="([0-9a-f-]{36})"/)?.[1] ?? 'missing';
  for (const role of roles) {
    const context = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
    if (role !== 'visitor') {
      const response = await context.post('/en/sign-in', { form: { email: logins[role], password: 'exchange-demo-2026' }, maxRedirects: 0 });
      expect(response.status(), `sign-in as ${role}`).toBe(302);
    }
    contexts.set(role, context);
  }
  const ownList = await (await contexts.get('partner_coordinator')!.get('/en/applications?status=active')).text();
  ids.application = ownList.match(/href="\/en\/applications\/([0-9a-f-]{36})"/)?.[1] ?? 'missing';
});

test.afterAll(async () => {
  for (const context of contexts.values()) await context.dispose();
});

test('the table covers every route and every API endpoint', async ({ request }) => {
  expect(routePaths(routes).sort()).toEqual(Object.keys(pages).sort());
  const doc = await (await request.get('/api/openapi.json')).json();
  expect(Object.keys(doc.paths).sort()).toEqual(Object.keys(api).sort());
  expect([...authEndpoints].sort()).toEqual(Object.keys(auth).sort());
});

function check(outcome: Outcome, status: number, location: string | undefined) {
  if (outcome === 'sign-in') return status === 302 && location?.includes('/sign-in?next=') === true;
  if (outcome === 'account') return status === 302 && location?.endsWith('/account') === true;
  return status === outcome;
}

for (const [name, entry] of Object.entries({ ...pages, ...api, ...auth })) {
  test(`GET ${name}: each role gets what it may`, async () => {
    const wrong: string[] = [];
    for (const role of roles) {
      const response = await contexts.get(role)!.get(resolve(entry.url), { maxRedirects: 0 });
      const location = response.headers()['location'];
      if (!check(entry.expect[role], response.status(), location)) {
        wrong.push(`${role}: expected ${entry.expect[role]}, got ${response.status()} ${location ?? ''}`);
      }
    }
    expect(wrong).toEqual([]);
  });
}

test('state-changing requests are refused for roles without the permission', async () => {
  const post = (role: Role, url: string, form: Record<string, string>) => contexts.get(role)!.post(url, { form, maxRedirects: 0 });
  const invitation = { name: 'Dawit Alemu', email: 'dawit@example.org', role: 'partner_finance', organisationId: '', locale: 'en' };
  expect((await post('visitor', '/en/invitations', invitation)).headers()['location']).toContain('/sign-in');
  expect((await post('finance_officer', '/en/invitations', invitation)).status()).toBe(403);
  expect((await post('participant', '/en/invitations', invitation)).status()).toBe(403);
  expect((await post('partner_coordinator', '/en/admin/users', { userId: 'x' })).status()).toBe(403);
  expect((await post('programme_adviser', '/en/admin/users', { userId: 'x' })).status()).toBe(403);
  expect((await post('visitor', '/en/account', { intent: 'request-deletion' })).headers()['location']).toContain('/sign-in');
  expect((await post('participant', '/en/applications/new', { callId: '', organisationId: '', title: 'x' })).status()).toBe(403);
  expect((await post('finance_officer', '/en/applications/new', { callId: '', organisationId: '', title: 'x' })).status()).toBe(403);
  for (const role of ['partner_coordinator', 'partner_finance', 'finance_officer', 'participant'] as const) {
    expect((await post(role, resolve('/en/applications/{application}/review'), { intent: 'start-review' })).status(), role).toBe(403);
  }
  expect((await post('partner_finance', resolve('/en/applications/{application}'), { intent: 'withdraw' })).status()).toBe(403);
});

test('a coordinator cannot reach another organisation’s invitations by guessing ids', async () => {
  const bergen = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { origin: test.info().project.use.baseURL! } });
  await bergen.post('/en/sign-in', { form: { email: 'coordinator.bergen@demo.example', password: 'exchange-demo-2026' }, maxRedirects: 0 });
  const html = await (await bergen.get('/en/invitations')).text();
  const bergenOrg = html.match(/<option value="([0-9a-f-]{36})"[^>]*>Bergen Kystsjukehus<\/option>/)?.[1];
  expect(bergenOrg).toBeTruthy();
  const created = await bergen.post('/en/invitations', {
    form: { name: 'Håkon Lie', email: `hakon.${Date.now()}@bergen.example`, role: 'partner_finance', organisationId: bergenOrg!, locale: 'nb' },
    maxRedirects: 0,
  });
  expect(created.status()).toBe(302);
  const listing = await (await bergen.get('/en/invitations')).text();
  const invitationId = listing.match(/name="id" value="([0-9a-f-]{36})"/)?.[1];
  expect(invitationId).toBeTruthy();

  const kathmandu = contexts.get('partner_coordinator')!;
  // Not in their list…
  expect(await (await kathmandu.get('/en/invitations')).text()).not.toContain(invitationId!);
  // …not revocable by id…
  expect((await kathmandu.post('/en/invitations', { form: { intent: 'revoke', id: invitationId! }, maxRedirects: 0 })).status()).toBe(403);
  // …not editing Bergen's organisation…
  expect((await kathmandu.get(`/en/organisations/${bergenOrg}/edit`, { maxRedirects: 0 })).status()).toBe(403);
  // …and no inviting into Bergen either.
  const intoBergen = await kathmandu.post('/en/invitations', {
    form: { name: 'Sigrid Olsen', email: 'sigrid@example.org', role: 'partner_finance', organisationId: bergenOrg!, locale: 'en' },
    maxRedirects: 0,
  });
  expect(intoBergen.status()).toBe(403);
  await bergen.dispose();
});

test('a state-changing request from another site is refused', async ({ playwright, baseURL }) => {
  const evil = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: 'https://evil.example' } });
  const response = await evil.post('/nb/sign-in', { form: { email: 'admin@demo.example', password: 'exchange-demo-2026' }, maxRedirects: 0 });
  expect(response.status()).toBe(403);
  expect(response.headers()['set-cookie']).toBeUndefined();
  // The styled error page, in the page's language.
  expect(response.headers()['content-type']).toContain('text/html');
  expect(await response.text()).toContain(catalogs.nb['error.crossSite']);
  await evil.dispose();
});
