import { describe, expect, it } from 'vitest';
import { createOrganisation } from '../db/factories/organisation-factory.ts';
import { createParticipant } from '../db/factories/participant-factory.ts';
import { createPartnership } from '../db/factories/partnership-factory.ts';
import { apiAs } from '../tests/support/api-as.ts';
import { clientAs } from '../tests/support/api-client.ts';
import { useTestDatabase } from '../tests/support/test-database.ts';

const testDb = useTestDatabase();

describe('GET /api/v1/statistics', () => {
  it('answers everyone with the aggregated counts and the page’s filters, small cells null', async () => {
    const oslo = await createOrganisation(testDb.db, { countryCode: 'NO', city: 'Oslo' });
    const kampala = await createOrganisation(testDb.db, { countryCode: 'UG', city: 'Kampala' });
    const dhaka = await createOrganisation(testDb.db, { countryCode: 'BD', city: 'Dhaka' });
    const partnership = await createPartnership(testDb.db, { partners: [oslo, kampala, dhaka], sdgGoals: ['4'] });
    const go = (home: typeof oslo, host: typeof oslo, n: number) =>
      Promise.all(Array.from({ length: n }, () => createParticipant(testDb.db, { partnershipId: partnership.id, homeOrganisationId: home.id, hostOrganisationId: host.id, homeCountry: home.countryCode, startsOn: '2024-08-01', endsOn: '2025-01-31', status: 'alumni' })));
    await go(kampala, dhaka, 6);
    await go(dhaka, kampala, 5);
    await go(oslo, kampala, 2);

    const { data, response } = await clientAs(testDb.db).GET('/v1/statistics', { params: { query: { yearFrom: 2024, yearTo: 2024 } } });
    expect(response.status).toBe(200);
    expect(data!.headline).toMatchObject({ people: 13, countries: 3, southSouth: 11 });
    expect(data!.suppressedBelow).toBe(5);
    expect(data!.tables.year).toEqual([{ key: '2024', people: 13 }]);
    expect(data!.tables.sdg).toEqual([{ key: '4', people: 13 }]);
    // Norway → Uganda is 2 people: suppressed, and the next smallest flow with it.
    expect(data!.flows).toEqual([
      { home: 'UG', host: 'BD', direction: 'south-south', people: 6 },
      { home: 'BD', host: 'UG', direction: 'south-south', people: null },
      { home: 'NO', host: 'UG', direction: 'norway-south', people: null },
    ]);
    const southSouth = await clientAs(testDb.db).GET('/v1/statistics', { params: { query: { direction: 'south-south', from: 'asia' } } });
    expect(southSouth.data!.headline.people).toBe(5);
    expect(southSouth.data!.tables['host-country']).toEqual([{ key: 'UG', people: 5 }]);
  });

  it('is public, for a visitor too', async () => {
    const response = await apiAs(testDb.db).request('/api/v1/statistics');
    expect(response.status).toBe(200);
  });

  it('names every bad filter at once with 400 problem+json', async () => {
    const response = await apiAs(testDb.db).request('/api/v1/statistics?yearFrom=1999&from=Norway&gender=x');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = await response.json();
    expect(problem.errors.map((e: { parameter: string }) => e.parameter).sort()).toEqual(['from', 'gender', 'yearFrom']);
  });
});
