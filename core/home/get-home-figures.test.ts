import { describe, expect, it } from 'vitest';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { withSharedReadCache } from '../../db/shared-read-cache.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { coreContext } from '../context.ts';
import { getHomeFigures } from './get-home-figures.ts';

const testDb = useTestDatabase();

describe('getHomeFigures', () => {
  it('counts once between writes on the server’s handle, and again after a write', async () => {
    const db = withSharedReadCache(testDb.db);
    const ctx = coreContext({ db });
    const before = await getHomeFigures(ctx);
    // Written past the cache (no transaction on its handle): the figures in memory stay as they were.
    await createOrganisation(testDb.db, { countryCode: 'NP' });
    expect(await getHomeFigures(ctx)).toEqual(before);
    // A write through the server's handle ends a generation: counted again.
    await db.transaction(async (tx) => {
      await tx.update(organisations).set({ city: 'Pokhara' });
    });
    expect((await getHomeFigures(ctx)).organisations).toBe(before.organisations + 1);
    // Without the cache (tests, scripts), every call counts.
    await createOrganisation(testDb.db, { countryCode: 'NP' });
    expect((await getHomeFigures(coreContext({ db: testDb.db }))).organisations).toBe(before.organisations + 2);
  });
});
