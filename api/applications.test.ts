import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../core/identity/actor.ts';
import { createApplication } from '../db/factories/application-factory.ts';
import { createCall } from '../db/factories/call-factory.ts';
import { createOrganisation } from '../db/factories/organisation-factory.ts';
import { createProgramme } from '../db/factories/programme-factory.ts';
import { createUser } from '../db/factories/user-factory.ts';
import { emailOutbox } from '../db/schema/email-outbox.ts';
import { catalogs } from '../i18n/catalogs.ts';
import { createTranslator } from '../i18n/translator.ts';
import { apiAs } from '../tests/support/api-as.ts';
import { clientAs, type ApiClient } from '../tests/support/api-client.ts';
import { useTestDatabase } from '../tests/support/test-database.ts';
import type { components } from './openapi-types.ts';

const testDb = useTestDatabase();
const as = (actor?: Actor) => clientAs(testDb.db, actor);

/** What the tests read of an answer: status, ETag, content type and Location, the body as the document types it (`data`) or the problem (`error`). */
async function answer<T, E>(call: Promise<{ data?: T; error?: E; response: Response }>) {
  const { data, error, response } = await call;
  const header = (name: string) => response.headers.get(name);
  return { status: response.status, etag: header('etag'), type: header('content-type'), location: header('location'), data, error };
}

/** Path and If-Match of a section edit. */
const ifMatch = (id: string, etag: string) => ({ path: { id }, header: { 'if-match': etag } });

async function world() {
  const db = testDb.db;
  const programme = await createProgramme(db, { stayMonths: [6, 12], allowedShapes: ['north_south', 'south_south', 'triangular'] });
  const call = await createCall(db, { programmeId: programme.id, stage: 'agreement' });
  const addis = await createOrganisation(db, { legalName: 'Addis Ababa College of Nursing', countryCode: 'ET', city: 'Addis Ababa' });
  const bergen = await createOrganisation(db, { legalName: 'Bergen Kystsjukehus', countryCode: 'NO', city: 'Bergen' });
  const kathmandu = await createOrganisation(db, { legalName: 'Kathmandu Model Hospital', countryCode: 'NP', city: 'Kathmandu' });
  const meron = await createUser(db, { name: 'Meron Tadesse', memberships: [{ organisationId: addis.id, role: 'partner_coordinator' }] });
  const eirik = await createUser(db, { name: 'Eirik Vik', locale: 'nb', memberships: [{ organisationId: bergen.id, role: 'partner_coordinator' }] });
  const sita = await createUser(db, { name: 'Sita Shrestha', memberships: [{ organisationId: kathmandu.id, role: 'partner_coordinator' }] });
  const addisFinance = await createUser(db, { memberships: [{ organisationId: addis.id, role: 'partner_finance' }] });
  const adviser = await createUser(db, { name: 'Ingrid Adviser', agencyRoles: ['programme_adviser'] });
  const financeOfficer = await createUser(db, { agencyRoles: ['finance_officer'] });
  return { call, addis, bergen, kathmandu, eirikEmail: eirik.email, meron: meron.actor, eirik: eirik.actor, sita: sita.actor, addisFinance: addisFinance.actor, adviser: adviser.actor, financeOfficer: financeOfficer.actor };
}

const flow = (from: string, to: string, overrides: Partial<components['schemas']['PlanFlow']> = {}): components['schemas']['PlanFlow'] => ({
  round: 1,
  sendingOrganisationId: from,
  hostOrganisationId: to,
  participants: 2,
  months: 12,
  startMonth: '2027-08',
  competence: 'Neonatal nursing',
  purpose: 'Set up a neonatal unit',
  ...overrides,
});

const goal = (owner: string) => ({ owner, description: 'Better neonatal care', indicators: [{ description: 'Nurses trained', baseline: '0', target: '40' }] });

describe('an application through the API, from draft to partnership', () => {
  it('is started, filled in section by section, refused with pointers, fixed, confirmed, scored and approved', async () => {
    const w = await world();
    const meron = as(w.meron);
    const started = await answer(meron.POST('/v1/applications', { body: { callId: w.call.id, organisationId: w.addis.id, title: 'Nurses learning across three countries' } }));
    expect(started.status).toBe(201);
    const id = started.data!.id;
    const path = { id };
    expect(started.location).toBe(`/api/v1/applications/${id}`);
    expect(started.etag).toBe(`"${started.data!.version}"`);
    expect(started.data).toMatchObject({ status: 'draft', basics: { title: 'Nurses learning across three countries', summary: '' }, allowed: { edit: true } });
    expect(started.data!.partners).toEqual([expect.objectContaining({ organisationId: w.addis.id, coordinator: true, confirmedAt: expect.any(String) })]);

    const basics = await answer(
      meron.PUT('/v1/applications/{id}/basics', { params: ifMatch(id, started.etag!), body: { title: 'Nurses learning across three countries', summary: 'Nursing schools and hospitals exchange staff.' } }),
    );
    expect(basics.status).toBe(200);
    let latest = basics.etag!;
    for (const partner of [w.bergen, w.kathmandu]) {
      const added = await answer(meron.POST('/v1/applications/{id}/partners', { params: { path }, body: { organisationId: partner.id } }));
      expect(added.status).toBe(200);
      latest = added.etag!;
    }
    // The added partners' coordinators are asked to confirm, with a link that starts with PUBLIC_URL.
    const [asked] = await testDb.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, w.eirikEmail));
    expect(asked?.textBody).toContain(`http://localhost:3000/nb/applications/${id}`);

    const focus = await answer(
      meron.PUT('/v1/applications/{id}/focus', {
        params: ifMatch(id, latest),
        body: { sectorCode: '12181', sdgGoals: ['3', '4'], sdgTargets: ['3.c'], markers: { human_rights: 1, gender_equality: 2, environment: 0, anti_corruption: 0 } },
      }),
    );
    expect(focus.data).toMatchObject({ shape: 'triangular', focus: { sectorCode: '12181', sdgGoals: ['3', '4'], markers: { gender_equality: 2 } } });
    for (const owner of ['shared', w.addis.id, w.bergen.id, w.kathmandu.id]) {
      const added = await answer(meron.POST('/v1/applications/{id}/goals', { params: { path }, body: goal(owner) }));
      expect(added.status).toBe(200);
      latest = added.etag!;
    }
    const plan = await answer(meron.PUT('/v1/applications/{id}/emergency-plan', { params: ifMatch(id, latest), body: { emergencyPlan: 'Host contact persons on call; evacuation through the embassy.' } }));
    expect(plan.status).toBe(200);
    for (const [from, to] of [[w.addis, w.bergen], [w.bergen, w.addis], [w.kathmandu, w.addis]] as const) {
      expect((await meron.POST('/v1/applications/{id}/flows', { params: { path }, body: flow(from.id, to.id) })).response.status).toBe(200);
    }

    // Kathmandu hosts no one, and neither partner has confirmed: refused, each problem at its section.
    const refused = await answer(meron.POST('/v1/applications/{id}/submission', { params: { path }, headers: { 'accept-language': 'fr' } }));
    expect(refused.status).toBe(422);
    expect(refused.type).toBe('application/problem+json');
    expect(refused.error).toMatchObject({ code: 'submissionRefused', type: '/api/docs#problem-submissionRefused', detail: createTranslator('fr').t('error.submissionRefused', { count: 3 }) });
    expect(refused.error!.errors).toEqual([
      { pointer: '/partners', code: 'partnerNotConfirmed', detail: createTranslator('fr').t('error.partnerNotConfirmed', { partner: 'Bergen Kystsjukehus' }) },
      { pointer: '/partners', code: 'partnerNotConfirmed', detail: createTranslator('fr').t('error.partnerNotConfirmed', { partner: 'Kathmandu Model Hospital' }) },
      { pointer: '/plan', code: 'hostsNoOne', detail: createTranslator('fr').t('error.hostsNoOne', { partner: 'Kathmandu Model Hospital' }) },
    ]);
    expect((await meron.GET('/v1/applications/{id}', { params: { path } })).data!.status).toBe('draft');

    const fixed = await meron.POST('/v1/applications/{id}/flows', { params: { path }, body: flow(w.bergen.id, w.kathmandu.id) });
    expect(fixed.data!.plan).toHaveLength(4);
    // Each partner confirms for itself, and only for itself.
    const confirmation = '/v1/applications/{id}/partners/{organisationId}/confirmation';
    expect((await as(w.eirik).POST(confirmation, { params: { path: { id, organisationId: w.kathmandu.id } } })).response.status).toBe(403);
    expect((await as(w.eirik).POST(confirmation, { params: { path: { id, organisationId: w.bergen.id } } })).response.status).toBe(200);
    const confirmed = await as(w.sita).POST(confirmation, { params: { path: { id, organisationId: w.kathmandu.id } } });
    expect(confirmed.data!.partners.every((p) => p.confirmedAt)).toBe(true);

    const submitted = await answer(meron.POST('/v1/applications/{id}/submission', { params: { path } }));
    expect(submitted.status).toBe(200);
    expect(submitted.data).toMatchObject({ status: 'submitted', submittedAt: expect.any(String), allowed: { edit: false } });

    const adviser = as(w.adviser);
    expect((await adviser.POST('/v1/applications/{id}/review', { params: { path } })).data!.status).toBe('in_review');
    const criteria = submitted.data!.call.criteria;
    const scored = await answer(adviser.PUT('/v1/applications/{id}/scores', { params: { path }, body: Object.fromEntries(criteria.map((c) => [c.id, 4])) }));
    expect(scored.status).toBe(200);
    expect(scored.data!.review).toMatchObject({ weightedMean: 4, myScores: Object.fromEntries(criteria.map((c) => [c.id, 4])) });

    const approved = await answer(adviser.POST('/v1/applications/{id}/approval', { params: { path }, body: { startsOn: '2027-01-01', endsOn: '2028-12-31', amount: 2_400_000 } }));
    expect(approved.status).toBe(200);
    expect(approved.data).toMatchObject({ status: 'approved', decision: { startsOn: '2027-01-01', endsOn: '2028-12-31', amountMinor: 240_000_000, currency: 'NOK' } });
    const partnership = await as().GET('/v1/partnerships/{id}', { params: { path: { id: approved.data!.partnershipId! } } });
    expect(partnership.response.status).toBe(200);
    expect(partnership.data!.partners.map((p) => p.name)).toEqual(['Addis Ababa College of Nursing', 'Bergen Kystsjukehus', 'Kathmandu Model Hospital']);
  });
});

describe('refused input', () => {
  it('points at each invalid value of a flow (422), the schema’s and the core rules’ alike', async () => {
    const w = await world();
    const application = await createApplication(testDb.db, { callId: w.call.id, partners: [w.addis, w.bergen], status: 'draft' });
    const addFlow = (body: components['schemas']['PlanFlow'], headers: Record<string, string> = {}) =>
      answer(as(w.meron).POST('/v1/applications/{id}/flows', { params: { path: { id: application.id } }, body, headers }));

    const invalid = await addFlow(flow(w.addis.id, w.bergen.id, { participants: 0, startMonth: 'August', competence: '' }), { 'accept-language': 'nb' });
    expect(invalid.status).toBe(422);
    expect(invalid.error!.code).toBe('validation');
    expect(invalid.error!.errors).toEqual([
      // Sizes come from the schema's limits (api/validation-problem.ts), so the message can say them.
      { pointer: '/participants', code: 'tooSmall', detail: createTranslator('nb').t('api.error.tooSmall', { min: 1 }) },
      { pointer: '/startMonth', code: 'chooseMonth', detail: catalogs.nb['error.chooseMonth'] },
      { pointer: '/competence', code: 'tooShort', detail: createTranslator('nb').t('api.error.tooShort', { min: 3 }) },
    ]);

    const months = await addFlow(flow(w.addis.id, w.bergen.id, { months: 7 }));
    expect(months.status).toBe(422);
    expect(months.error).toMatchObject({ code: 'monthsNotAllowed', errors: [{ pointer: '/months', code: 'monthsNotAllowed' }] });
    expect(months.error!.errors![0]!.detail).toContain('6, 12');

    const self = await addFlow(flow(w.addis.id, w.addis.id));
    expect(self.error).toMatchObject({ status: 422, code: 'selfFlow', errors: [{ pointer: '/hostOrganisationId', code: 'selfFlow' }] });
    expect(self.error!.errors![0]!.detail).toContain('Addis Ababa College of Nursing');

    const stranger = await createOrganisation(testDb.db);
    const outsider = await addFlow(flow(w.addis.id, stranger.id));
    expect(outsider.error).toMatchObject({ status: 422, errors: [{ pointer: '/hostOrganisationId', code: 'choosePartner' }] });
  });

  it('names a path parameter the core refuses, and a goal’s indicator by its place in the list', async () => {
    const w = await world();
    const application = await createApplication(testDb.db, { callId: w.call.id, partners: [w.addis, w.bergen], status: 'draft' });
    const meron = as(w.meron);
    const coordinator = await answer(meron.DELETE('/v1/applications/{id}/partners/{organisationId}', { params: { path: { id: application.id, organisationId: w.addis.id } } }));
    expect(coordinator.status).toBe(400);
    expect(coordinator.error).toMatchObject({ code: 'cannotRemoveCoordinator', errors: [{ parameter: 'organisationId', code: 'cannotRemoveCoordinator' }] });

    const incomplete = await answer(
      meron.POST('/v1/applications/{id}/goals', {
        params: { path: { id: application.id } },
        body: { owner: 'shared', description: 'Better neonatal care', indicators: [{ description: 'Nurses trained', baseline: '0', target: '' }] },
      }),
    );
    expect(incomplete.status).toBe(422);
    expect(incomplete.error!.errors).toEqual([{ pointer: '/indicators/0/target', code: 'indicatorIncomplete', detail: catalogs.en['error.indicatorIncomplete'] }]);
  });
});

describe('conflicts', () => {
  it('refuses a decision the application’s status does not allow (409 illegalTransition)', async () => {
    const w = await world();
    const application = await createApplication(testDb.db, { callId: w.call.id, partners: [w.addis, w.bergen], status: 'submitted' });
    const path = { id: application.id };
    const early = await answer(as(w.adviser).POST('/v1/applications/{id}/approval', { params: { path }, body: { startsOn: '2027-01-01', endsOn: '2028-12-31', amount: '2 400 000' } }));
    expect(early.status).toBe(409);
    expect(early.error).toMatchObject({ code: 'illegalTransition', detail: catalogs.en['error.illegalTransition'].replace('{from}', 'submitted').replace('{to}', 'approved') });
    expect(early.error!.errors).toBeUndefined();
    // Nor can the partners change it any more.
    const locked = await answer(as(w.meron).PUT('/v1/applications/{id}/emergency-plan', { params: { path }, body: { emergencyPlan: 'Changed after submission' } }));
    expect(locked).toMatchObject({ status: 409, error: { code: 'applicationLocked' } });
  });

  it('refuses basics based on an old version (409 staleEdit), and basics without a version (428)', async () => {
    const w = await world();
    const application = await createApplication(testDb.db, { callId: w.call.id, partners: [w.addis, w.bergen], status: 'draft' });
    const meron = as(w.meron);
    const path = { id: application.id };
    const read = await answer(meron.GET('/v1/applications/{id}', { params: { path } }));
    const basics = { title: 'Nurses learning from each other', summary: 'Two hospitals exchange nurses.' };

    expect((await meron.PUT('/v1/applications/{id}/basics', { params: { path }, body: basics })).error).toMatchObject({ status: 428, code: 'versionRequired' });
    const saved = await answer(meron.PUT('/v1/applications/{id}/basics', { params: { path }, body: { ...basics, version: read.data!.version } }));
    expect(saved.status).toBe(200);
    expect(saved.etag).not.toBe(read.etag);

    const stale = await answer(meron.PUT('/v1/applications/{id}/basics', { params: ifMatch(application.id, read.etag!), body: { ...basics, title: 'An older idea' } }));
    expect(stale.status).toBe(409);
    expect(stale.error).toMatchObject({ code: 'staleEdit', title: catalogs.en['api.problem.staleEdit.title'] });
    expect(stale.error!.errors).toBeUndefined();
    expect((await meron.GET('/v1/applications/{id}', { params: { path } })).data!.basics.title).toBe('Nurses learning from each other');
    // The emergency plan too, when the client sends the ETag it read.
    const stalePlan = await meron.PUT('/v1/applications/{id}/emergency-plan', { params: ifMatch(application.id, read.etag!), body: { emergencyPlan: 'From an old copy' } });
    expect(stalePlan.error).toMatchObject({ status: 409, code: 'staleEdit' });
    expect((await meron.PUT('/v1/applications/{id}/emergency-plan', { params: ifMatch(application.id, saved.etag!), body: { emergencyPlan: 'Current' } })).response.status).toBe(200);
  });

  /** The two sections saved whole by PUT besides the basics: a change of each, told apart by the SDG it names. */
  const planOf = (sdg: string) => `Plan of the writer who chose SDG ${sdg}`;
  const sections = {
    focus: (api: ApiClient, id: string, sdg: string, version: { etag?: string; version?: string }) =>
      answer(
        api.PUT('/v1/applications/{id}/focus', {
          params: { path: { id }, header: version.etag ? { 'if-match': version.etag } : {} },
          body: { sectorCode: '12181', sdgGoals: [sdg], sdgTargets: [], markers: { human_rights: 0, gender_equality: 1, environment: 0, anti_corruption: 0 }, version: version.version },
        }),
      ),
    'emergency-plan': (api: ApiClient, id: string, sdg: string, version: { etag?: string; version?: string }) =>
      answer(
        api.PUT('/v1/applications/{id}/emergency-plan', {
          params: { path: { id }, header: version.etag ? { 'if-match': version.etag } : {} },
          body: { emergencyPlan: planOf(sdg), version: version.version },
        }),
      ),
  };

  it.each(Object.keys(sections) as (keyof typeof sections)[])(
    'lets only the first of two writers of the %s with the same version save (409 for the second), and needs a version (428)',
    async (section) => {
      const w = await world();
      const application = await createApplication(testDb.db, { callId: w.call.id, partners: [w.addis, w.bergen], status: 'draft' });
      const meron = as(w.meron);
      const put = (sdg: string, version: { etag?: string; version?: string }) => sections[section](meron, application.id, sdg, version);
      const current = async () => (await meron.GET('/v1/applications/{id}', { params: { path: { id: application.id } } })).data!;
      const read = await answer(meron.GET('/v1/applications/{id}', { params: { path: { id: application.id } } }));

      const missing = await put('3', {});
      expect(missing).toMatchObject({ status: 428, type: 'application/problem+json', error: { code: 'versionRequired', title: catalogs.en['api.problem.versionRequired.title'] } });

      // Two writers read the same version; the first save wins, the second is refused and changes nothing.
      const first = await put('3', { etag: read.etag! });
      expect(first.status).toBe(200);
      expect(first.etag).not.toBe(read.etag);
      const second = await put('4', { version: read.data!.version });
      expect(second).toMatchObject({ status: 409, type: 'application/problem+json', error: { code: 'staleEdit' } });
      expect(await current()).toMatchObject({ version: first.data!.version, ...(section === 'focus' ? { focus: { sdgGoals: ['3'] } } : { emergency: { emergencyPlan: planOf('3') } }) });

      // Based on the version the first writer's save gave, the second writer's change is saved.
      const redone = await put('4', { version: first.data!.version });
      expect(redone.status).toBe(200);
      const malformed = await put('5', { etag: 'yesterday' });
      expect(malformed).toMatchObject({ status: 400, error: { code: 'invalidVersion', errors: [{ header: 'if-match', code: 'invalidVersion' }] } });
    },
  );

  it('documents the version every section edit needs: If-Match or `version`, 428 and 409', async () => {
    const doc = await (await apiAs(testDb.db).request('/api/openapi.json')).json();
    for (const section of ['basics', 'focus', 'emergency-plan']) {
      const put = doc.paths[`/v1/applications/{id}/${section}`].put;
      expect(put.parameters, section).toContainEqual(expect.objectContaining({ name: 'if-match', in: 'header' }));
      expect(Object.keys(put.responses), section).toEqual(expect.arrayContaining(['409', '428']));
      const body = put.requestBody.content['application/json'].schema.$ref.split('/').at(-1);
      expect(doc.components.schemas[body].properties, section).toHaveProperty('version');
    }
  });

  it('refuses an edit without a version for what a version would not cure first: 404, 403, 409 applicationLocked', async () => {
    const w = await world();
    const draft = await createApplication(testDb.db, { callId: w.call.id, partners: [w.addis, w.bergen], status: 'draft' });
    const submitted = await createApplication(testDb.db, { callId: w.call.id, partners: [w.addis, w.bergen], status: 'submitted' });
    const plan = (actor: Actor, id: string) => as(actor).PUT('/v1/applications/{id}/emergency-plan', { params: { path: { id } }, body: { emergencyPlan: 'Without a version' } });
    expect((await plan(w.sita, draft.id)).error).toMatchObject({ status: 404, code: 'notFound' });
    expect((await plan(w.eirik, draft.id)).error).toMatchObject({ status: 403, code: 'forbidden' });
    expect((await plan(w.meron, submitted.id)).error).toMatchObject({ status: 409, code: 'applicationLocked' });
    const lateBasics = await as(w.meron).PUT('/v1/applications/{id}/basics', { params: { path: { id: submitted.id } }, body: { title: 'Too late', summary: '' } });
    expect(lateBasics.error).toMatchObject({ status: 409, code: 'applicationLocked' });
    expect((await plan(w.meron, draft.id)).error).toMatchObject({ status: 428, code: 'versionRequired' });
  });
});

describe('who may do what', () => {
  it('refuses visitors (401), roles without the permission (403) and other organisations’ coordinators (404 on a draft)', async () => {
    const w = await world();
    const draft = await createApplication(testDb.db, { callId: w.call.id, partners: [w.addis, w.bergen], status: 'draft' });
    const participant: Actor = { ...(await createUser(testDb.db)).actor, participantIds: [randomUUID()] } as Actor;
    const focus = { sectorCode: '12181', sdgGoals: ['3'], sdgTargets: [], markers: { human_rights: 0, gender_equality: 0, environment: 0, anti_corruption: 0 } };
    const path = { id: draft.id };
    const start = { callId: w.call.id, organisationId: w.addis.id, title: 'Mine' };
    const putFocus = (actor: Actor) => answer(as(actor).PUT('/v1/applications/{id}/focus', { params: { path }, body: focus }));

    const visitor = as();
    const visitorTries = {
      'GET /v1/applications': await visitor.GET('/v1/applications'),
      'GET /v1/applications/{id}': await visitor.GET('/v1/applications/{id}', { params: { path } }),
      'POST /v1/applications': await visitor.POST('/v1/applications', { body: start }),
      'PUT /v1/applications/{id}/focus': await visitor.PUT('/v1/applications/{id}/focus', { params: { path }, body: focus }),
    };
    for (const [name, refused] of Object.entries(visitorTries)) expect(refused.error, name).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect((await as(w.addisFinance).GET('/v1/applications/{id}', { params: { path } })).response.status).toBe(200);
    expect((await putFocus(w.addisFinance)).error).toMatchObject({ status: 403, code: 'forbidden' });
    expect((await as(w.addisFinance).POST('/v1/applications', { body: start })).response.status).toBe(403);
    expect((await as(participant).GET('/v1/applications')).response.status).toBe(403);
    expect((await as(participant).GET('/v1/applications/{id}', { params: { path } })).response.status).toBe(403);
    expect((await as(participant).POST('/v1/applications/{id}/submission', { params: { path } })).response.status).toBe(403);

    // Kathmandu takes no part: its coordinator cannot see the draft, let alone change it.
    expect((await as(w.sita).GET('/v1/applications/{id}', { params: { path } })).response.status).toBe(404);
    expect((await putFocus(w.sita)).status).toBe(404);
    expect((await as(w.sita).GET('/v1/applications')).data!.items).toEqual([]);
    // Bergen takes part but does not coordinate: it reads, it does not edit.
    expect((await as(w.eirik).GET('/v1/applications/{id}', { params: { path } })).data!.allowed).toEqual({ edit: false, confirmFor: [] });
    expect((await putFocus(w.eirik)).status).toBe(403);
    // The agency never sees drafts; it may not start one, nor may a finance officer decide.
    expect((await as(w.adviser).GET('/v1/applications/{id}', { params: { path } })).response.status).toBe(404);
    expect((await as(w.adviser).POST('/v1/applications', { body: { ...start, title: 'Ours' } })).response.status).toBe(403);
    const submitted = await createApplication(testDb.db, { callId: w.call.id, partners: [w.addis, w.bergen], status: 'in_review' });
    const inReview = { params: { path: { id: submitted.id } } };
    expect((await as(w.financeOfficer).POST('/v1/applications/{id}/rejection', { ...inReview, body: { reason: 'Not within the call’s priorities.' } })).response.status).toBe(403);
    expect((await as(w.meron).POST('/v1/applications/{id}/review', inReview)).response.status).toBe(403);
  });

  it('shows scores and internal comments to the agency only, never in a partner’s answer', async () => {
    const w = await world();
    const application = await createApplication(testDb.db, { callId: w.call.id, partners: [w.addis, w.bergen], status: 'in_review', title: 'Nurses across the equator' });
    const path = { id: application.id };
    const secret = 'Internal: the budget looks inflated, check with finance.';
    const commented = await answer(as(w.adviser).POST('/v1/applications/{id}/comments', { params: { path }, body: { body: secret } }));
    expect(commented.status).toBe(200);
    expect(commented.data!.review!.comments).toEqual([expect.objectContaining({ body: secret, author: 'Ingrid Adviser' })]);
    const criteria = commented.data!.call.criteria;
    await as(w.adviser).PUT('/v1/applications/{id}/scores', { params: { path }, body: Object.fromEntries(criteria.map((c) => [c.id, 5])) });
    expect((await as(w.financeOfficer).GET('/v1/applications/{id}', { params: { path } })).data!.review!.comments[0]!.body).toBe(secret);

    for (const partner of [w.meron, w.eirik, w.addisFinance]) {
      const read = await as(partner).GET('/v1/applications/{id}', { params: { path } });
      expect(read.response.status).toBe(200);
      expect(read.data).not.toHaveProperty('review');
      expect(JSON.stringify(read.data)).not.toContain('inflated');
      const list = await as(partner).GET('/v1/applications', { params: { query: { q: 'equator' } } });
      expect(list.data!.items).toEqual([expect.objectContaining({ id: application.id, score: null })]);
    }
    expect((await as(w.adviser).GET('/v1/applications', { params: { query: { q: 'equator' } } })).data!.items[0]!.score).toBe(5);
  });

  it('names a missing score by its criterion id', async () => {
    const w = await world();
    const application = await createApplication(testDb.db, { callId: w.call.id, partners: [w.addis, w.bergen], status: 'in_review' });
    const [first, second] = w.call.criteria;
    const score = (body: Record<string, number>) => answer(as(w.adviser).PUT('/v1/applications/{id}/scores', { params: { path: { id: application.id } }, body }));
    const partial = await score({ [first!.id]: 3 });
    expect(partial.status).toBe(422);
    expect(partial.error!.errors).toEqual([{ pointer: `/${second!.id}`, code: 'chooseScore', detail: catalogs.en['error.chooseScore'] }]);
    const tooHigh = await score({ [first!.id]: 9 });
    expect(tooHigh.error!.errors).toEqual([{ pointer: `/${first!.id}`, code: 'tooBig', detail: createTranslator('en').t('api.error.tooBig', { max: 5 }) }]);
  });
});

describe('GET /api/v1/applications', () => {
  it('filters with the core’s filter, pages by cursor and names a bad filter (400)', async () => {
    const w = await world();
    for (let i = 0; i < 27; i++) await createApplication(testDb.db, { callId: w.call.id, partners: [w.addis, w.bergen], status: 'submitted', title: `Paged exchange ${String(i).padStart(2, '0')}` });
    const adviser = as(w.adviser);
    const first = await adviser.GET('/v1/applications', { params: { query: { q: 'Paged', status: 'submitted' } } });
    expect(first.data).toMatchObject({ total: 27, next: expect.any(String) });
    const link = first.response.headers.get('link')!;
    expect(link).toMatch(/^<\/api\/v1\/applications\?q=Paged&status=submitted&after=[\w-]+>; rel="next"$/);
    const next = new URL(link.slice(1, link.indexOf('>')), 'http://localhost');
    const page2 = (await adviser.GET('/v1/applications', { params: { query: Object.fromEntries(next.searchParams) } })).data!;
    expect(page2.items.map((a) => a.title)).toEqual(['Paged exchange 25', 'Paged exchange 26']);

    // A status the document does not list: deliberately outside its types, so a raw request.
    const bad = await apiAs(testDb.db, w.adviser).request('/api/v1/applications?status=pending&country=Norway');
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.map((e: { parameter: string }) => e.parameter)).toEqual(['country', 'status']);
  });
});
