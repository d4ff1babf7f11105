import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createPartnershipStage } from '../../db/factories/partnership-stage-factory.ts';
import { createPartnership } from '../../db/factories/partnership-factory.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import { withSharedReadCache } from '../../db/shared-read-cache.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { coreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { getPartnershipResults } from '../results/get-partnership-results.ts';
import { getPartnershipChain } from './get-partnership-chain.ts';
import { getPublicPartnership } from './get-public-partnership.ts';
import { getPublicPartnershipPage } from './get-public-partnership-page.ts';

const testDb = useTestDatabase();
const adviser: Actor = { kind: 'user', userId: 'u-adviser', name: 'Adviser', email: 'adviser@agency.example', locale: 'nb', agencyRoles: ['programme_adviser'], memberships: [], participantIds: [] };

async function partnership(status = 'active') {
  const bergen = await createOrganisation(testDb.db, { countryCode: 'NO', city: 'Bergen' });
  const addis = await createOrganisation(testDb.db, { countryCode: 'ET', city: 'Addis Ababa' });
  const p = await createPartnership(testDb.db, { partners: [bergen, addis], status, startsOn: '2025-01-01', endsOn: '2027-12-31' });
  await createPartnershipStage(testDb.db, { partnership: p, kind: 'agreement', flows: [{ from: 0, to: 1, participants: 2, round: 1 }] });
  return p;
}

describe('getPublicPartnershipPage', () => {
  it('is what the public reads give, the same for everyone, kept on the server’s handle until a write', async () => {
    const p = await partnership();
    const ctx = coreContext({ db: testDb.db });
    const page = await getPublicPartnershipPage(ctx, { partnershipId: p.id });
    expect(page).toEqual({
      partnership: await getPublicPartnership(ctx, { partnershipId: p.id }),
      chain: await getPartnershipChain(ctx, { partnershipId: p.id }),
      results: await getPartnershipResults(ctx, { partnershipId: p.id }),
      lessons: [],
    });

    const db = withSharedReadCache(testDb.db);
    const kept = await getPublicPartnershipPage(coreContext({ db }), { partnershipId: p.id });
    // An adviser gets the very answer a visitor got: nothing in it depends on who asks.
    expect(await getPublicPartnershipPage(coreContext({ db, actor: adviser }), { partnershipId: p.id })).toBe(kept);
    await db.transaction(async (tx) => {
      await tx.update(partnerships).set({ title: 'Renamed' }).where(eq(partnerships.id, p.id));
    });
    expect((await getPublicPartnershipPage(coreContext({ db }), { partnershipId: p.id })).partnership.title).toBe('Renamed');
  });

  it('refuses a draft, an unknown id and a damaged one as not found, and keeps no refusal', async () => {
    const draft = await partnership('draft');
    const db = withSharedReadCache(testDb.db);
    await expect(getPublicPartnershipPage(coreContext({ db }), { partnershipId: draft.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPublicPartnershipPage(coreContext({ db }), { partnershipId: '00000000-0000-0000-0000-000000000000' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPublicPartnershipPage(coreContext({ db }), { partnershipId: 'not-an-id' })).rejects.toBeInstanceOf(NotFoundError);
    // Made public by someone else's server (past this handle): the refusal was not kept.
    await testDb.db.update(partnerships).set({ status: 'active' }).where(eq(partnerships.id, draft.id));
    expect((await getPublicPartnershipPage(coreContext({ db }), { partnershipId: draft.id })).partnership.id).toBe(draft.id);
  });
});
