import { describe, expect, it } from 'vitest';
import type { components } from '../../api/openapi-types.ts';
import { catalogs } from '../../i18n/catalogs.ts';
import { publicUrl, useInProcessApp } from '../support/in-process-app.ts';
import { demoPassword, SessionClient, signedInAs } from '../support/session-client.ts';

/**
 * Writes through the JSON API on the whole server in-process (tests/support/in-process-app.ts), per role:
 * the session cookie from signing in on the web, the origin check on writes, and refusals as
 * problem+json. The API is called with the typed client (tests/support/api-client.ts) carrying each
 * person's cookies and this site's Origin; what that client will not send (a forged or malformed body)
 * is sent as it is. GET access per role is in tests/integration/role-access.test.ts; the whole flow from
 * draft to partnership in api/applications.test.ts.
 */
const server = useInProcessApp({ secret: 'api-writes-secret-0123456789-0123456789-0123456789' });
const evil = 'https://evil.example';

type Problem = components['schemas']['Problem'];

/** A refusal as problem+json: an answer of the typed client, or a response to a request sent as it is. */
async function expectProblem(answer: Response | { response: Response; error?: unknown }, status: number, code: string): Promise<Problem> {
  const response = answer instanceof Response ? answer : answer.response;
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const problem = (answer instanceof Response ? await answer.json() : answer.error) as Problem;
  expect(problem).toMatchObject({ status, code, type: `/api/docs#problem-${code}` });
  return problem;
}

async function organisationId(person: SessionClient, name: string): Promise<string> {
  const page = (await person.api.GET('/v1/organisations', { params: { query: { q: name } } })).data!;
  expect(page.items[0]?.legalName).toBe(name);
  return page.items[0]!.id;
}

/** A demo organisation's current fields and ETag, as a client reads them before an update. */
async function read(person: SessionClient, id: string) {
  const { data, response } = await person.api.GET('/v1/organisations/{id}', { params: { path: { id } } });
  const { id: _id, version: _version, partnerships: _partnerships, ...fields } = data!;
  return { fields, etag: response.headers.get('etag')! };
}

const registration = (legalName: string) => ({ legalName, countryCode: 'KE', city: 'Kisumu', organisationType: '22', sectorCode: '12191', notADuplicate: true });

describe('organisations', () => {
  it('refuses writes, as problem+json, to visitors (401) and to roles without the permission (403)', async () => {
    const visitor = new SessionClient(server);
    await expectProblem(await visitor.api.POST('/v1/organisations', { body: registration('Kisumu Visitors’ Clinic') }), 401, 'unauthenticated');

    for (const email of ['coordinator.kathmandu@demo.example', 'finance.kathmandu@demo.example', 'finance@demo.example']) {
      const person = await signedInAs(server, email);
      await expectProblem(await person.api.POST('/v1/organisations', { body: registration('Kisumu Refused Clinic') }), 403, 'forbidden');
    }

    // A coordinator may update their own organisation, not another one.
    const kathmandu = await signedInAs(server, 'coordinator.kathmandu@demo.example');
    const bergen = await organisationId(kathmandu, 'Bergen Kystsjukehus');
    const { fields, etag } = await read(kathmandu, bergen);
    const refused = await kathmandu.api.PUT('/v1/organisations/{id}', { params: { path: { id: bergen }, header: { 'if-match': etag } }, body: fields, headers: { 'accept-language': 'nb' } });
    const problem = await expectProblem(refused, 403, 'forbidden');
    expect(problem.title).toBe(catalogs.nb['api.problem.forbidden.title']);
  });

  it('names each invalid field of a bad registration with a JSON pointer; a body that is not JSON is a 400', async () => {
    const adviser = await signedInAs(server, 'adviser@demo.example');
    // Deliberately invalid (no city), so sent as raw JSON.
    const invalid = await adviser.postJson('/api/v1/organisations', { legalName: 'K', countryCode: 'Kenya', organisationType: '22', website: 'kisumu' });
    const problem = await expectProblem(invalid, 422, 'validation');
    expect(problem.errors!.map((e) => e.pointer)).toEqual(['/legalName', '/countryCode', '/city', '/website']);
    expect(problem.errors![3]!.detail).toBe(catalogs.en['error.invalidWebsite']);

    const malformed = await adviser.send('POST', '/api/v1/organisations', { body: Buffer.from('{"legalName": '), headers: { 'content-type': 'application/json' } });
    await expectProblem(malformed, 400, 'malformedJson');
  });

  // The next two tests save demo organisations no other test here looks at, each its own.
  it('refuses an update based on an old version with 409, and saves it with the current ETag', async () => {
    const admin = await signedInAs(server, 'admin@demo.example');
    const id = await organisationId(admin, 'Tromsø Ungdomsråd');
    const path = { id };
    const { fields, etag } = await read(admin, id);

    await expectProblem(await admin.api.PUT('/v1/organisations/{id}', { params: { path }, body: fields }), 428, 'versionRequired');
    const saved = await admin.api.PUT('/v1/organisations/{id}', { params: { path, header: { 'if-match': etag } }, body: fields });
    expect(saved.response.status).toBe(200);
    expect(saved.response.headers.get('etag')).not.toBe(etag);

    const stale = await admin.api.PUT('/v1/organisations/{id}', { params: { path, header: { 'if-match': etag } }, body: { ...fields, city: 'Harstad' } });
    await expectProblem(stale, 409, 'staleEdit');
    expect((await admin.api.GET('/v1/organisations/{id}', { params: { path } })).data!.city).toBe('Tromsø');
  });

  it('refuses a write another site could make a browser send with the session cookie; JSON needs no Origin', async () => {
    // What a forging page can send without a CORS preflight: a form or text body, or none. Refused unless
    // it comes with this site's Origin, as problem+json.
    const admin = await signedInAs(server, 'admin@demo.example');
    const forged = await admin.send('POST', '/api/v1/organisations', { body: JSON.stringify(registration('Kisumu Forged Clinic')), headers: { origin: evil, 'content-type': 'text/plain' } });
    await expectProblem(forged, 403, 'crossSite');
    const asForm = await admin.post('/api/v1/organisations', { legalName: 'Kisumu Forged Clinic' }, { origin: evil });
    expect((await expectProblem(asForm, 403, 'crossSite')).title).toBe(catalogs.en['api.problem.crossSite.title']);

    // A script holding the cookie itself: without Origin a body-less or text write is refused, a JSON one
    // (which no other site can send without a preflight this server never allows) is not.
    const script = new SessionClient(server, null);
    const signIn = await script.post('/en/sign-in', { email: 'admin@demo.example', password: demoPassword }, { origin: publicUrl });
    expect(signIn.status).toBe(302);
    const kampala = await organisationId(script, 'Kampala Media Institute');
    const { fields, etag } = await read(script, kampala);
    const asText = await script.send('PUT', `/api/v1/organisations/${kampala}`, { body: JSON.stringify(fields), headers: { 'if-match': etag, 'content-type': 'text/plain' } });
    await expectProblem(asText, 403, 'crossSite');
    const asJson = await script.api.PUT('/v1/organisations/{id}', { params: { path: { id: kampala }, header: { 'if-match': etag } }, body: fields });
    expect(asJson.response.status).toBe(200);
    expect((await admin.api.GET('/v1/organisations', { params: { query: { q: 'Kisumu Forged Clinic' } } })).data!.total).toBe(0);
  });
});

describe('applications', () => {
  it('refuses a draft started through the API, as problem+json, to everyone who may not touch it', async () => {
    const addis = await signedInAs(server, 'coordinator.addis@demo.example');
    const organisation = await organisationId(addis, 'Addis Ababa College of Nursing');
    const form = await (await addis.get('/en/applications/new')).text();
    const callId = form.match(/<option value="([0-9a-f-]{36})"[^>]*>[^<]*Health 2027: collaboration agreements/)?.[1];
    expect(callId).toBeTruthy();

    const started = await addis.api.POST('/v1/applications', { body: { callId: callId!, organisationId: organisation, title: `Midwives between Addis and Bergen ${Date.now()}` } });
    expect(started.response.status).toBe(201);
    const id = started.data!.id;
    const path = { id };
    expect(started.response.headers.get('location')).toBe(`/api/v1/applications/${id}`);
    const focus = { sectorCode: '12181', sdgGoals: ['3'], sdgTargets: [], markers: { human_rights: 0, gender_equality: 1, environment: 0, anti_corruption: 0 } };

    const visitor = new SessionClient(server);
    await expectProblem(await visitor.api.GET('/v1/applications/{id}', { params: { path } }), 401, 'unauthenticated');
    await expectProblem(await visitor.api.PUT('/v1/applications/{id}/focus', { params: { path }, body: focus }), 401, 'unauthenticated');

    // Kathmandu's finance officer is partner staff, but only coordinators edit.
    const partnerFinance = await signedInAs(server, 'finance.kathmandu@demo.example');
    await expectProblem(await partnerFinance.api.PUT('/v1/applications/{id}/focus', { params: { path }, body: focus }), 403, 'forbidden');

    // Bergen is not a partner (yet): its coordinator cannot see the draft at all.
    const bergen = await signedInAs(server, 'coordinator.bergen@demo.example');
    await expectProblem(await bergen.api.GET('/v1/applications/{id}', { params: { path } }), 404, 'notFound');
    await expectProblem(await bergen.api.PUT('/v1/applications/{id}/focus', { params: { path }, body: focus }), 404, 'notFound');

    const participant = await signedInAs(server, 'participant@demo.example');
    await expectProblem(await participant.api.GET('/v1/applications/{id}', { params: { path } }), 403, 'forbidden');
    await expectProblem(await participant.api.POST('/v1/applications/{id}/submission', { params: { path } }), 403, 'forbidden');

    // The agency does not see drafts, nor decide on them.
    const adviser = await signedInAs(server, 'adviser@demo.example');
    await expectProblem(await adviser.api.GET('/v1/applications/{id}', { params: { path } }), 404, 'notFound');
    await expectProblem(await adviser.api.POST('/v1/applications/{id}/review', { params: { path } }), 404, 'notFound');

    // A body-less post another site could send with the cookie: the origin check refuses before the API is reached.
    await expectProblem(await addis.api.POST('/v1/applications/{id}/withdrawal', { params: { path }, headers: { origin: evil } }), 403, 'crossSite');

    // The coordinator's own refusals name what to fix, in their language.
    const badFlow = await addis.api.POST('/v1/applications/{id}/flows', {
      params: { path },
      body: { round: 1, sendingOrganisationId: organisation, hostOrganisationId: organisation, participants: 0, months: 12, startMonth: '2027-08', competence: 'Midwifery', purpose: 'Safer births' },
    });
    expect((await expectProblem(badFlow, 422, 'validation')).errors).toEqual([expect.objectContaining({ pointer: '/participants', code: 'tooSmall' })]);
    const refused = await expectProblem(await addis.api.POST('/v1/applications/{id}/submission', { params: { path }, headers: { 'accept-language': 'nb' } }), 422, 'submissionRefused');
    expect(refused.title).toBe(catalogs.nb['api.problem.submissionRefused.title']);
    expect(refused.errors).toContainEqual({ pointer: '/partners', code: 'needTwoPartners', detail: catalogs.nb['error.needTwoPartners'] });
    expect(refused.errors).toContainEqual(expect.objectContaining({ pointer: '/plan', code: 'planEmpty' }));

    // Withdrawn, it no longer waits in anyone's list of drafts, and is changed no more.
    const withdrawn = await addis.api.POST('/v1/applications/{id}/withdrawal', { params: { path } });
    expect(withdrawn.data!.status).toBe('withdrawn');
    await expectProblem(await addis.api.PUT('/v1/applications/{id}/focus', { params: { path }, body: focus }), 409, 'applicationLocked');
  });
});
