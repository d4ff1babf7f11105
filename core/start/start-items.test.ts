import { createApplication } from '../../db/factories/application-factory.ts';
import { createCall } from '../../db/factories/call-factory.ts';
import { appropriateYear } from '../finance/appropriate-year.ts';
import { agencyYear } from '../finance/budget-year.ts';
import { stageTranches } from '../../db/schema/disbursements.ts';
import { financialReports } from '../../db/schema/financial-reports.ts';
import { ledgerAccount } from '../finance/ledger-accounts.ts';
import { postLedgerEntry } from '../finance/post-ledger-entry.ts';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { planFlows } from '../../db/schema/applications.ts';
import { participants } from '../../db/schema/participants.ts';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createParticipant, createParticipantDocument, createParticipantReport } from '../../db/factories/participant-factory.ts';
import { createPartnership } from '../../db/factories/partnership-factory.ts';
import { createPartnershipStage } from '../../db/factories/partnership-stage-factory.ts';
import { createProgramme } from '../../db/factories/programme-factory.ts';
import { assignAdviser } from '../../db/factories/programme-adviser-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { reportIncident } from '../care/report-incident.ts';
import { coreContext } from '../context.ts';
import { UnauthenticatedError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { getStartItems } from './get-start-items.ts';
import { participantConsents } from '../../db/schema/participant-self.ts';
import { CONSENT_VERSION } from '../participants/participant-self.ts';
import { reportDueOn } from '../participants/report-due-dates.ts';

const testDb = useTestDatabase();
const now = () => new Date('2026-06-15T10:00:00Z');
const as = (actor: Actor) => coreContext({ db: testDb.db, actor, now });
const types = async (actor: Actor) => (await getStartItems(as(actor))).sections.flatMap((s) => s.items.map((i) => i.type)).sort();

async function world() {
  const kathmandu = await createOrganisation(testDb.db, { countryCode: 'NP' });
  const bergen = await createOrganisation(testDb.db, { countryCode: 'NO' });
  const programme = await createProgramme(testDb.db, { documents: ['Passport copy', 'Police certificate'] });
  const partnership = await createPartnership(testDb.db, { programmeId: programme.id, partners: [bergen, kathmandu] });
  // An approved round still running: Kathmandu sends two people to Bergen, Bergen one to Kathmandu.
  const stage = await createPartnershipStage(testDb.db, {
    partnership: { ...partnership, partners: [bergen, kathmandu] },
    kind: 'round',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    flows: [
      { from: 1, to: 0, participants: 2 },
      { from: 0, to: 1, participants: 1 },
    ],
  });
  const base = { partnershipId: partnership.id, stageId: stage.id, homeOrganisationId: kathmandu.id, hostOrganisationId: bergen.id, homeCountry: 'NP' };
  const nominee = await createParticipant(testDb.db, { ...base, status: 'nominated', hostDecision: 'pending', homeOrganisationId: bergen.id, hostOrganisationId: kathmandu.id });
  const accepted = await createParticipant(testDb.db, { ...base, status: 'nominated', hostDecision: 'accepted' });
  const preparing = await createParticipant(testDb.db, { ...base, status: 'preparing', startsOn: '2026-09-01', endsOn: '2027-02-28' });
  await createParticipantDocument(testDb.db, { participantId: preparing.id, kind: 'Passport copy', status: 'submitted' });
  await createParticipantDocument(testDb.db, { participantId: preparing.id, kind: 'Police certificate', status: 'returned' });
  // In placement since January: the arrival report is overdue, the mid-term one due.
  const away = await createParticipant(testDb.db, { ...base, status: 'in_placement', startsOn: '2026-01-05', endsOn: '2026-12-20', actualStartsOn: '2026-01-05' });
  await createParticipantReport(testDb.db, { participantId: away.id, kind: 'mid_term', status: 'submitted' });
  const coordinator = await createUser(testDb.db, { memberships: [{ organisationId: kathmandu.id, role: 'partner_coordinator' }] });
  const adviser = await createUser(testDb.db, { agencyRoles: ['programme_adviser'] });
  await assignAdviser(testDb.db, adviser.id, programme.id);
  const financeOfficer = await createUser(testDb.db, { agencyRoles: ['finance_officer'] });
  const preparingUser = await createUser(testDb.db, { participantIds: [preparing.id] });
  const awayUser = await createUser(testDb.db, { participantIds: [away.id] });
  await reportIncident(as(coordinator.actor), { participantId: away.id, kind: 'health', severity: 'high', description: 'Malaria', occurredOn: '2026-06-10', place: 'Bergen' });
  return { stage, bergen, kathmandu, coordinator, adviser, financeOfficer, preparingUser, awayUser, nominee, accepted, preparing, away };
}

describe('the start page: what needs each person now', () => {
  it('a coordinator: places to nominate, host answers, documents and reports to review, overdue reports', async () => {
    const w = await world();
    const start = await getStartItems(as(w.coordinator.actor));
    const items = start.sections.flatMap((s) => s.items);
    // Kathmandu's flow to Bergen plans two, and nobody is nominated against it yet.
    expect(items.filter((i) => i.type === 'nominate')).toEqual([expect.objectContaining({ count: 2, href: `/partnerships/${w.stage.partnershipId}/nominate` })]);
    expect(items).toContainEqual(expect.objectContaining({ type: 'hostDecision', href: `/participants/${w.nominee.id}` }));
    expect(items).toContainEqual(expect.objectContaining({ type: 'documentToReview', documentKind: 'Passport copy' }));
    expect(items).toContainEqual(expect.objectContaining({ type: 'reportToReview', reportKind: 'mid_term', href: `/participants/${w.away.id}/reports/mid_term` }));
    expect(items).toContainEqual(expect.objectContaining({ type: 'reportOverdue', reportKind: 'arrival' }));
    expect(start.total).toBe(items.length);
  });

  it('a coordinator with places left in a running round is asked to nominate', async () => {
    const w = await world();
    const bergenCoordinator = await createUser(testDb.db, { memberships: [{ organisationId: w.nominee.homeOrganisationId, role: 'partner_coordinator' }] });
    const items = (await getStartItems(as(bergenCoordinator.actor))).sections.flatMap((s) => s.items);
    // Bergen plans one to Kathmandu; once someone is nominated against that flow, none is left.
    expect(items.filter((i) => i.type === 'nominate')).toEqual([expect.objectContaining({ count: 1 })]);
    const [flow] = await testDb.db.select().from(planFlows).where(and(eq(planFlows.applicationId, w.stage.applicationId), eq(planFlows.sendingOrganisationId, w.nominee.homeOrganisationId)));
    await testDb.db.update(participants).set({ planFlowId: flow!.id }).where(eq(participants.id, w.nominee.id));
    expect(await types(bergenCoordinator.actor)).not.toContain('nominate');
    const lone = await createOrganisation(testDb.db, { countryCode: 'NO' });
    expect(await types((await createUser(testDb.db, { memberships: [{ organisationId: lone.id, role: 'partner_coordinator' }] })).actor)).toEqual([]);
  });

  it('an adviser: approvals waiting, open incidents, overdue reports', async () => {
    const w = await world();
    const items = (await getStartItems(as(w.adviser.actor))).sections.flatMap((s) => s.items);
    expect(items).toContainEqual(expect.objectContaining({ type: 'approve', href: `/participants/${w.accepted.id}` }));
    expect(items).toContainEqual(expect.objectContaining({ type: 'incident', severity: 'high' }));
    expect(items).toContainEqual(expect.objectContaining({ type: 'reportOverdue', href: `/participants/${w.away.id}/reports/arrival` }));
    expect(items.some((i) => i.participant && i.href.includes(w.nominee.id))).toBe(false);
  });

  it('overdue reports come as one item per participant, naming every kind owed and linking to the first', async () => {
    const w = await world();
    // Back home since June 2024 with nothing written: all four reports are owed.
    const back = await createParticipant(testDb.db, { partnershipId: w.stage.partnershipId, stageId: w.stage.id, homeOrganisationId: w.kathmandu.id, hostOrganisationId: w.bergen.id, homeCountry: 'NP', status: 'completed', startsOn: '2024-01-08', endsOn: '2024-06-28', actualStartsOn: '2024-01-08', actualEndsOn: '2024-06-28' });
    for (const actor of [w.coordinator.actor, w.adviser.actor]) {
      const items = (await getStartItems(as(actor))).sections.flatMap((s) => s.items).filter((i) => i.type === 'reportOverdue');
      expect(items.filter((i) => i.href.includes(back.id))).toEqual([expect.objectContaining({ href: `/participants/${back.id}/reports/arrival`, reportKind: 'arrival', reportKinds: ['arrival', 'mid_term', 'final', 'home_engagement'], count: 4 })]);
      expect(items.find((i) => i.href.includes(w.away.id))).toMatchObject({ reportKinds: ['arrival'], count: 1 });
    }
  });

  it('a participant: consent, documents missing or returned, the course, reports due', async () => {
    const w = await world();
    expect(await types(w.preparingUser.actor)).toEqual(['consent', 'course', 'documentReturned']);
    expect(await types(w.awayUser.actor)).toEqual(['reportDue']);
    // The arrival report fell due a month into the placement, long before today: the item carries its date and says it has passed.
    const [owed] = (await getStartItems(as(w.awayUser.actor))).sections.flatMap((s) => s.items);
    expect(owed).toMatchObject({ type: 'reportDue', reportKind: 'arrival', dueOn: reportDueOn('arrival', w.away)!, late: true });
    // The returned document links to its upload page by the checklist line's address.
    const items = (await getStartItems(as(w.preparingUser.actor))).sections.flatMap((s) => s.items);
    expect(items.find((i) => i.type === 'documentReturned')?.href).toBe('/exchange/documents/police-certificate');
    // Once the current consent text is agreed to, consent is no longer a step; withdrawn, it is again.
    const [given] = await testDb.db
      .insert(participantConsents)
      .values({ participantId: w.preparing.id, textVersion: CONSENT_VERSION, locale: 'en', consentedAt: new Date() })
      .returning();
    expect(await types(w.preparingUser.actor)).toEqual(['course', 'documentReturned']);
    await testDb.db.update(participantConsents).set({ withdrawnAt: new Date() }).where(eq(participantConsents.id, given!.id));
    expect(await types(w.preparingUser.actor)).toEqual(['consent', 'course', 'documentReturned']);
  });

  it('finance staff: calls that cannot pay for what waits, calls nearly spent, money not yet allocated; visitors must sign in', async () => {
    const w = await world();
    expect(await getStartItems(as(w.financeOfficer.actor))).toEqual({ sections: [], total: 0 });
    const [nepal, norway] = [await createOrganisation(testDb.db, { countryCode: 'NP' }), await createOrganisation(testDb.db, { countryCode: 'NO' })];
    const empty = await createCall(testDb.db, { title: 'Empty call', fundedMinor: 0 });
    const nearly = await createCall(testDb.db, { title: 'Nearly spent call', fundedMinor: 10_000_00 });
    for (const call of [empty, nearly]) await createApplication(testDb.db, { callId: call.id, partners: [nepal, norway], status: 'in_review', submittedAt: new Date() });
    await postLedgerEntry(testDb.db, as(w.financeOfficer.actor), { kind: 'commitment', year: 2026, amountMinor: 9_500_00, fromAccount: ledgerAccount.call(nearly.id), toAccount: ledgerAccount.stage(w.stage.id), callId: nearly.id, reason: '' });
    const year = agencyYear(now());
    await appropriateYear(as(w.financeOfficer.actor), { year, amountMinor: 2_000_000_00, reason: 'Revised budget' });
    const items = (await getStartItems(as(w.financeOfficer.actor))).sections.flatMap((s) => s.items);
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'callUnfunded', call: 'Empty call', count: 1, href: expect.stringContaining(`call=${empty.id}`) }),
        expect.objectContaining({ type: 'callNearlySpent', call: 'Nearly spent call', amountMinor: 500_00 }),
        expect.objectContaining({ type: 'yearUnallocated', year, amountMinor: 2_000_000_00 }),
      ]),
    );
    // Not for advisers or coordinators.
    expect((await getStartItems(as(w.adviser.actor))).sections.map((s) => s.kind)).not.toContain('finance');
    await expect(getStartItems(as({ kind: 'visitor' }))).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('finance staff: tranches to approve (the last one only once every partner’s report is approved), tranches to pay, reports to review', async () => {
    const w = await world();
    const { bergen, kathmandu } = w;
    const tranche = (number: number, condition: 'beforeDeparture' | 'afterFinalReport', status: 'planned' | 'approved') =>
      ({ stageId: w.stage.id, number, shareBasisPoints: 5000, amountMinor: 100_00, currency: 'NOK', condition, status }) as const;
    await testDb.db.insert(stageTranches).values([tranche(1, 'beforeDeparture', 'approved'), tranche(2, 'afterFinalReport', 'planned')]);
    const report = (organisationId: string, status: 'submitted' | 'approved') => ({ stageId: w.stage.id, organisationId, status, currency: 'NOK' });
    const [fromKathmandu] = await testDb.db.insert(financialReports).values(report(kathmandu.id, 'submitted')).returning();
    // The file's database is shared: earlier tests left calls behind, whose items are not this test's subject.
    const mine = new Set(['tranchesToApprove', 'tranchesToPay', 'financialReportsToReview']);
    const finance = async () => ((await getStartItems(as(w.financeOfficer.actor))).sections.find((s) => s.kind === 'finance')?.items ?? []).filter((i) => mine.has(i.type));
    expect(await finance()).toEqual([
      { type: 'financialReportsToReview', href: '/financial-reports?status=submitted', count: 1 },
      { type: 'tranchesToPay', href: '/finance/tranches?status=approved', count: 1 },
    ]);
    // Kathmandu's report approved, Bergen's not yet: the last tranche still waits.
    await testDb.db.update(financialReports).set({ status: 'approved' }).where(eq(financialReports.id, fromKathmandu!.id));
    expect((await finance()).map((i) => i.type)).toEqual(['tranchesToPay']);
    await testDb.db.insert(financialReports).values(report(bergen.id, 'approved'));
    expect(await finance()).toEqual([
      { type: 'tranchesToPay', href: '/finance/tranches?status=approved', count: 1 },
      { type: 'tranchesToApprove', href: '/finance/tranches?status=planned', count: 1 },
    ]);
  });
});
