import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { deriveShape } from '../../core/partnerships/derive-shape.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { organisations } from '../schema/organisations.ts';
import { participants, participantStatusHistory, PARTICIPANT_STATUSES } from '../schema/participants.ts';
import { partnershipPartners, partnerships } from '../schema/partnerships.ts';
import { programmes } from '../schema/programmes.ts';
import { seedDemoData } from './seed-demo-data.ts';
import { DEMO_FINANCE_JOURNEY } from './demo-finance-journey.ts';
import { applications } from '../schema/applications.ts';
import { calls } from '../schema/calls.ts';
import { ledgerEntries } from '../schema/ledger.ts';
import { createUser } from '../factories/user-factory.ts';
import { coreContext } from '../../core/context.ts';
import { getApplicationBudget } from '../../core/unit-costs/get-application-budget.ts';

const testDb = useTestDatabase();

describe('seedDemoData', () => {
  it('loads an agency, three programmes, 15–25 organisations in ten countries and a dozen partnerships of every shape', async () => {
    expect(await seedDemoData(testDb.db)).toEqual({ seeded: true });

    const progs = await testDb.db.select({ code: programmes.code }).from(programmes);
    expect(progs.map((p) => p.code).sort()).toEqual(['health', 'professional', 'volunteer-youth']);

    const orgs = await testDb.db.select().from(organisations);
    expect(orgs.length).toBeGreaterThanOrEqual(15);
    expect(orgs.length).toBeLessThanOrEqual(25);
    expect(new Set(orgs.map((o) => o.countryCode))).toEqual(
      new Set(['NO', 'NP', 'ET', 'MW', 'UG', 'TZ', 'BO', 'GT', 'BD', 'ID']),
    );

    // Every city matched to its place in the GeoNames list, as registering does.
    expect(orgs.filter((o) => o.cityId === null || o.latitude === null || o.longitude === null).map((o) => o.city)).toEqual([]);
    const placeOf = (city: string) => orgs.find((o) => o.city === city)?.matchedCityName;
    expect(['Addis Ababa', 'Bergen', 'Kathmandu', 'Førde', 'Lilongwe', 'Cochabamba', 'Quetzaltenango', 'Pātan'].map(placeOf)).toEqual([
      'Addis Ababa',
      'Bergen',
      'Kathmandu',
      'Førde',
      'Lilongwe',
      'Cochabamba',
      'Quetzaltenango',
      'Pātan',
    ]);

    const ships = await testDb.db.select().from(partnerships);
    expect(ships.length).toBeGreaterThanOrEqual(12);
    expect(new Set(ships.map((p) => p.shape))).toEqual(new Set(['north_south', 'south_south', 'triangular']));
  });

  it('stores each partnership with the shape its partners’ countries give', async () => {
    const rows = await testDb.db
      .select({ id: partnerships.id, shape: partnerships.shape, country: organisations.countryCode })
      .from(partnerships)
      .innerJoin(partnershipPartners, sql`${partnershipPartners.partnershipId} = ${partnerships.id}`)
      .innerJoin(organisations, sql`${organisations.id} = ${partnershipPartners.organisationId}`);
    const byPartnership = new Map<string, typeof rows>();
    for (const row of rows) byPartnership.set(row.id, [...(byPartnership.get(row.id) ?? []), row]);
    expect(byPartnership.size).toBeGreaterThanOrEqual(12);
    for (const partnerRows of byPartnership.values()) {
      expect(deriveShape(partnerRows.map((r) => r.country))).toBe(partnerRows[0]!.shape);
    }
  });

  it('makes every partner of a partnership that has exchanged people both a sender and a host (the reciprocity rule)', async () => {
    const rows = await testDb.db
      .select({
        partnershipId: partnershipPartners.partnershipId,
        organisationId: partnershipPartners.organisationId,
        // Written out with aliases: drizzle leaves columns unqualified inside sql``, which in a subquery would compare
        // participants' columns with themselves and count everyone.
        sent: sql<number>`(select count(*)::int from participants p where p.partnership_id = partnership_partners.partnership_id and p.home_organisation_id = partnership_partners.organisation_id)`,
        hosted: sql<number>`(select count(*)::int from participants p where p.partnership_id = partnership_partners.partnership_id and p.host_organisation_id = partnership_partners.organisation_id)`,
      })
      .from(partnershipPartners);
    // Partnerships still before their first exchange (the agreement-chain and finance demos' newer ones) have nobody yet.
    const exchanging = new Set(rows.filter((r) => r.sent + r.hosted > 0).map((r) => r.partnershipId));
    expect(exchanging.size).toBeGreaterThanOrEqual(12);
    for (const row of rows.filter((r) => exchanging.has(r.partnershipId))) {
      expect(row.sent, `organisation ${row.organisationId} sends`).toBeGreaterThan(0);
      expect(row.hosted, `organisation ${row.organisationId} hosts`).toBeGreaterThan(0);
    }
  });

  it('puts the participants along the lifecycle, consistent with their dates, each with a status history', async () => {
    const rows = await testDb.db.select().from(participants);
    const statuses = new Set(rows.map((p) => p.status));
    for (const s of ['nominated', 'in_placement', 'alumni']) expect(statuses).toContain(s);
    expect(statuses.size).toBeGreaterThanOrEqual(5);
    for (const p of rows) {
      expect(PARTICIPANT_STATUSES).toContain(p.status);
      expect(p.email).toMatch(/@example\.org$/);
      expect(p.residenceCountry).toBe(p.nationality);
      if (['in_placement', 'returned', 'completed', 'alumni', 'ended_early'].includes(p.status)) expect(p.actualStartsOn, p.status).not.toBeNull();
      else expect(p.actualStartsOn, p.status).toBeNull();
      if (p.status === 'ended_early') expect(p.statusReason).toBeTruthy();
    }
    const nominations = rows.filter((p) => p.status === 'nominated');
    expect(nominations.map((p) => [p.givenName, p.hostDecision, p.overPlan, p.planFlowId !== null]).sort()).toEqual([
      ['Bikash', 'accepted', true, true],
      ['Manisha', 'pending', expect.any(Boolean), true],
    ]);
    const withHistory = await testDb.db.selectDistinct({ id: participantStatusHistory.participantId }).from(participantStatusHistory);
    expect(withHistory.length).toBe(rows.length);
  });

  it('does nothing on the second start', async () => {
    const before = await testDb.db.select({ n: sql<number>`count(*)::int` }).from(participants);
    expect(await seedDemoData(testDb.db)).toEqual({ seeded: false });
    const after = await testDb.db.select({ n: sql<number>`count(*)::int` }).from(participants);
    expect(after).toEqual(before);
  });

  it('backs every call and every granted stage with money in the ledger, and no account goes below zero', async () => {
    const rows = (q: ReturnType<typeof sql>) => testDb.db.execute(q).then((r) => (r as unknown as { rows: Record<string, unknown>[] }).rows);
    const negative = await rows(sql`
      select account, sum(n) as balance from (
        select to_account as account, amount_minor as n from ledger_entries
        union all select from_account, -amount_minor from ledger_entries) flows
      where account <> 'parliament' group by account having sum(n) < 0`);
    expect(negative).toEqual([]);
    const uncommitted = await rows(sql`select s.id from partnership_stages s where not exists (select 1 from ledger_entries e where e.stage_id = s.id and e.kind = 'commitment')`);
    expect(uncommitted).toEqual([]);
    const [calls] = await rows(sql`select count(*)::int as all, count(*) filter (where exists (select 1 from ledger_entries e where e.to_account = 'call:' || c.id))::int as funded from calls c`);
    // Two calls are left without money on purpose: the newest, and the finance journey's (db/seed/demo-finance-journey.ts).
    expect(calls).toMatchObject({ funded: Number(calls!.all) - 2 });
  });

  it('prepares the finance journey: an unfunded round call with the triangular Addis Ababa–Bergen–Kathmandu round in review, budgeted from real distances', async () => {
    const [application] = await testDb.db.select().from(applications).where(eq(applications.title, `${DEMO_FINANCE_JOURNEY.triangular}: round 1`));
    expect(application).toMatchObject({ status: 'in_review', shape: 'triangular' });
    const adviser = await createUser(testDb.db, { agencyRoles: ['programme_adviser'] });
    const { rounds: [round] } = await getApplicationBudget(coreContext({ db: testDb.db, actor: adviser.actor }), { applicationId: application!.id });
    expect(round!.budget).not.toBeNull();
    expect(round!.budget!.problems).toBe(0);
    expect(round!.flows.map((f) => [f.from, f.to, f.distance?.band]).sort()).toEqual([
      ['Addis Ababa College of Nursing', 'Bergen Kystsjukehus', '4000-7999'],
      ['Bergen Kystsjukehus', 'Kathmandu Model Hospital', '4000-7999'],
      ['Kathmandu Model Hospital', 'Addis Ababa College of Nursing', '4000-7999'],
    ].sort());
    const [call] = await testDb.db.select().from(calls).where(eq(calls.title, DEMO_FINANCE_JOURNEY.call));
    const inflow = await testDb.db.select().from(ledgerEntries).where(eq(ledgerEntries.toAccount, `call:${call!.id}`));
    expect(inflow).toEqual([]);
  });

  it('plans every granted stage’s tranches to add up to its commitment, pays the first of those started, and passes some on', async () => {
    const rows = (q: ReturnType<typeof sql>) => testDb.db.execute(q).then((r) => (r as unknown as { rows: Record<string, unknown>[] }).rows);
    const unequal = await rows(sql`
      select s.id from partnership_stages s
      where s.amount_ceiling_minor <> coalesce((select sum(t.amount_minor) from stage_tranches t where t.stage_id = s.id), -1)`);
    expect(unequal).toEqual([]);
    const [paid] = await rows(sql`select count(*)::int as n, count(*) filter (where t.bank_reference like 'DNB %' and t.ledger_entry_id is not null)::int as referenced from stage_tranches t where t.status = 'paid'`);
    expect(Number(paid!.n)).toBeGreaterThan(3);
    expect(paid!.referenced).toBe(paid!.n);
    const [onward] = await rows(sql`select count(*)::int as n from ledger_entries where document_type = 'onward'`);
    expect(Number(onward!.n)).toBeGreaterThan(0);
  });
});
