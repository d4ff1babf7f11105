import { describe, expect, it } from 'vitest';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createPartnership } from '../../db/factories/partnership-factory.ts';
import { createProgramme } from '../../db/factories/programme-factory.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { listOrganisationSectors } from './list-organisation-sectors.ts';
import { listPublicOrganisations, listPublicOrganisationsInput } from './list-public-organisations.ts';

const testDb = useTestDatabase();
const ctx = () => ({ db: testDb.db });

describe('organisation directory: sector and programme filters', () => {
  it('filters by the organisation’s sector and by taking part in a public partnership of a programme', async () => {
    const health = await createProgramme(testDb.db, { code: 'health-org-test' });
    const youth = await createProgramme(testDb.db, { code: 'youth-org-test' });
    const hospital = await createOrganisation(testDb.db, { legalName: 'Bergen Kystsjukehus', countryCode: 'NO', sectorCode: '12191' });
    const college = await createOrganisation(testDb.db, { legalName: 'Lilongwe Nursing College', countryCode: 'MW', sectorCode: '12181' });
    const school = await createOrganisation(testDb.db, { legalName: 'Sunnfjord Folkehøgskule', countryCode: 'NO', sectorCode: '11330' });
    const forum = await createOrganisation(testDb.db, { legalName: 'Blantyre Youth Forum', countryCode: 'MW', sectorCode: '11330' });
    await createPartnership(testDb.db, { partners: [hospital, college], programmeId: health.id });
    await createPartnership(testDb.db, { partners: [school, forum], programmeId: youth.id, status: 'closed' });
    // A draft is not public: it puts no one in the programme's list.
    await createPartnership(testDb.db, { partners: [school, college], programmeId: youth.id, status: 'draft' });

    const names = async (input: Parameters<typeof listPublicOrganisations>[1]) => (await listPublicOrganisations(ctx(), input)).items.map((o) => o.legalName);
    expect(await names({ sector: '11330' })).toEqual(['Blantyre Youth Forum', 'Sunnfjord Folkehøgskule']);
    expect(await names({ programme: 'health-org-test' })).toEqual(['Bergen Kystsjukehus', 'Lilongwe Nursing College']);
    expect(await names({ programme: 'youth-org-test', country: 'NO' })).toEqual(['Sunnfjord Folkehøgskule']);
    expect((await listPublicOrganisations(ctx(), { programme: 'youth-org-test' })).total).toBe(2);
    expect(await listOrganisationSectors(ctx())).toEqual(['11330', '12181', '12191']);
  });

  it('refuses a sector that is not a DAC code', () => {
    const result = listPublicOrganisationsInput.safeParse({ sector: 'health' });
    expect(result.error?.issues[0]).toMatchObject({ path: ['sector'], message: 'chooseSector' });
    expect(listPublicOrganisationsInput.parse({ sector: '', programme: '' })).toEqual({});
  });
});
