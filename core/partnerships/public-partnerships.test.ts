import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createPartnership } from '../../db/factories/partnership-factory.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import { withSharedReadCache } from '../../db/shared-read-cache.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { NotFoundError } from '../errors.ts';
import { getPublicPartnership } from './get-public-partnership.ts';
import { listPublicPartnerships, PARTNERSHIP_PAGE_SIZE, publicPartnershipFilter } from './list-public-partnerships.ts';
import { coreContext } from '../context.ts';
import { encodeCursor } from '../pagination/keyset-cursor.ts';

const testDb = useTestDatabase();
const ctx = () => coreContext({ db: testDb.db });

describe('public partnership directory', () => {
  it('shows running and finished partnerships, never drafts, filtered by country, shape and words in the title', async () => {
    const oslo = await createOrganisation(testDb.db, { countryCode: 'NO', city: 'Oslo' });
    const addis = await createOrganisation(testDb.db, { countryCode: 'ET', city: 'Addis Ababa' });
    const kathmandu = await createOrganisation(testDb.db, { countryCode: 'NP', city: 'Kathmandu' });
    const triangular = await createPartnership(testDb.db, { partners: [addis, oslo, kathmandu], title: 'Nursing across three countries', status: 'active' });
    await createPartnership(testDb.db, { partners: [addis, kathmandu], title: 'Teachers South–South', status: 'closed' });
    const draft = await createPartnership(testDb.db, { partners: [oslo, addis], title: 'A draft application', status: 'draft' });

    const titles = async (f: Parameters<typeof listPublicPartnerships>[1]) => (await listPublicPartnerships(ctx(), f)).items.map((p) => p.title);
    expect(await titles({ country: 'NP' })).toEqual(['Nursing across three countries', 'Teachers South–South']);
    expect(await titles({ shape: 'triangular' })).toEqual(['Nursing across three countries']);
    expect(await titles({ q: 'nursing' })).toEqual(['Nursing across three countries']);
    expect(await titles({ status: 'closed', country: 'ET' })).toEqual(['Teachers South–South']);
    expect(await titles({ country: 'NO' })).not.toContain('A draft application');

    const page = await getPublicPartnership(ctx(), { partnershipId: triangular.id });
    expect(page.partners.map((p) => p.countryCode).sort()).toEqual(['ET', 'NO', 'NP']);
    expect(page.partners[0]).toMatchObject({ coordinator: true, countryCode: 'ET' });
    await expect(getPublicPartnership(ctx(), { partnershipId: draft.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('pages by keyset', async () => {
    const a = await createOrganisation(testDb.db, { countryCode: 'GT', city: 'Cobán' });
    const b = await createOrganisation(testDb.db, { countryCode: 'BO', city: 'Sucre' });
    for (let i = 0; i < PARTNERSHIP_PAGE_SIZE + 2; i++) await createPartnership(testDb.db, { partners: [a, b], title: `Paging ${String(i).padStart(2, '0')}`, status: 'active' });
    const first = await listPublicPartnerships(ctx(), { country: 'GT' });
    const second = await listPublicPartnerships(ctx(), { country: 'GT', after: first.next! });
    expect(first.items).toHaveLength(PARTNERSHIP_PAGE_SIZE);
    expect(second.items).toHaveLength(2);
    expect(new Set([...first.items, ...second.items].map((p) => p.id)).size).toBe(PARTNERSHIP_PAGE_SIZE + 2);
    // The total is the filter's on every page, past the end too, and none where nothing matches.
    expect([first.total, second.total]).toEqual([PARTNERSHIP_PAGE_SIZE + 2, PARTNERSHIP_PAGE_SIZE + 2]);
    expect((await listPublicPartnerships(ctx(), { country: 'GT', q: 'Paging 0' })).total).toBe(10);
    const past = await listPublicPartnerships(ctx(), { country: 'GT', after: encodeCursor('Paging 99', 'ffffffff-ffff-ffff-ffff-ffffffffffff') });
    expect(past).toMatchObject({ items: [], total: PARTNERSHIP_PAGE_SIZE + 2, next: null });
    expect(await listPublicPartnerships(ctx(), { country: 'GT', q: 'nothing like it' })).toMatchObject({ items: [], total: 0 });
    expect(Object.keys(first.items[0]!)).not.toContain('total');
  });

  it('keeps a page between writes on the server’s handle, per filter', async () => {
    const a = await createOrganisation(testDb.db, { countryCode: 'PE', city: 'Cusco' });
    const b = await createOrganisation(testDb.db, { countryCode: 'NO', city: 'Tromsø' });
    await createPartnership(testDb.db, { partners: [a, b], title: 'Kept page', status: 'active' });
    const db = withSharedReadCache(testDb.db);
    const first = await listPublicPartnerships(coreContext({ db }), { country: 'PE' });
    expect(await listPublicPartnerships(coreContext({ db }), { country: 'PE' })).toBe(first);
    expect((await listPublicPartnerships(coreContext({ db }), { country: 'PE', q: 'nothing' })).total).toBe(0);
    await db.transaction(async (tx) => {
      await tx.update(partnerships).set({ title: 'Kept page, renamed' }).where(eq(partnerships.id, first.items[0]!.id));
    });
    expect((await listPublicPartnerships(coreContext({ db }), { country: 'PE' })).items.map((p) => p.title)).toEqual(['Kept page, renamed']);
  });

  it('refuses filter values that are not on the lists', () => {
    const result = publicPartnershipFilter.safeParse({ shape: 'circular', status: 'draft', sector: 'x' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path[0]).sort()).toEqual(['sector', 'shape', 'status']);
  });
});
