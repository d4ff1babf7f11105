import { describe, expect, it } from 'vitest';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createPartnership } from '../../db/factories/partnership-factory.ts';
import { createProgramme } from '../../db/factories/programme-factory.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { listOrganisationSectors } from './list-organisation-sectors.ts';
import { encodeCursor } from '../pagination/keyset-cursor.ts';
import { listPublicOrganisations, listPublicOrganisationsInput, PAGE_SIZE } from './list-public-organisations.ts';
import { coreContext } from '../context.ts';

const testDb = useTestDatabase();
const ctx = () => coreContext({ db: testDb.db });

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

  it('lists an organisation in several public partnerships of the programme once, and no one for an unknown code', async () => {
    const esther = await createProgramme(testDb.db, { code: 'esther-org-test' });
    const other = await createProgramme(testDb.db, { code: 'other-org-test' });
    const forde = await createOrganisation(testDb.db, { legalName: 'Førde Sentralsjukehus', countryCode: 'NO' });
    const xela = await createOrganisation(testDb.db, { legalName: 'Hospital Regional de Occidente', countryCode: 'GT' });
    const coban = await createOrganisation(testDb.db, { legalName: 'Hospital Regional de Cobán', countryCode: 'GT' });
    const escuintla = await createOrganisation(testDb.db, { legalName: 'Hospital Nacional de Escuintla', countryCode: 'GT' });
    await createPartnership(testDb.db, { partners: [forde, xela], programmeId: esther.id, status: 'active' });
    await createPartnership(testDb.db, { partners: [forde, coban], programmeId: esther.id, status: 'closing' });
    // Submitted is not public; the same partners in another programme do not count either.
    await createPartnership(testDb.db, { partners: [forde, escuintla], programmeId: esther.id, status: 'submitted' });
    await createPartnership(testDb.db, { partners: [escuintla, xela], programmeId: other.id, status: 'active' });

    const result = await listPublicOrganisations(ctx(), { programme: 'esther-org-test' });
    expect(result.items.map((o) => o.legalName)).toEqual(['Førde Sentralsjukehus', 'Hospital Regional de Cobán', 'Hospital Regional de Occidente']);
    expect(result.total).toBe(3);
    expect(await listPublicOrganisations(ctx(), { programme: 'no-such-programme' })).toEqual({ items: [], total: 0, next: null });
  });

  it('pages a programme’s organisations by keyset, with the total on every page and past the last one', async () => {
    const programme = await createProgramme(testDb.db, { code: 'paging-org-test' });
    const partners = [];
    for (let i = 0; i < PAGE_SIZE + 5; i++) {
      partners.push(await createOrganisation(testDb.db, { legalName: `Paging Programme Partner ${String(i).padStart(3, '0')}`, countryCode: 'BD' }));
    }
    await createPartnership(testDb.db, { partners, programmeId: programme.id, status: 'closed' });
    const filter = { programme: 'paging-org-test' };

    const first = await listPublicOrganisations(ctx(), filter);
    expect(first).toMatchObject({ total: PAGE_SIZE + 5, next: expect.any(String) });
    const second = await listPublicOrganisations(ctx(), { ...filter, after: first.next! });
    expect(second).toMatchObject({ total: PAGE_SIZE + 5, next: null });
    expect([...first.items, ...second.items].map((o) => o.legalName)).toEqual(partners.map((o) => o.legalName));
    expect(second.items[0]).toMatchObject({ countryCode: 'BD', partnershipCount: 1 });

    const pastTheEnd = encodeCursor('Paging Programme Partner 999', 'ffffffff-ffff-ffff-ffff-ffffffffffff');
    expect(await listPublicOrganisations(ctx(), { ...filter, after: pastTheEnd })).toEqual({ items: [], total: PAGE_SIZE + 5, next: null });
  });

  it('refuses a sector that is not a DAC code', () => {
    const result = listPublicOrganisationsInput.safeParse({ sector: 'health' });
    expect(result.error?.issues[0]).toMatchObject({ path: ['sector'], message: 'chooseSector' });
    expect(listPublicOrganisationsInput.parse({ sector: '', programme: '' })).toEqual({});
  });
});
