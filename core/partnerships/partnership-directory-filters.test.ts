import { describe, expect, it } from 'vitest';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createPartnershipStage } from '../../db/factories/partnership-stage-factory.ts';
import { createPartnership } from '../../db/factories/partnership-factory.ts';
import { createProgramme } from '../../db/factories/programme-factory.ts';
import { applications } from '../../db/schema/applications.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { eq } from 'drizzle-orm';
import { listPartnershipFilterChoices } from './list-partnership-filter-choices.ts';
import { listPublicPartnerships, publicPartnershipFilter } from './list-public-partnerships.ts';
import { coreContext } from '../context.ts';

const testDb = useTestDatabase();
const ctx = () => coreContext({ db: testDb.db });

describe('partnership directory: programme, call, sector and SDG filters', () => {
  it('filters by SDG (any of the partnership’s goals), programme, sector and the call that granted a stage', async () => {
    const health = await createProgramme(testDb.db, { code: 'health-test', name: 'Health (ESTHER)' });
    const youth = await createProgramme(testDb.db, { code: 'youth-test', name: 'Volunteer/Youth' });
    const bergen = await createOrganisation(testDb.db, { countryCode: 'NO', city: 'Bergen' });
    const lilongwe = await createOrganisation(testDb.db, { countryCode: 'MW', city: 'Lilongwe' });
    const nursing = await createPartnership(testDb.db, { partners: [bergen, lilongwe], title: 'Nursing', programmeId: health.id, sectorCode: '12181', sdgGoals: ['3', '4'] });
    await createPartnership(testDb.db, { partners: [bergen, lilongwe], title: 'Youth climate', programmeId: youth.id, sectorCode: '15150', sdgGoals: ['13', '16'], status: 'closed' });
    await createPartnership(testDb.db, { partners: [bergen, lilongwe], title: 'Draft health', programmeId: health.id, sectorCode: '12191', sdgGoals: ['3'], status: 'draft' });
    await createPartnershipStage(testDb.db, { partnership: nursing, kind: 'agreement' });

    const titles = async (f: Parameters<typeof listPublicPartnerships>[1]) => (await listPublicPartnerships(ctx(), f)).items.map((p) => p.title);
    expect(await titles({ sdg: '3' })).toEqual(['Nursing']);
    expect(await titles({ sdg: '4' })).toEqual(['Nursing']);
    expect(await titles({ sdg: '1' })).toEqual([]);
    expect(await titles({ programme: 'youth-test' })).toEqual(['Youth climate']);
    expect(await titles({ sector: '15150', status: 'closed' })).toEqual(['Youth climate']);

    const [stage] = await testDb.db.select({ callId: applications.callId }).from(partnershipStages).innerJoin(applications, eq(applications.id, partnershipStages.applicationId)).where(eq(partnershipStages.partnershipId, nursing.id));
    expect(await titles({ call: stage!.callId })).toEqual(['Nursing']);
    expect(await titles({ call: '00000000-0000-0000-0000-000000000000' })).toEqual([]);
    expect((await listPublicPartnerships(ctx(), { sdg: '16' })).items[0]).toMatchObject({ sdgGoals: ['13', '16'] });

    const choices = await listPartnershipFilterChoices(ctx());
    expect(choices.programmes.map((p) => p.code)).toEqual(expect.arrayContaining(['health-test', 'youth-test']));
    // Sectors of public partnerships only: the draft's 12191 is not offered.
    expect(choices.sectors).toEqual(['12181', '15150']);
    expect(choices.calls.map((c) => c.id)).toEqual([stage!.callId]);
  });

  it('refuses an SDG outside 1–17 and a call that is not an id', () => {
    for (const sdg of ['0', '18', '3.1', 'x']) {
      const result = publicPartnershipFilter.safeParse({ sdg });
      expect(result.error?.issues[0]).toMatchObject({ path: ['sdg'], message: 'chooseSdgGoal' });
    }
    expect(publicPartnershipFilter.safeParse({ sdg: '17', call: '' }).data).toEqual({ sdg: '17' });
    expect(publicPartnershipFilter.safeParse({ call: 'drop table' }).success).toBe(false);
  });
});
