import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createPartnership } from '../../db/factories/partnership-factory.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { withSharedReadCache } from '../../db/shared-read-cache.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { listOrganisationCountries } from './list-organisation-countries.ts';
import { listPublicOrganisations, listPublicOrganisationsInput, PAGE_SIZE } from './list-public-organisations.ts';
import { coreContext } from '../context.ts';

const testDb = useTestDatabase();
const ctx = () => coreContext({ db: testDb.db });

describe('listPublicOrganisations', () => {
  it('filters by country and by part of the name, case-insensitively, and counts partnerships', async () => {
    const bergen = await createOrganisation(testDb.db, { legalName: 'Bergen Kystsjukehus', countryCode: 'NO', city: 'Bergen' });
    const kathmandu = await createOrganisation(testDb.db, { legalName: 'Kathmandu Model Hospital', countryCode: 'NP', city: 'Kathmandu' });
    await createOrganisation(testDb.db, { legalName: 'Himalayan Teachers’ Forum', countryCode: 'NP', city: 'Lalitpur' });
    await createPartnership(testDb.db, { partners: [bergen, kathmandu] });

    const nepal = await listPublicOrganisations(ctx(), { country: 'NP' });
    expect(nepal.items.map((o) => o.legalName)).toEqual(['Himalayan Teachers’ Forum', 'Kathmandu Model Hospital']);
    expect(nepal.total).toBe(2);

    const hospitals = await listPublicOrganisations(ctx(), { q: 'HOSPITAL' });
    expect(hospitals.items).toEqual([
      expect.objectContaining({ legalName: 'Kathmandu Model Hospital', countryCode: 'NP', partnershipCount: 1 }),
    ]);

    expect(await listOrganisationCountries(ctx())).toEqual(['NO', 'NP']);
  });

  it('treats % and _ in a search as ordinary characters', async () => {
    const result = await listPublicOrganisations(ctx(), { q: '%' });
    expect(result.items).toEqual([]);
  });

  it('pages by keyset without gaps or repeats', async () => {
    for (let i = 0; i < PAGE_SIZE + 5; i++) {
      await createOrganisation(testDb.db, { legalName: `Paging Test Organisation ${String(i).padStart(3, '0')}`, countryCode: 'BO' });
    }
    const first = await listPublicOrganisations(ctx(), { country: 'BO' });
    expect(first.items).toHaveLength(PAGE_SIZE);
    expect(first.total).toBe(PAGE_SIZE + 5);
    expect(first.next).not.toBeNull();
    const second = await listPublicOrganisations(ctx(), { country: 'BO', after: first.next! });
    expect(second.items).toHaveLength(5);
    expect(second.next).toBeNull();
    const all = [...first.items, ...second.items].map((o) => o.id);
    expect(new Set(all).size).toBe(PAGE_SIZE + 5);
  });

  it('refuses a damaged cursor, naming `after`, before it reaches the database', async () => {
    await expect(listPublicOrganisations(ctx(), { country: 'BO', after: 'not-a-cursor' })).rejects.toMatchObject({ code: 'invalidCursor', field: 'after' });
    // The forged cursor of issue 8: base64url of ["a","b"].
    await expect(listPublicOrganisations(ctx(), { country: 'BO', after: 'WyJhIiwiYiJd' })).rejects.toMatchObject({ code: 'invalidCursor' });
  });
});

describe('listPublicOrganisationsInput', () => {
  it('accepts empty fields as "any" and upper-cases the country', () => {
    expect(listPublicOrganisationsInput.parse({ country: 'np', q: '' })).toEqual({ country: 'NP', q: '' });
    expect(listPublicOrganisationsInput.parse({ country: '' })).toEqual({});
  });

  it('names the field and the reason for a bad value', () => {
    const result = listPublicOrganisationsInput.safeParse({ country: 'Nepal', q: 'x'.repeat(101) });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual(expect.arrayContaining([['country', expect.any(String)], ['q', 'queryTooLong']]));
  });
});

describe('listPublicOrganisations on the server’s handle', () => {
  it('keeps a page between writes on the server’s handle, per filter', async () => {
    await createOrganisation(testDb.db, { legalName: 'Cusco Salud', countryCode: 'PE', city: 'Cusco' });
    const db = withSharedReadCache(testDb.db);
    const first = await listPublicOrganisations(coreContext({ db }), { country: 'PE' });
    expect(await listPublicOrganisations(coreContext({ db }), { country: 'PE' })).toBe(first);
    expect((await listPublicOrganisations(coreContext({ db }), { country: 'PE', q: 'nothing' })).total).toBe(0);
    await db.transaction(async (tx) => {
      await tx.update(organisations).set({ legalName: 'Cusco Salud Andina' }).where(eq(organisations.id, first.items[0]!.id));
    });
    expect((await listPublicOrganisations(coreContext({ db }), { country: 'PE' })).items.map((o) => o.legalName)).toEqual(['Cusco Salud Andina']);
  });
});
