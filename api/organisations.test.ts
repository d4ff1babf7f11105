import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../core/organisations/list-public-organisations.ts';
import { createOrganisation } from '../db/factories/organisation-factory.ts';
import { createPartnership } from '../db/factories/partnership-factory.ts';
import { createUser } from '../db/factories/user-factory.ts';
import { auditLog } from '../db/schema/audit.ts';
import { catalogs } from '../i18n/catalogs.ts';
import { apiAs, jsonBody } from '../tests/support/api-as.ts';
import { clientAs } from '../tests/support/api-client.ts';
import { useTestDatabase } from '../tests/support/test-database.ts';
import type { components } from './openapi-types.ts';

const testDb = useTestDatabase();
const visitorApi = () => clientAs(testDb.db);
const newOrganisation = (overrides: Partial<components['schemas']['OrganisationRegistration']> = {}) => ({
  legalName: 'Hawassa Youth Development Association',
  countryCode: 'et',
  city: 'Hawassa',
  organisationType: '22',
  sectorCode: '15150',
  ...overrides,
});

describe('GET /api/v1/organisations', () => {
  it('lists the directory with the core’s filters, and names a bad filter with 400', async () => {
    const bergen = await createOrganisation(testDb.db, { legalName: 'Bergen Kystsjukehus', countryCode: 'NO', city: 'Bergen' });
    const kathmandu = await createOrganisation(testDb.db, { legalName: 'Kathmandu Model Hospital', countryCode: 'NP', city: 'Kathmandu' });
    await createOrganisation(testDb.db, { legalName: 'Himalayan Teachers’ Forum', countryCode: 'NP', city: 'Lalitpur' });
    await createPartnership(testDb.db, { partners: [bergen, kathmandu] });

    const nepal = await visitorApi().GET('/v1/organisations', { params: { query: { country: 'np', q: 'hospital' } } });
    expect(nepal.response.status).toBe(200);
    expect(nepal.response.headers.get('link')).toBeNull();
    expect(nepal.data).toEqual({
      items: [{ id: kathmandu.id, legalName: 'Kathmandu Model Hospital', countryCode: 'NP', city: 'Kathmandu', partnershipCount: 1 }],
      total: 1,
      next: null,
    });

    const bad = await visitorApi().GET('/v1/organisations', { params: { query: { country: 'Nepal' } }, headers: { 'accept-language': 'es' } });
    expect(bad.response.status).toBe(400);
    expect(bad.response.headers.get('content-type')).toBe('application/problem+json');
    expect(bad.error).toMatchObject({ code: 'validation', errors: [{ parameter: 'country', code: 'unknownCountry', detail: catalogs.es['api.error.unknownCountry'] }] });
  });

  it('pages by cursor, with a Link header to the next page that keeps the filters', async () => {
    for (let i = 0; i < PAGE_SIZE + 3; i++) await createOrganisation(testDb.db, { legalName: `API Paging ${String(i).padStart(3, '0')}`, countryCode: 'GT' });
    const first = await visitorApi().GET('/v1/organisations', { params: { query: { country: 'GT', q: 'API Paging' } } });
    const page1 = first.data!;
    expect(page1.items).toHaveLength(PAGE_SIZE);
    expect(page1.total).toBe(PAGE_SIZE + 3);
    expect(page1.next).toEqual(expect.any(String));
    const link = first.response.headers.get('link')!;
    expect(link).toMatch(/^<\/api\/v1\/organisations\?country=GT&q=API\+Paging&after=[\w-]+>; rel="next"$/);

    // The link's query, filters and cursor, is what the next request sends.
    const next = new URL(link.slice(1, link.indexOf('>')), 'http://localhost');
    expect(next.pathname).toBe('/api/v1/organisations');
    const second = await visitorApi().GET('/v1/organisations', { params: { query: Object.fromEntries(next.searchParams) } });
    const page2 = second.data!;
    expect(page2.items.map((o) => o.legalName)).toEqual(['API Paging 050', 'API Paging 051', 'API Paging 052']);
    expect(page2.next).toBeNull();
  });
});

describe('GET /api/v1/organisations/{id}', () => {
  it('shows an organisation with its version as ETag, and 404 problem for an unknown id', async () => {
    const org = await createOrganisation(testDb.db, { legalName: 'Moshi Nursing School', countryCode: 'TZ', city: 'Moshi' });
    const { data, response } = await visitorApi().GET('/v1/organisations/{id}', { params: { path: { id: org.id } } });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe(`"${org.updatedAt.toISOString()}"`);
    expect(data).toMatchObject({ id: org.id, legalName: 'Moshi Nursing School', shortName: null, matchedCity: null, version: org.updatedAt.toISOString(), partnerships: [] });

    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const missing = await visitorApi().GET('/v1/organisations/{id}', { params: { path: { id } } });
      expect(missing.response.status).toBe(404);
      expect(missing.error).toMatchObject({ status: 404, code: 'notFound', instance: `/api/v1/organisations/${id}` });
    }
  });
});

describe('POST /api/v1/organisations', () => {
  it('refuses a visitor (401) and roles without the permission (403) before reading the body', async () => {
    const org = await createOrganisation(testDb.db);
    const coordinator = await createUser(testDb.db, { memberships: [{ organisationId: org.id, role: 'partner_coordinator' }] });
    const partnerFinance = await createUser(testDb.db, { memberships: [{ organisationId: org.id, role: 'partner_finance' }] });
    const financeOfficer = await createUser(testDb.db, { agencyRoles: ['finance_officer'] });
    // Deliberately not an organisation at all: refused before the body is looked at.
    const visitor = await apiAs(testDb.db).request('/api/v1/organisations', jsonBody('POST', { legalName: 1 }));
    expect(visitor.status).toBe(401);
    expect(await visitor.json()).toMatchObject({ code: 'unauthenticated', title: catalogs.en['api.problem.unauthenticated.title'] });
    for (const user of [coordinator, partnerFinance, financeOfficer]) {
      const refused = await clientAs(testDb.db, user.actor).POST('/v1/organisations', { body: newOrganisation() });
      expect(refused.response.status).toBe(403);
      expect(refused.error).toMatchObject({ code: 'forbidden' });
    }
  });

  it('names every invalid field with a pointer (422), in the client’s language', async () => {
    const adviser = await createUser(testDb.db, { agencyRoles: ['programme_adviser'] });
    // Deliberately malformed (`notADuplicate` is not a boolean), so sent as raw JSON.
    const response = await apiAs(testDb.db, adviser.actor).request(
      '/api/v1/organisations',
      jsonBody('POST', { legalName: 'X', countryCode: 'XX', organisationType: '99', website: 'not a url', notADuplicate: 'yes' }, { 'accept-language': 'nb' }),
    );
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code])).toEqual([
      ['/legalName', 'tooShort'],
      ['/countryCode', 'chooseCountry'],
      ['/city', 'required'],
      ['/organisationType', 'chooseOrganisationType'],
      ['/website', 'invalidWebsite'],
      ['/notADuplicate', 'wrongType'],
    ]);
    expect(problem.errors[4].detail).toBe(catalogs.nb['error.invalidWebsite']);
  });

  it('registers for agency staff, warns about a near duplicate with 409, and registers when told it is different', async () => {
    const adviser = await createUser(testDb.db, { agencyRoles: ['programme_adviser'] });
    const api = clientAs(testDb.db, adviser.actor);
    const created = await api.POST('/v1/organisations', { body: newOrganisation({ shortName: null, website: 'https://hyda.example.et' }) });
    expect(created.response.status).toBe(201);
    const body = created.data!;
    expect(created.response.headers.get('location')).toBe(`/api/v1/organisations/${body.id}`);
    expect(created.response.headers.get('etag')).toBe(`"${body.version}"`);
    expect(body).toMatchObject({ legalName: 'Hawassa Youth Development Association', countryCode: 'ET', shortName: null, website: 'https://hyda.example.et', matchedCity: { id: 343137, name: 'Hawassa', latitude: expect.any(Number) } });
    const [audit] = await testDb.db.select().from(auditLog).where(eq(auditLog.recordId, body.id));
    expect(audit).toMatchObject({ action: 'organisation.registered', actorId: adviser.id });

    const similar = await api.POST('/v1/organisations', { body: newOrganisation({ legalName: 'Hawassa Youth Development Association Ltd' }) });
    expect(similar.response.status).toBe(409);
    expect(similar.error).toMatchObject({
      code: 'similarOrganisation',
      errors: [{ pointer: '/notADuplicate', code: 'similarOrganisation' }],
      similar: [{ id: body.id, legalName: 'Hawassa Youth Development Association', city: 'Hawassa' }],
    });
    const confirmed = await api.POST('/v1/organisations', { body: newOrganisation({ legalName: 'Hawassa Youth Development Association Ltd', notADuplicate: true }) });
    expect(confirmed.response.status).toBe(201);
  });
});

describe('the city of a registration, matched to a place', () => {
  it('answers a city several places have with 422 `cityAmbiguous` listing them, and registers the one chosen by cityId', async () => {
    const adviser = await createUser(testDb.db, { agencyRoles: ['programme_adviser'] });
    const api = clientAs(testDb.db, adviser.actor);
    const registration = newOrganisation({ legalName: 'Vik Kystkultursenter', countryCode: 'NO', city: 'Vik' });
    const ambiguous = await api.POST('/v1/organisations', { body: registration, headers: { 'accept-language': 'nn' } });
    expect(ambiguous.response.status).toBe(422);
    expect(ambiguous.response.headers.get('content-type')).toBe('application/problem+json');
    expect(ambiguous.error).toMatchObject({
      status: 422,
      code: 'cityAmbiguous',
      title: catalogs.nn['api.problem.cityAmbiguous.title'],
      errors: [{ pointer: '/city', code: 'cityAmbiguous', detail: catalogs.nn['api.error.cityAmbiguous'] }],
      candidates: [
        { id: 7288344, name: 'Vik', countryCode: 'NO', adminCode: '46', population: 2899, latitude: 61.05712, longitude: 6.57806 },
        { id: 3131781, name: 'Vik', countryCode: 'NO', adminCode: '09', population: 365, latitude: 65.31254, longitude: 12.16734 },
        { id: 7626338, name: 'Vik', countryCode: 'NO', adminCode: '30', population: 0, latitude: 60.07706, longitude: 10.27908 },
      ],
    });
    expect((ambiguous.error as { detail: string }).detail).toContain('«Vik»');
    expect((await api.GET('/v1/organisations', { params: { query: { q: 'Vik Kystkultursenter' } } })).data?.total).toBe(0);

    const chosen = await api.POST('/v1/organisations', { body: { ...registration, cityId: 3131781 } });
    expect(chosen.response.status).toBe(201);
    expect(chosen.data).toMatchObject({ city: 'Vik', matchedCity: { id: 3131781, name: 'Vik', latitude: 65.31254, longitude: 12.16734 } });
  });

  it('refuses a city no place has (cityNotFound), and a cityId outside the country or not called that, in the client’s language', async () => {
    const adviser = await createUser(testDb.db, { agencyRoles: ['administrator'] });
    const api = clientAs(testDb.db, adviser.actor);
    const notFound = await api.POST('/v1/organisations', { body: newOrganisation({ legalName: 'Lalitpur Weavers', countryCode: 'NP', city: 'Lalitpur' }), headers: { 'accept-language': 'es' } });
    expect(notFound.response.status).toBe(422);
    expect(notFound.error).toMatchObject({ code: 'cityNotFound', errors: [{ pointer: '/city', code: 'cityNotFound' }] });
    expect(notFound.error?.errors?.[0]?.detail).toBe(catalogs.es['error.cityNotFound'].replace('{city}', 'Lalitpur'));

    const elsewhere = await api.POST('/v1/organisations', { body: newOrganisation({ legalName: 'Bergen i Nepal', countryCode: 'NP', city: 'Bergen', cityId: 3161732 }) });
    expect(elsewhere.response.status).toBe(422);
    expect(elsewhere.error).toMatchObject({ code: 'cityNotInCountry', errors: [{ pointer: '/cityId', code: 'cityNotInCountry', detail: catalogs.en['api.error.cityNotInCountry'] }] });

    const otherName = await api.POST('/v1/organisations', { body: newOrganisation({ legalName: 'Bergen Oslo Forening', countryCode: 'NO', city: 'Bergen', cityId: 3143244 }) });
    expect(otherName.error).toMatchObject({ code: 'cityNotCandidate', errors: [{ pointer: '/cityId', code: 'cityNotCandidate' }] });

    const bergen = newOrganisation({ legalName: 'Bergen Id Forening', countryCode: 'NO', city: 'Bergen' });
    const notAnId = await apiAs(testDb.db, adviser.actor).request('/api/v1/organisations', jsonBody('POST', { ...bergen, cityId: 'Bergen' }));
    expect(notAnId.status).toBe(422);
    expect((await notAnId.json()).errors).toEqual([{ pointer: '/cityId', code: 'chooseCity', detail: catalogs.en['error.chooseCity'] }]);
    const negative = await apiAs(testDb.db, adviser.actor).request('/api/v1/organisations', jsonBody('POST', { ...bergen, cityId: -4 }));
    expect((await negative.json()).errors).toMatchObject([{ pointer: '/cityId', code: 'tooSmall' }]);
  });
});

describe('PUT /api/v1/organisations/{id}', () => {
  it('saves what a client read and changed, with If-Match, and gives the new version', async () => {
    const org = await createOrganisation(testDb.db, { legalName: 'Gulu Women’s Economic Network', countryCode: 'UG', city: 'Gulu' });
    const coordinator = await createUser(testDb.db, { memberships: [{ organisationId: org.id, role: 'partner_coordinator' }] });
    const api = clientAs(testDb.db, coordinator.actor);
    const path = { id: org.id };
    const read = await api.GET('/v1/organisations/{id}', { params: { path } });
    const { id: _id, version: _version, partnerships: _p, ...fields } = read.data!;
    const saved = await api.PUT('/v1/organisations/{id}', { params: { path, header: { 'if-match': read.response.headers.get('etag')! } }, body: { ...fields, website: 'https://gwen.example.ug' } });
    expect(saved.response.status).toBe(200);
    const body = saved.data!;
    expect(body).toMatchObject({ website: 'https://gwen.example.ug', shortName: null });
    expect(body.version).not.toBe(org.updatedAt.toISOString());
    expect(saved.response.headers.get('etag')).toBe(`"${body.version}"`);
  });

  it('keeps the place of an unchanged city, and asks again when the city changes to one several places have', async () => {
    const admin = await createUser(testDb.db, { agencyRoles: ['administrator'] });
    const api = clientAs(testDb.db, admin.actor);
    const created = (await api.POST('/v1/organisations', { body: newOrganisation({ legalName: 'Sogn Folkehøgskule', countryCode: 'NO', city: 'Vik', cityId: 3131781 }) })).data!;
    const { id, version, partnerships: _p, matchedCity: _m, ...fields } = created;
    const path = { id };
    const kept = await api.PUT('/v1/organisations/{id}', { params: { path }, body: { ...fields, website: 'https://sogn.example.no', version } });
    expect(kept.response.status).toBe(200);
    expect(kept.data).toMatchObject({ website: 'https://sogn.example.no', matchedCity: { id: 3131781 } });

    const moved = await api.PUT('/v1/organisations/{id}', { params: { path }, body: { ...fields, city: 'Sande', version: kept.data!.version } });
    expect(moved.response.status).toBe(422);
    expect(moved.error).toMatchObject({ code: 'cityAmbiguous', candidates: [{ name: 'Sande' }, { name: 'Sande' }] });
    const sande = (moved.error as { candidates: { id: number; adminCode: string }[] }).candidates[0]!;
    const chosen = await api.PUT('/v1/organisations/{id}', { params: { path }, body: { ...fields, city: 'Sande', cityId: sande.id, version: kept.data!.version } });
    expect(chosen.data).toMatchObject({ city: 'Sande', matchedCity: { id: sande.id } });
  });

  it('refuses a stale version (409), a missing one (428) and a malformed one (400), changing nothing', async () => {
    const org = await createOrganisation(testDb.db, { legalName: 'Fundación Ayni', countryCode: 'BO', city: 'La Paz', organisationType: '22' });
    const admin = await createUser(testDb.db, { agencyRoles: ['administrator'] });
    const api = clientAs(testDb.db, admin.actor);
    const path = { id: org.id };
    const seen = org.updatedAt.toISOString();
    const fields = { legalName: 'Fundación Ayni', countryCode: 'BO', city: 'Sucre', organisationType: '22' };
    expect((await api.PUT('/v1/organisations/{id}', { params: { path }, body: { ...fields, version: seen } })).response.status).toBe(200);

    const stale = await api.PUT('/v1/organisations/{id}', { params: { path, header: { 'if-match': `"${seen}"` } }, body: { ...fields, city: 'Cochabamba' } });
    expect(stale.response.status).toBe(409);
    expect(stale.error).toMatchObject({ code: 'staleEdit', title: catalogs.en['api.problem.staleEdit.title'], detail: catalogs.en['api.problem.staleEdit.detail'] });

    const missing = await api.PUT('/v1/organisations/{id}', { params: { path }, body: fields });
    expect(missing.response.status).toBe(428);
    expect(missing.error).toMatchObject({ code: 'versionRequired' });

    const malformed = await api.PUT('/v1/organisations/{id}', { params: { path, header: { 'if-match': 'yesterday' } }, body: fields });
    expect(malformed.response.status).toBe(400);
    expect(malformed.error).toMatchObject({ code: 'invalidVersion', errors: [{ header: 'if-match', code: 'invalidVersion' }] });

    const current = (await api.GET('/v1/organisations/{id}', { params: { path } })).data!;
    expect(current).toMatchObject({ city: 'Sucre', matchedCity: { id: 3903987, name: 'Sucre' } });
  });

  it('refuses a coordinator of another organisation (403) and answers an unknown id with 404', async () => {
    const own = await createOrganisation(testDb.db, { countryCode: 'MW' });
    const other = await createOrganisation(testDb.db, { countryCode: 'MW' });
    const coordinator = await createUser(testDb.db, { memberships: [{ organisationId: own.id, role: 'partner_coordinator' }] });
    const fields = { legalName: other.legalName, countryCode: 'MW', city: other.city, organisationType: '22', version: other.updatedAt.toISOString() };
    const refused = await clientAs(testDb.db, coordinator.actor).PUT('/v1/organisations/{id}', { params: { path: { id: other.id } }, body: fields });
    expect(refused.response.status).toBe(403);
    expect(refused.response.headers.get('content-type')).toBe('application/problem+json');

    const admin = await createUser(testDb.db, { agencyRoles: ['administrator'] });
    const unknown = await clientAs(testDb.db, admin.actor).PUT('/v1/organisations/{id}', { params: { path: { id: '00000000-0000-4000-8000-000000000000' } }, body: fields });
    expect(unknown.response.status).toBe(404);
  });
});
