import { describe, expect, it } from 'vitest';
import { PARTNERSHIP_PAGE_SIZE } from '../core/partnerships/list-public-partnerships.ts';
import { createOrganisation } from '../db/factories/organisation-factory.ts';
import { createPartnership } from '../db/factories/partnership-factory.ts';
import { apiAs } from '../tests/support/api-as.ts';
import { clientAs } from '../tests/support/api-client.ts';
import { useTestDatabase } from '../tests/support/test-database.ts';

const testDb = useTestDatabase();
const api = () => clientAs(testDb.db);

describe('GET /api/v1/partnerships', () => {
  it('lists public partnerships with the core’s filters, never drafts', async () => {
    const bergen = await createOrganisation(testDb.db, { legalName: 'Bergen Kystsjukehus', countryCode: 'NO', city: 'Bergen' });
    const kathmandu = await createOrganisation(testDb.db, { legalName: 'Kathmandu Model Hospital', countryCode: 'NP', city: 'Kathmandu' });
    const lilongwe = await createOrganisation(testDb.db, { legalName: 'Lilongwe Nursing College', countryCode: 'MW', city: 'Lilongwe' });
    const triangular = await createPartnership(testDb.db, { partners: [bergen, kathmandu, lilongwe], title: 'Nurses across three countries', sdgGoals: ['3'] });
    await createPartnership(testDb.db, { partners: [bergen, kathmandu], title: 'Nurses in Nepal, a draft', status: 'draft' });

    const { data: page, response } = await api().GET('/v1/partnerships', { params: { query: { country: 'NP', q: 'nurses' } } });
    expect(response.status).toBe(200);
    expect(page).toMatchObject({ total: 1, next: null });
    expect(page!.items).toEqual([
      expect.objectContaining({
        id: triangular.id,
        title: 'Nurses across three countries',
        shape: 'triangular',
        status: 'active',
        sdgGoals: ['3'],
        countries: expect.arrayContaining(['NO', 'NP', 'MW']),
        partners: ['Bergen Kystsjukehus', 'Kathmandu Model Hospital', 'Lilongwe Nursing College'],
      }),
    ]);
    expect((await api().GET('/v1/partnerships', { params: { query: { shape: 'north_south', q: 'nurses' } } })).data!.total).toBe(0);
  });

  it('names a bad filter with 400 problem+json', async () => {
    // A shape the document does not list: deliberately outside its types, so a raw request.
    const response = await apiAs(testDb.db).request('/api/v1/partnerships?shape=circular&country=Norway');
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem.errors).toEqual([
      expect.objectContaining({ parameter: 'country', code: 'chooseCountry' }),
      { parameter: 'shape', code: 'oneOf', detail: 'Use one of: north_south, south_south, triangular.' },
    ]);
  });

  it('pages by cursor without gaps or repeats', async () => {
    const partners = [await createOrganisation(testDb.db, { countryCode: 'ID' }), await createOrganisation(testDb.db, { countryCode: 'BD' })];
    for (let i = 0; i < PARTNERSHIP_PAGE_SIZE + 2; i++) await createPartnership(testDb.db, { partners, title: `Paging partnership ${String(i).padStart(3, '0')}` });
    const first = (await api().GET('/v1/partnerships', { params: { query: { q: 'Paging partnership' } } })).data!;
    expect(first.items).toHaveLength(PARTNERSHIP_PAGE_SIZE);
    const second = (await api().GET('/v1/partnerships', { params: { query: { q: 'Paging partnership', after: first.next! } } })).data!;
    expect(second.items).toHaveLength(2);
    expect(second.next).toBeNull();
    expect(new Set([...first.items, ...second.items].map((p) => p.id)).size).toBe(PARTNERSHIP_PAGE_SIZE + 2);
  });
});

describe('GET /api/v1/partnerships/{id}', () => {
  it('shows a public partnership with its partners, the coordinator first; a draft is not found', async () => {
    const addis = await createOrganisation(testDb.db, { legalName: 'Addis Ababa College of Nursing', countryCode: 'ET', city: 'Addis Ababa' });
    const forde = await createOrganisation(testDb.db, { legalName: 'Førde Helseskule', countryCode: 'NO', city: 'Førde' });
    const shown = await createPartnership(testDb.db, { partners: [forde, addis], title: 'Midwives exchange' });
    const draft = await createPartnership(testDb.db, { partners: [forde, addis], status: 'draft' });

    const { data, response } = await api().GET('/v1/partnerships/{id}', { params: { path: { id: shown.id } } });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({
      id: shown.id,
      title: 'Midwives exchange',
      shape: 'north_south',
      partners: [
        { id: forde.id, name: 'Førde Helseskule', countryCode: 'NO', city: 'Førde', coordinator: true },
        { id: addis.id, name: 'Addis Ababa College of Nursing', countryCode: 'ET', city: 'Addis Ababa', coordinator: false },
      ],
    });

    for (const id of [draft.id, 'nothing']) {
      const missing = await api().GET('/v1/partnerships/{id}', { params: { path: { id } }, headers: { 'accept-language': 'fr-FR' } });
      expect(missing.response.status).toBe(404);
      expect(missing.response.headers.get('content-type')).toBe('application/problem+json');
      expect(missing.error).toMatchObject({ code: 'notFound', title: 'Introuvable' });
    }
  });
});
