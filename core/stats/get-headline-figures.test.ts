import { describe, expect, it } from 'vitest';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createParticipant } from '../../db/factories/participant-factory.ts';
import { createPartnership } from '../../db/factories/partnership-factory.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { getHeadlineFigures } from './get-headline-figures.ts';
import { coreContext } from '../context.ts';

const testDb = useTestDatabase();

describe('getHeadlineFigures', () => {
  it('is all zeros on an empty database', async () => {
    expect(await getHeadlineFigures(coreContext({ db: testDb.db }))).toEqual({
      organisations: 0,
      partnerships: 0,
      countries: 0,
      participants: 0,
    });
  });

  it('counts organisations, distinct countries, partnerships and participants who went', async () => {
    const oslo = await createOrganisation(testDb.db, { countryCode: 'NO', city: 'Oslo' });
    const kathmandu = await createOrganisation(testDb.db, { countryCode: 'NP', city: 'Kathmandu' });
    const pokhara = await createOrganisation(testDb.db, { countryCode: 'NP', city: 'Pokhara' });
    const partnership = await createPartnership(testDb.db, { partners: [oslo, kathmandu, pokhara] });
    await createParticipant(testDb.db, {
      partnershipId: partnership.id,
      homeOrganisationId: kathmandu.id,
      hostOrganisationId: oslo.id,
      homeCountry: 'NP',
    });
    await createParticipant(testDb.db, {
      partnershipId: partnership.id,
      homeOrganisationId: oslo.id,
      hostOrganisationId: pokhara.id,
    });
    // A nomination, and someone withdrawn before leaving, are not (yet) people on exchange.
    await createParticipant(testDb.db, { partnershipId: partnership.id, homeOrganisationId: oslo.id, hostOrganisationId: kathmandu.id, status: 'nominated' });
    await createParticipant(testDb.db, { partnershipId: partnership.id, homeOrganisationId: pokhara.id, hostOrganisationId: oslo.id, status: 'withdrawn' });

    expect(await getHeadlineFigures(coreContext({ db: testDb.db }))).toEqual({
      organisations: 3,
      partnerships: 1,
      countries: 2,
      participants: 2,
    });
  });
});
