import { describe, expect, it } from 'vitest';
import { createApplication } from '../../db/factories/application-factory.ts';
import { createCall } from '../../db/factories/call-factory.ts';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createProgramme } from '../../db/factories/programme-factory.ts';
import { createUnitCostTable } from '../../db/factories/unit-cost-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { coreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { sumMinor } from '../finance/money.ts';
import { placeOfCity } from '../organisations/organisation-place.ts';
import { getApplicationBudget } from './get-application-budget.ts';

const testDb = useTestDatabase();
const placed = (countryCode: string, city: string, legalName: string) => createOrganisation(testDb.db, { countryCode, city, legalName, ...placeOfCity({ countryCode, city }) });

describe('an application’s round budget', () => {
  it('is computed from the plan and the published unit costs, with travel by the real distances Addis Ababa–Bergen–Kathmandu', async () => {
    const addis = await placed('ET', 'Addis Ababa', 'Addis Ababa University College of Health Sciences');
    const bergen = await placed('NO', 'Bergen', 'Haukeland universitetssjukehus');
    const kathmandu = await placed('NP', 'Kathmandu', 'Kathmandu Model Hospital');
    const programme = await createProgramme(testDb.db);
    await createUnitCostTable(testDb.db, { programmeId: programme.id, year: 2027 });
    const call = await createCall(testDb.db, { programmeId: programme.id, stage: 'round' });
    const application = await createApplication(testDb.db, {
      callId: call.id,
      partners: [addis, bergen, kathmandu],
      status: 'draft',
      flows: [
        { from: 0, to: 1, participants: 2, months: 6, startMonth: '2027-03' },
        { from: 1, to: 2, participants: 1, months: 12, startMonth: '2027-04' },
        { from: 2, to: 0, participants: 2, months: 6, startMonth: '2027-03' },
      ],
    });
    const coordinator = await createUser(testDb.db, { memberships: [{ organisationId: addis.id, role: 'partner_coordinator' }] });
    const { rounds } = await getApplicationBudget(coreContext({ db: testDb.db, actor: coordinator.actor }), { applicationId: application.id });
    expect(rounds).toHaveLength(1);
    const [round] = rounds;
    expect(round).toMatchObject({ round: 1, year: 2027, table: { version: 1 } });
    // Flows saved in one statement share their creation time, so their order is not theirs to keep: compare as a set.
    expect(round!.flows.map((f) => [f.from, f.to, f.distance?.band]).sort()).toEqual([
      [addis.legalName, bergen.legalName, '4000-7999'],
      [bergen.legalName, kathmandu.legalName, '4000-7999'],
      [kathmandu.legalName, addis.legalName, '4000-7999'],
    ].sort());
    expect(round!.flows.find((f) => f.from === addis.legalName)!.distance!.km).toBe(6346);
    const budget = round!.budget!;
    expect(budget.problems).toBe(0);
    expect(budget.lines.filter((l) => l.kind === 'travel').every((l) => l.amountMinor !== null)).toBe(true);
    // The round's total is the partners' totals and the lines' amounts added up.
    expect(budget.totalMinor).toBe(sumMinor(budget.partners.map((p) => p.totalMinor)));
    expect(budget.totalMinor).toBe(sumMinor(budget.lines.map((l) => l.amountMinor ?? 0)));
    expect(budget.partners[0]!.organisationId).toBe(addis.id);
  });

  it('says a round has no budget without a published table, a travel line lacks its distance for an unmatched city, and strangers find nothing', async () => {
    const bergen = await placed('NO', 'Bergen', 'Høgskulen på Vestlandet');
    const unmatched = await createOrganisation(testDb.db, { countryCode: 'MW', city: 'Somewhere not on the map' });
    const programme = await createProgramme(testDb.db);
    await createUnitCostTable(testDb.db, { programmeId: programme.id, year: 2028 });
    const call = await createCall(testDb.db, { programmeId: programme.id, stage: 'round' });
    const application = await createApplication(testDb.db, {
      callId: call.id,
      partners: [bergen, unmatched],
      status: 'submitted',
      submittedAt: new Date(),
      flows: [
        { from: 0, to: 1, startMonth: '2028-02' },
        { from: 1, to: 0, startMonth: '2028-02' },
        { from: 0, to: 1, round: 2, startMonth: '2029-02' },
      ],
    });
    const adviser = await createUser(testDb.db, { agencyRoles: ['programme_adviser'] });
    const { rounds } = await getApplicationBudget(coreContext({ db: testDb.db, actor: adviser.actor }), { applicationId: application.id });
    expect(rounds.map((r) => [r.round, r.year, r.table === null])).toEqual([
      [1, 2028, false],
      [2, 2029, true],
    ]);
    expect(rounds[0]!.budget!.lines.filter((l) => l.kind === 'travel').map((l) => l.problem)).toEqual(['distanceUnknown', 'distanceUnknown']);
    expect(rounds[1]!.budget).toBeNull();
    const stranger = await createUser(testDb.db, { memberships: [{ organisationId: (await createOrganisation(testDb.db)).id, role: 'partner_coordinator' }] });
    await expect(getApplicationBudget(coreContext({ db: testDb.db, actor: stranger.actor }), { applicationId: application.id })).rejects.toBeInstanceOf(NotFoundError);
  });
});
