import { describe, expect, it } from 'vitest';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { placeOfCity } from '../organisations/organisation-place.ts';
import { distanceBetweenOrganisations, distancesBetweenOrganisations } from './distance-between-organisations.ts';

const testDb = useTestDatabase();
const placed = (countryCode: string, city: string) => createOrganisation(testDb.db, { countryCode, city, ...placeOfCity({ countryCode, city }) });

describe('the distance between two organisations', () => {
  it('is the great-circle distance between their matched cities, in whole km, with its band', async () => {
    const addis = await placed('ET', 'Addis Ababa');
    const bergen = await placed('NO', 'Bergen');
    const forde = await placed('NO', 'Førde');
    expect(await distanceBetweenOrganisations(testDb.db, addis.id, bergen.id)).toEqual({ km: 6346, band: '4000-7999' });
    expect(await distanceBetweenOrganisations(testDb.db, bergen.id, addis.id)).toEqual({ km: 6346, band: '4000-7999' });
    expect(await distanceBetweenOrganisations(testDb.db, forde.id, bergen.id)).toEqual({ km: expect.any(Number), band: '100-499' });
    expect(await distanceBetweenOrganisations(testDb.db, bergen.id, bergen.id)).toEqual({ km: 0, band: '0-99' });
  });

  it('is unknown when either has no matched city, or is no organisation', async () => {
    const bergen = await placed('NO', 'Bergen');
    const unmatched = await createOrganisation(testDb.db, { countryCode: 'NP', city: 'Lalitpur' });
    expect(await distanceBetweenOrganisations(testDb.db, bergen.id, unmatched.id)).toBeNull();
    expect(await distanceBetweenOrganisations(testDb.db, unmatched.id, bergen.id)).toBeNull();
    expect(await distanceBetweenOrganisations(testDb.db, bergen.id, '00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await distanceBetweenOrganisations(testDb.db, bergen.id, 'not-an-id')).toBeNull();
  });

  it('answers many pairs at once, in the order asked', async () => {
    const kathmandu = await placed('NP', 'Kathmandu');
    const addis = await placed('ET', 'Addis Ababa');
    const bergen = await placed('NO', 'Bergen');
    const unmatched = await createOrganisation(testDb.db, { countryCode: 'NO', city: 'Vik' });
    const flows = [
      { homeOrganisationId: kathmandu.id, hostOrganisationId: bergen.id },
      { homeOrganisationId: bergen.id, hostOrganisationId: unmatched.id },
      { homeOrganisationId: addis.id.toUpperCase(), hostOrganisationId: kathmandu.id },
      { homeOrganisationId: kathmandu.id, hostOrganisationId: bergen.id },
    ];
    expect(await distancesBetweenOrganisations(testDb.db, flows)).toEqual([
      { km: 6817, band: '4000-7999' },
      null,
      { km: 5295, band: '4000-7999' },
      { km: 6817, band: '4000-7999' },
    ]);
    expect(await distancesBetweenOrganisations(testDb.db, [])).toEqual([]);
  });
});
