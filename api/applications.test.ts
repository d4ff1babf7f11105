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
import { apiAs, jsonBody } from '../tests/support/api-as.ts';
import { useTestDatabase } from '../tests/support/test-database.ts';

const testDb = useTestDatabase();

/** One request as `actor`: the status, the ETag and the parsed body (JSON or problem+json). */
async function send(actor: Actor | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const init = body === undefined ? { method, headers } : jsonBody(method, body, headers);
  const response = await apiAs(testDb.db, actor).request(`/api/v1/applications${path}`, init);
  const text = await response.text();
  return { status: response.status, etag: response.headers.get('etag'), type: response.headers.get('content-type'), location: response.headers.get('location'), body: text ? JSON.parse(text) : null, text };
}

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

const flow = (from: string, to: string, overrides: Record<string, unknown> = {}) => ({
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
    const started = await send(w.meron, 'POST', '', { callId: w.call.id, organisationId: w.addis.id, title: 'Nurses learning across three countries' });
    expect(started.status).toBe(201);
    const id = started.body.id;
    expect(started.location).toBe(`/api/v1/applications/${id}`);
    expect(started.etag).toBe(`"${started.body.version}"`);
    expect(started.body).toMatchObject({ status: 'draft', basics: { title: 'Nurses learning across three countries', summary: '' }, allowed: { edit: true } });
    expect(started.body.partners).toEqual([expect.objectContaining({ organisationId: w.addis.id, coordinator: true, confirmedAt: expect.any(String) })]);

    const basics = await send(w.meron, 'PUT', `/${id}/basics`, { title: 'Nurses learning across three countries', summary: 'Nursing schools and hospitals exchange staff.' }, { 'if-match': started.etag! });
    expect(basics.status).toBe(200);
    let latest = basics.etag!;
    for (const partner of [w.bergen, w.kathmandu]) {
      const added = await send(w.meron, 'POST', `/${id}/partners`, { organisationId: partner.id });
      expect(added.status).toBe(200);
      latest = added.etag!;
    }
    // The added partners' coordinators are asked to confirm, with a link that starts with PUBLIC_URL.
    const [asked] = await testDb.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, w.eirikEmail));
    expect(asked?.textBody).toContain(`http://localhost:3000/nb/applications/${id}`);

    const focus = await send(w.meron, 'PUT', `/${id}/focus`, { sectorCode: '12181', sdgGoals: ['3', '4'], sdgTargets: ['3.c'], markers: { human_rights: 1, gender_equality: 2, environment: 0, anti_corruption: 0 } }, { 'if-match': latest });
    expect(focus.body).toMatchObject({ shape: 'triangular', focus: { sectorCode: '12181', sdgGoals: ['3', '4'], markers: { gender_equality: 2 } } });
    for (const owner of ['shared', w.addis.id, w.bergen.id, w.kathmandu.id]) {
      const added = await send(w.meron, 'POST', `/${id}/goals`, goal(owner));
      expect(added.status).toBe(200);
      latest = added.etag!;
    }
    expect((await send(w.meron, 'PUT', `/${id}/emergency-plan`, { emergencyPlan: 'Host contact persons on call; evacuation through the embassy.' }, { 'if-match': latest })).status).toBe(200);
    for (const [from, to] of [[w.addis, w.bergen], [w.bergen, w.addis], [w.kathmandu, w.addis]] as const) {
      expect((await send(w.meron, 'POST', `/${id}/flows`, flow(from.id, to.id))).status).toBe(200);
    }

    // Kathmandu hosts no one, and neither partner has confirmed: refused, each problem at its section.
    const refused = await send(w.meron, 'POST', `/${id}/submission`, undefined, { 'accept-language': 'fr' });
    expect(refused.status).toBe(422);
    expect(refused.type).toBe('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'submissionRefused', type: '/api/docs#problem-submissionRefused', detail: createTranslator('fr').t('error.submissionRefused', { count: 3 }) });
    expect(refused.body.errors).toEqual([
      { pointer: '/partners', code: 'partnerNotConfirmed', detail: createTranslator('fr').t('error.partnerNotConfirmed', { partner: 'Bergen Kystsjukehus' }) },
      { pointer: '/partners', code: 'partnerNotConfirmed', detail: createTranslator('fr').t('error.partnerNotConfirmed', { partner: 'Kathmandu Model Hospital' }) },
      { pointer: '/plan', code: 'hostsNoOne', detail: createTranslator('fr').t('error.hostsNoOne', { partner: 'Kathmandu Model Hospital' }) },
    ]);
    expect((await send(w.meron, 'GET', `/${id}`)).body.status).toBe('draft');

    const fixed = await send(w.meron, 'POST', `/${id}/flows`, flow(w.bergen.id, w.kathmandu.id));
    expect(fixed.body.plan).toHaveLength(4);
    // Each partner confirms for itself, and only for itself.
    expect((await send(w.eirik, 'POST', `/${id}/partners/${w.kathmandu.id}/confirmation`)).status).toBe(403);
    expect((await send(w.eirik, 'POST', `/${id}/partners/${w.bergen.id}/confirmation`)).status).toBe(200);
    const confirmed = await send(w.sita, 'POST', `/${id}/partners/${w.kathmandu.id}/confirmation`);
    expect(confirmed.body.partners.every((p: { confirmedAt: string | null }) => p.confirmedAt)).toBe(true);

    const submitted = await send(w.meron, 'POST', `/${id}/submission`);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', submittedAt: expect.any(String), allowed: { edit: false } });

    expect((await send(w.adviser, 'POST', `/${id}/review`)).body.status).toBe('in_review');
    const criteria: { id: string }[] = submitted.body.call.criteria;
    const scored = await send(w.adviser, 'PUT', `/${id}/scores`, Object.fromEntries(criteria.map((c) => [c.id, 4])));
    expect(scored.status).toBe(200);
    expect(scored.body.review).toMatchObject({ weightedMean: 4, myScores: Object.fromEntries(criteria.map((c) => [c.id, 4])) });

    const approved = await send(w.adviser, 'POST', `/${id}/approval`, { startsOn: '2027-01-01', endsOn: '2028-12-31', amount: 2_400_000 });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decision: { startsOn: '2027-01-01', endsOn: '2028-12-31', amountMinor: 240_000_000, currency: 'NOK' } });
    const partnership = await apiAs(testDb.db).request(`/api/v1/partnerships/${approved.body.partnershipId}`);
    expect(partnership.status).toBe(200);
    expect((await partnership.json()).partners.map((p: { name: string }) => p.name)).toEqual(['Addis Ababa College of Nursing', 'Bergen Kystsjukehus', 'Kathmandu Model Hospital']);
  });
});

describe('refused input', () => {
  it('points at each invalid value of a flow (422), the schema’s and the core rules’ alike', async () => {
    const w = await world();
    const application = await createApplication(testDb.db, { callId: w.call.id, partners: [w.addis, w.bergen], status: 'draft' });
    const path = `/${application.id}/flows`;

    const invalid = await send(w.meron, 'POST', path, flow(w.addis.id, w.bergen.id, { participants: 0, startMonth: 'August', competence: '' }), { 'accept-language': 'nb' });
    expect(invalid.status).toBe(422);
    expect(invalid.body.code).toBe('validation');
    expect(invalid.body.errors).toEqual([
      // Sizes come from the schema's limits (api/validation-problem.ts), so the message can say them.
      { pointer: '/participants', code: 'tooSmall', detail: createTranslator('nb').t('api.error.tooSmall', { min: 1 }) },
      { pointer: '/startMonth', code: 'chooseMonth', detail: catalogs.nb['error.chooseMonth'] },
      { pointer: '/competence', code: 'tooShort', detail: createTranslator('nb').t('api.error.tooShort', { min: 3 }) },
    ]);

    const months = await send(w.meron, 'POST', path, flow(w.addis.id, w.bergen.id, { months: 7 }));
    expect(months.status).toBe(422);
    expect(months.body).toMatchObject({ code: 'monthsNotAllowed', errors: [{ pointer: '/months', code: 'monthsNotAllowed' }] });
    expect(months.body.errors[0].detail).toContain('6, 12');

    const self = await send(w.meron, 'POST', path, flow(w.addis.id, w.addis.id));
    expect(self.body).toMatchObject({ status: 422, code: 'selfFlow', errors: [{ pointer: '/hostOrganisationId', code: 'selfFlow' }] });
    expect(self.body.errors[0].detail).toContain('Addis Ababa College of Nursing');

    const stranger = await createOrganisation(testDb.db);
    const outsider = await send(w.meron, 'POST', path, flow(w.addis.id, stranger.id));
    expect(outsider.body).toMatchObject({ status: 422, errors: [{ pointer: '/hostOrganisationId', code: 'choosePartner' }] });
  });

  it('names a path parameter the core refuses, and a goal’s indicator by its place in the list', async () => {
    const w = await world();
    const application = await createApplication(testDb.db, { callId: w.call.id, partners: [w.addis, w.bergen], status: 'draft' });
    const coordinator = await send(w.meron, 'DELETE', `/${application.id}/partners/${w.addis.id}`);
    expect(coordinator.status).toBe(400);
    expect(coordinator.body).toMatchObject({ code: 'cannotRemoveCoordinator', errors: [{ parameter: 'organisationId', code: 'cannotRemoveCoordinator' }] });

    const incomplete = await send(w.meron, 'POST', `/${application.id}/goals`, { owner: 'shared', description: 'Better neonatal care', indicators: [{ description: 'Nurses trained', baseline: '0', target: '' }] });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.errors).toEqual([{ pointer: '/indicators/0/target', code: 'indicatorIncomplete', detail: catalogs.en['error.indicatorIncomplete'] }]);
  });
});

describe('conflicts', () => {
  it('refuses a decision the application’s status does not allow (409 illegalTransition)', async () => {
    const w = await world();
    const application = await createApplication(testDb.db, { callId: w.call.id, partners: [w.addis, w.bergen], status: 'submitted' });
    const early = await send(w.adviser, 'POST', `/${application.id}/approval`, { startsOn: '2027-01-01', endsOn: '2028-12-31', amount: '2 400 000' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'illegalTransition', detail: catalogs.en['error.illegalTransition'].replace('{from}', 'submitted').replace('{to}', 'approved') });
    expect(early.body.errors).toBeUndefined();
    // Nor can the partners change it any more.
    const locked = await send(w.meron, 'PUT', `/${application.id}/emergency-plan`, { emergencyPlan: 'Changed after submission' });
    expect(locked).toMatchObject({ status: 409, body: { code: 'applicationLocked' } });
  });

  it('refuses basics based on an old version (409 staleEdit), and basics without a version (428)', async () => {
    const w = await world();
    const application = await createApplication(testDb.db, { callId: w.call.id, partners: [w.addis, w.bergen], status: 'draft' });
    const read = await send(w.meron, 'GET', `/${application.id}`);
    const basics = { title: 'Nurses learning from each other', summary: 'Two hospitals exchange nurses.' };

    expect((await send(w.meron, 'PUT', `/${application.id}/basics`, basics)).body).toMatchObject({ status: 428, code: 'versionRequired' });
    const saved = await send(w.meron, 'PUT', `/${application.id}/basics`, { ...basics, version: read.body.version });
    expect(saved.status).toBe(200);
    expect(saved.etag).not.toBe(read.etag);

    const stale = await send(w.meron, 'PUT', `/${application.id}/basics`, { ...basics, title: 'An older idea' }, { 'if-match': read.etag! });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'staleEdit', title: catalogs.en['api.problem.staleEdit.title'] });
    expect(stale.body.errors).toBeUndefined();
    expect((await send(w.meron, 'GET', `/${application.id}`)).body.basics.title).toBe('Nurses learning from each other');
    // The emergency plan too, when the client sends the ETag it read.
    const stalePlan = await send(w.meron, 'PUT', `/${application.id}/emergency-plan`, { emergencyPlan: 'From an old copy' }, { 'if-match': read.etag! });
    expect(stalePlan.body).toMatchObject({ status: 409, code: 'staleEdit' });
    expect((await send(w.meron, 'PUT', `/${application.id}/emergency-plan`, { emergencyPlan: 'Current' }, { 'if-match': saved.etag! })).status).toBe(200);
  });

  it.each([
    ['focus', (sdg: string) => ({ sectorCode: '12181', sdgGoals: [sdg], sdgTargets: [], markers: { human_rights: 0, gender_equality: 1, environment: 0, anti_corruption: 0 } })],
    ['emergency-plan', (sdg: string) => ({ emergencyPlan: `Plan of the writer who chose SDG ${sdg}` })],
  ] as const)('lets only the first of two writers of the %s with the same version save (409 for the second), and needs a version (428)', async (section, edit) => {
    const w = await world();
    const application = await createApplication(testDb.db, { callId: w.call.id, partners: [w.addis, w.bergen], status: 'draft' });
    const path = `/${application.id}/${section}`;
    const read = await send(w.meron, 'GET', `/${application.id}`);

    const missing = await send(w.meron, 'PUT', path, edit('3'));
    expect(missing).toMatchObject({ status: 428, type: 'application/problem+json', body: { code: 'versionRequired', title: catalogs.en['api.problem.versionRequired.title'] } });

    // Two writers read the same version; the first save wins, the second is refused and changes nothing.
    const first = await send(w.meron, 'PUT', path, edit('3'), { 'if-match': read.etag! });
    expect(first.status).toBe(200);
    expect(first.etag).not.toBe(read.etag);
    const second = await send(w.meron, 'PUT', path, { ...edit('4'), version: read.body.version });
    expect(second).toMatchObject({ status: 409, type: 'application/problem+json', body: { code: 'staleEdit' } });
    expect((await send(w.meron, 'GET', `/${application.id}`)).body).toMatchObject({ version: first.body.version, ...(section === 'focus' ? { focus: { sdgGoals: ['3'] } } : { emergency: { emergencyPlan: edit('3').emergencyPlan } }) });

    // Based on the version the first writer's save gave, the second writer's change is saved.
    const redone = await send(w.meron, 'PUT', path, { ...edit('4'), version: first.body.version });
    expect(redone.status).toBe(200);
    const malformed = await send(w.meron, 'PUT', path, edit('5'), { 'if-match': 'yesterday' });
    expect(malformed).toMatchObject({ status: 400, body: { code: 'invalidVersion', errors: [{ header: 'if-match', code: 'invalidVersion' }] } });
  });

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
    const plan = { emergencyPlan: 'Without a version' };
    expect((await send(w.sita, 'PUT', `/${draft.id}/emergency-plan`, plan)).body).toMatchObject({ status: 404, code: 'notFound' });
    expect((await send(w.eirik, 'PUT', `/${draft.id}/emergency-plan`, plan)).body).toMatchObject({ status: 403, code: 'forbidden' });
    expect((await send(w.meron, 'PUT', `/${submitted.id}/emergency-plan`, plan)).body).toMatchObject({ status: 409, code: 'applicationLocked' });
    expect((await send(w.meron, 'PUT', `/${submitted.id}/basics`, { title: 'Too late', summary: '' })).body).toMatchObject({ status: 409, code: 'applicationLocked' });
    expect((await send(w.meron, 'PUT', `/${draft.id}/emergency-plan`, plan)).body).toMatchObject({ status: 428, code: 'versionRequired' });
  });
});

describe('who may do what', () => {
  it('refuses visitors (401), roles without the permission (403) and other organisations’ coordinators (404 on a draft)', async () => {
    const w = await world();
    const draft = await createApplication(testDb.db, { callId: w.call.id, partners: [w.addis, w.bergen], status: 'draft' });
    const participant: Actor = { ...(await createUser(testDb.db)).actor, participantIds: [randomUUID()] } as Actor;
    const focus = { sectorCode: '12181', sdgGoals: ['3'], sdgTargets: [], markers: { human_rights: 0, gender_equality: 0, environment: 0, anti_corruption: 0 } };

    for (const [method, path] of [['GET', ''], ['GET', `/${draft.id}`], ['POST', ''], ['PUT', `/${draft.id}/focus`]] as const) {
      const refused = await send(undefined, method, path, method === 'GET' ? undefined : {});
      expect(refused.body, `${method} ${path}`).toMatchObject({ status: 401, code: 'unauthenticated' });
    }
    expect((await send(w.addisFinance, 'GET', `/${draft.id}`)).status).toBe(200);
    expect((await send(w.addisFinance, 'PUT', `/${draft.id}/focus`, focus)).body).toMatchObject({ status: 403, code: 'forbidden' });
    expect((await send(w.addisFinance, 'POST', '', { callId: w.call.id, organisationId: w.addis.id, title: 'Mine' })).status).toBe(403);
    for (const path of ['', `/${draft.id}`]) expect((await send(participant, 'GET', path)).status).toBe(403);
    expect((await send(participant, 'POST', `/${draft.id}/submission`)).status).toBe(403);

    // Kathmandu takes no part: its coordinator cannot see the draft, let alone change it.
    expect((await send(w.sita, 'GET', `/${draft.id}`)).status).toBe(404);
    expect((await send(w.sita, 'PUT', `/${draft.id}/focus`, focus)).status).toBe(404);
    expect((await send(w.sita, 'GET', '')).body.items).toEqual([]);
    // Bergen takes part but does not coordinate: it reads, it does not edit.
    expect((await send(w.eirik, 'GET', `/${draft.id}`)).body.allowed).toEqual({ edit: false, confirmFor: [] });
    expect((await send(w.eirik, 'PUT', `/${draft.id}/focus`, focus)).status).toBe(403);
    // The agency never sees drafts; it may not start one, nor may a finance officer decide.
    expect((await send(w.adviser, 'GET', `/${draft.id}`)).status).toBe(404);
    expect((await send(w.adviser, 'POST', '', { callId: w.call.id, organisationId: w.addis.id, title: 'Ours' })).status).toBe(403);
    const submitted = await createApplication(testDb.db, { callId: w.call.id, partners: [w.addis, w.bergen], status: 'in_review' });
    expect((await send(w.financeOfficer, 'POST', `/${submitted.id}/rejection`, { reason: 'Not within the call’s priorities.' })).status).toBe(403);
    expect((await send(w.meron, 'POST', `/${submitted.id}/review`)).status).toBe(403);
  });

  it('shows scores and internal comments to the agency only, never in a partner’s answer', async () => {
    const w = await world();
    const application = await createApplication(testDb.db, { callId: w.call.id, partners: [w.addis, w.bergen], status: 'in_review', title: 'Nurses across the equator' });
    const secret = 'Internal: the budget looks inflated, check with finance.';
    const commented = await send(w.adviser, 'POST', `/${application.id}/comments`, { body: secret });
    expect(commented.status).toBe(200);
    expect(commented.body.review.comments).toEqual([expect.objectContaining({ body: secret, author: 'Ingrid Adviser' })]);
    const criteria: { id: string }[] = commented.body.call.criteria;
    await send(w.adviser, 'PUT', `/${application.id}/scores`, Object.fromEntries(criteria.map((c) => [c.id, 5])));
    expect((await send(w.financeOfficer, 'GET', `/${application.id}`)).body.review.comments[0].body).toBe(secret);

    for (const partner of [w.meron, w.eirik, w.addisFinance]) {
      const read = await send(partner, 'GET', `/${application.id}`);
      expect(read.status).toBe(200);
      expect(read.body).not.toHaveProperty('review');
      expect(read.text).not.toContain('inflated');
      const list = await send(partner, 'GET', '?q=equator');
      expect(list.body.items).toEqual([expect.objectContaining({ id: application.id, score: null })]);
    }
    expect((await send(w.adviser, 'GET', '?q=equator')).body.items[0].score).toBe(5);
  });

  it('names a missing score by its criterion id', async () => {
    const w = await world();
    const application = await createApplication(testDb.db, { callId: w.call.id, partners: [w.addis, w.bergen], status: 'in_review' });
    const [first, second] = w.call.criteria;
    const partial = await send(w.adviser, 'PUT', `/${application.id}/scores`, { [first!.id]: 3 });
    expect(partial.status).toBe(422);
    expect(partial.body.errors).toEqual([{ pointer: `/${second!.id}`, code: 'chooseScore', detail: catalogs.en['error.chooseScore'] }]);
    const tooHigh = await send(w.adviser, 'PUT', `/${application.id}/scores`, { [first!.id]: 9 });
    expect(tooHigh.body.errors).toEqual([{ pointer: `/${first!.id}`, code: 'tooBig', detail: createTranslator('en').t('api.error.tooBig', { max: 5 }) }]);
  });
});

describe('GET /api/v1/applications', () => {
  it('filters with the core’s filter, pages by cursor and names a bad filter (400)', async () => {
    const w = await world();
    for (let i = 0; i < 27; i++) await createApplication(testDb.db, { callId: w.call.id, partners: [w.addis, w.bergen], status: 'submitted', title: `Paged exchange ${String(i).padStart(2, '0')}` });
    const first = await apiAs(testDb.db, w.adviser).request('/api/v1/applications?q=Paged&status=submitted');
    const page1 = await first.json();
    expect(page1).toMatchObject({ total: 27, next: expect.any(String) });
    const link = first.headers.get('link')!;
    expect(link).toMatch(/^<\/api\/v1\/applications\?q=Paged&status=submitted&after=[\w-]+>; rel="next"$/);
    const page2 = await (await apiAs(testDb.db, w.adviser).request(link.slice(1, link.indexOf('>')))).json();
    expect(page2.items.map((a: { title: string }) => a.title)).toEqual(['Paged exchange 25', 'Paged exchange 26']);

    const bad = await send(w.adviser, 'GET', '?status=pending&country=Norway');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { parameter: string }) => e.parameter)).toEqual(['country', 'status']);
  });
});
