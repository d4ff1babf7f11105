import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApplication } from '../../db/factories/application-factory.ts';
import { createCall } from '../../db/factories/call-factory.ts';
import { createFinancialReport } from '../../db/factories/financial-report-factory.ts';
import { createOrganisation } from '../../db/factories/organisation-factory.ts';
import { createProgramme } from '../../db/factories/programme-factory.ts';
import { createUnitCostTable } from '../../db/factories/unit-cost-factory.ts';
import { createUser } from '../../db/factories/user-factory.ts';
import { planFlows } from '../../db/schema/applications.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { callCriteria, calls } from '../../db/schema/calls.ts';
import { stageTranches } from '../../db/schema/disbursements.ts';
import { ledgerEntries } from '../../db/schema/ledger.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { useTestDatabase } from '../../tests/support/test-database.ts';
import { approveApplication } from '../applications/approve-application.ts';
import { scoreApplication } from '../applications/score-application.ts';
import { addMonths } from '../applications/stage-period.ts';
import { coreContext } from '../context.ts';
import { FieldProblemsError, ForbiddenError, NotFoundError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { encodeCursor } from '../pagination/keyset-cursor.ts';
import { programmeInput } from '../programmes/programme-input.ts';
import { accountBalance } from './account-balance.ts';
import { approveTranche } from './approve-tranche.ts';
import { FundsShortError } from './funds-short-error.ts';
import { getStagePayments } from './get-stage-payments.ts';
import { getTranche } from './get-tranche.ts';
import { ledgerAccount } from './ledger-accounts.ts';
import { listTranches } from './list-tranches.ts';
import { payTranche } from './pay-tranche.ts';
import { planTranches } from './plan-stage-tranches.ts';
import { recordOnwardPayment } from './record-onward-payment.ts';
import { recordTrancheRefund } from './record-tranche-refund.ts';

const testDb = useTestDatabase();
const NOK = (kroner: number) => kroner * 100;
const as = (actor: Actor) => coreContext({ db: testDb.db, actor });

/** A stage granted through approval (so its tranches are planned as grantStage plans them), with its people. */
async function grantedStage({ shares, amount = 1_000_000 }: { shares?: number[]; amount?: number } = {}) {
  const db = testDb.db;
  const finance = await createUser(db, { agencyRoles: ['finance_officer'], name: 'Ingrid Solheim' });
  const adviser = await createUser(db, { agencyRoles: ['programme_adviser'] });
  const programme = await createProgramme(db, shares ? { trancheSharesBasisPoints: shares } : {});
  const call = await createCall(db, { programmeId: programme.id, budgetCeilingMinor: NOK(5_000_000) });
  const norway = await createOrganisation(db, { countryCode: 'NO', legalName: 'Haukeland universitetssjukehus' });
  const nepal = await createOrganisation(db, { countryCode: 'NP', legalName: 'Dhulikhel Hospital' });
  const application = await createApplication(db, { callId: call.id, partners: [norway, nepal], status: 'in_review', submittedAt: new Date() });
  const criteria = await db.select({ id: callCriteria.id }).from(callCriteria).where(eq(callCriteria.callId, call.id));
  await scoreApplication(as(adviser.actor), { applicationId: application.id, scores: Object.fromEntries(criteria.map((c) => [c.id, 4])) });
  const [callRow] = await db.select().from(calls).where(eq(calls.id, call.id));
  const end = new Date(`${addMonths(callRow!.opensOn, 24)}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() - 1);
  await approveApplication(as(adviser.actor), { applicationId: application.id, startsOn: callRow!.opensOn, endsOn: end.toISOString().slice(0, 10), amount });
  const [stage] = await db.select().from(partnershipStages).where(eq(partnershipStages.applicationId, application.id));
  const tranches = await db.select().from(stageTranches).where(eq(stageTranches.stageId, stage!.id)).orderBy(stageTranches.number);
  const coordinator = await createUser(db, { memberships: [{ organisationId: norway.id, role: 'partner_finance' }] });
  const partner = await createUser(db, { memberships: [{ organisationId: nepal.id, role: 'partner_coordinator' }] });
  const stranger = await createUser(db, { memberships: [{ organisationId: (await createOrganisation(db)).id, role: 'partner_coordinator' }] });
  return { db, finance, adviser, programme, call, norway, nepal, application, stage: stage!, tranches, coordinator, partner, stranger };
}
type World = Awaited<ReturnType<typeof grantedStage>>;

const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Oslo' });
async function payFirst(w: World) {
  const first = w.tranches[0]!;
  const approved = await approveTranche(as(w.finance.actor), { trancheId: first.id, version: first.version });
  return payTranche(as(w.finance.actor), { trancheId: first.id, paidOn: today(), bankReference: '  DNB 2025-04-12 / 7781.05.12345 ', version: approved.tranche.version });
}
async function approveReports(w: World, actualKroner: [number, number]) {
  await createFinancialReport(w.db, { stageId: w.stage.id, organisationId: w.norway.id, status: 'approved', lines: [{ kind: 'other', label: 'Costs', budgetMinor: NOK(actualKroner[0]), actualMinor: NOK(actualKroner[0]) }] });
  await createFinancialReport(w.db, { stageId: w.stage.id, organisationId: w.nepal.id, status: 'approved', lines: [{ kind: 'other', label: 'Costs', budgetMinor: NOK(actualKroner[1]), actualMinor: NOK(actualKroner[1]) }] });
}

describe('planning tranches', () => {
  it('splits any amount by any shares into tranches that add up exactly, the last after the final report', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 }), (amount, weights) => {
        // Shares that add up to 10,000: the weights scaled, the rest on the first.
        const total = weights.reduce((a, b) => a + b, 0);
        const shares = weights.map((w) => Math.floor((w * 10_000) / total));
        shares[0]! += 10_000 - shares.reduce((a, b) => a + b, 0);
        const planned = planTranches(amount, shares);
        expect(planned.reduce((a, t) => a + t.amountMinor, 0)).toBe(amount);
        expect(planned.map((t) => t.number)).toEqual(shares.map((_, i) => i + 1));
        expect(planned.filter((t) => t.condition === 'afterFinalReport')).toHaveLength(shares.length > 1 ? 1 : 0);
        if (shares.length > 1) expect(planned.at(-1)!.condition).toBe('afterFinalReport');
      }),
    );
    expect(planTranches(NOK(1_000_000) + 1, [3333, 3333, 3334]).map((t) => t.amountMinor)).toEqual([33_330_000, 33_330_000, 33_340_001]);
  });

  it('plans 80/20 by default when a stage is granted, in the approval’s transaction', async () => {
    const w = await grantedStage();
    expect(w.tranches.map((t) => [t.number, t.shareBasisPoints, t.amountMinor, t.condition, t.status])).toEqual([
      [1, 8000, NOK(800_000), 'beforeDeparture', 'planned'],
      [2, 2000, NOK(200_000), 'afterFinalReport', 'planned'],
    ]);
    const audits = await w.db.select().from(auditLog).where(eq(auditLog.recordId, w.stage.id));
    expect(audits.map((a) => a.action)).toContain('stage.tranches-planned');
  });

  it('plans the programme’s own shares, and a single share as one tranche before departure', async () => {
    const three = await grantedStage({ shares: [5000, 3000, 2000], amount: 999_999 });
    expect(three.tranches.map((t) => [t.amountMinor, t.condition])).toEqual([
      [49_999_950, 'beforeDeparture'],
      [29_999_970, 'beforeDeparture'],
      [19_999_980, 'afterFinalReport'],
    ]);
    const one = await grantedStage({ shares: [10_000] });
    expect(one.tranches.map((t) => [t.amountMinor, t.condition])).toEqual([[NOK(1_000_000), 'beforeDeparture']]);
  });

  it('reads the programme form’s shares and threshold in percent, every wrong value at once', () => {
    const form = { code: 'health', name: 'Health', minAge: '22', maxAge: '40', stayMonths: ['12'], allowedShapes: ['north_south'], documents: '' };
    expect(programmeInput.parse({ ...form, trancheShares: '70, 20 ,10', varianceThreshold: '12,5' })).toMatchObject({ trancheShares: [7000, 2000, 1000], varianceThreshold: 1250 });
    expect(programmeInput.parse({ ...form, trancheShares: '', varianceThreshold: '' })).toMatchObject({ trancheShares: undefined, varianceThreshold: undefined });
    const refused = programmeInput.safeParse({ ...form, name: '', trancheShares: '80, 30', varianceThreshold: '101' });
    expect(Object.fromEntries(refused.error!.issues.map((i) => [i.path[0], i.message]))).toEqual({ name: 'required', trancheShares: 'trancheSharesSum', varianceThreshold: 'varianceThreshold' });
    for (const wrong of ['80, 20.5', '100, 0', 'eighty', '80,,20']) expect(programmeInput.safeParse({ ...form, trancheShares: wrong }).error!.issues[0]!.message).toBe('trancheShares');
  });
});

describe('approving and paying tranches', () => {
  it('pays an approved tranche to the coordinating partner through the ledger, versioned and audited', async () => {
    const w = await grantedStage();
    const first = w.tranches[0]!;
    // Not approved yet: nothing to pay.
    await expect(payTranche(as(w.finance.actor), { trancheId: first.id, paidOn: today(), bankReference: 'X', version: first.version })).rejects.toMatchObject({ code: 'trancheNotApproved', status: 409 });
    const approved = await approveTranche(as(w.finance.actor), { trancheId: first.id, version: first.version });
    expect(approved.tranche).toMatchObject({ status: 'approved', approvedByLabel: w.finance.email, version: first.version + 1 });
    // The same form twice: stale.
    await expect(approveTranche(as(w.finance.actor), { trancheId: first.id, version: first.version })).rejects.toMatchObject({ code: 'staleEdit', status: 409 });
    // Every wrong value at once.
    const refused = await payTranche(as(w.finance.actor), { trancheId: first.id, paidOn: '2999-01-01', bankReference: ' ', version: 2 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(FieldProblemsError);
    expect((refused as FieldProblemsError).problems.map((p) => [p.field, p.code])).toEqual([
      ['bankReference', 'giveBankReference'],
      ['paidOn', 'dateInFuture'],
    ]);
    expect(((await payTranche(as(w.finance.actor), { trancheId: first.id, paidOn: '31.12.2025', bankReference: 'x'.repeat(101), version: 2 }).catch((e: unknown) => e)) as FieldProblemsError).problems.map((p) => p.code)).toEqual(['chooseDate', 'tooLong']);
    const done = await payTranche(as(w.finance.actor), { trancheId: first.id, paidOn: today(), bankReference: '  DNB 2025-04-12 / 7781.05.12345 ', version: 2 });
    expect(done).toMatchObject({ status: 'paid', paidOn: today(), bankReference: 'DNB 2025-04-12 / 7781.05.12345', paidByLabel: w.finance.email, version: 3 });
    const [entry] = await w.db.select().from(ledgerEntries).where(eq(ledgerEntries.id, done.ledgerEntryId!));
    expect(entry).toMatchObject({ kind: 'disbursement', amountMinor: NOK(800_000), fromAccount: ledgerAccount.stage(w.stage.id), toAccount: ledgerAccount.partner(w.norway.id, w.stage.id), documentType: 'tranche', documentRef: first.id, stageId: w.stage.id });
    expect(await accountBalance(w.db, ledgerAccount.stage(w.stage.id))).toBe(NOK(200_000));
    const audits = await w.db.select().from(auditLog).where(eq(auditLog.recordId, first.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['tranche.approved', 'tranche.paid']);
    // Advisers read, but neither approve nor pay.
    await expect(approveTranche(as(w.adviser.actor), { trancheId: w.tranches[1]!.id, version: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getTranche(as(w.adviser.actor), { trancheId: first.id })).tranche.ledgerEntryId).toBe(entry!.id);
    const listed = await listTranches(as(w.adviser.actor), { status: 'paid' });
    expect(listed.tranches.find((t) => t.id === first.id)).toMatchObject({ coordinator: { name: 'Haukeland universitetssjukehus' }, bankReference: 'DNB 2025-04-12 / 7781.05.12345' });
  });

  it('approves the last tranche only once every partner’s financial report is approved, and after the earlier ones are paid', async () => {
    const w = await grantedStage();
    const last = w.tranches[1]!;
    await expect(approveTranche(as(w.finance.actor), { trancheId: last.id, version: last.version })).rejects.toMatchObject({ code: 'finalReportsNotApproved', status: 409, params: { approved: 0, partners: 2 } });
    await createFinancialReport(w.db, { stageId: w.stage.id, organisationId: w.norway.id, status: 'approved', lines: [{ kind: 'other', label: 'Costs', budgetMinor: NOK(500_000), actualMinor: NOK(500_000) }] });
    await createFinancialReport(w.db, { stageId: w.stage.id, organisationId: w.nepal.id, status: 'submitted', lines: [{ kind: 'other', label: 'Costs', budgetMinor: NOK(400_000), actualMinor: NOK(400_000) }] });
    await expect(approveTranche(as(w.finance.actor), { trancheId: last.id, version: last.version })).rejects.toMatchObject({ code: 'finalReportsNotApproved', params: { approved: 1, partners: 2 } });
    expect((await getTranche(as(w.finance.actor), { trancheId: last.id })).waitsFor).toBe('finalReports');
    await createFinancialReport(w.db, { stageId: w.stage.id, organisationId: (await createOrganisation(w.db)).id, status: 'approved' });
    const other = await grantedStage();
    await approveReports(other, [500_000, 400_000]);
    await expect(approveTranche(as(other.finance.actor), { trancheId: other.tranches[1]!.id, version: 1 })).rejects.toMatchObject({ code: 'earlierTranchesUnpaid', status: 409 });
  });

  it('settles the stage on the last tranche: pays what was spent beyond the first, and releases the rest to the call', async () => {
    const w = await grantedStage();
    await payFirst(w);
    await approveReports(w, [500_000, 400_000]);
    const callBefore = await accountBalance(w.db, ledgerAccount.call(w.call.id));
    const last = w.tranches[1]!;
    const settled = await approveTranche(as(w.finance.actor), { trancheId: last.id, version: last.version });
    expect(settled).toMatchObject({ releasedMinor: NOK(100_000), refundOwedMinor: 0, tranche: { status: 'approved', amountMinor: NOK(100_000) } });
    const [release] = await w.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.kind, 'release'), eq(ledgerEntries.stageId, w.stage.id)));
    expect(release).toMatchObject({ amountMinor: NOK(100_000), fromAccount: ledgerAccount.stage(w.stage.id), toAccount: ledgerAccount.call(w.call.id), documentRef: last.id });
    expect(await accountBalance(w.db, ledgerAccount.call(w.call.id))).toBe(callBefore + NOK(100_000));
    const paid = await payTranche(as(w.finance.actor), { trancheId: last.id, paidOn: today(), bankReference: 'DNB 2026-09-01 / 7781.05.22222', version: settled.tranche.version });
    expect(paid.status).toBe('paid');
    expect(await accountBalance(w.db, ledgerAccount.stage(w.stage.id))).toBe(0);
    expect((await getTranche(as(w.finance.actor), { trancheId: last.id })).settlement).toMatchObject({ settled: true, paidMinor: NOK(900_000), refundOwedMinor: 0 });
  });

  it('owes a refund when less was spent than paid, and records it back to the call, never more than owed', async () => {
    const w = await grantedStage();
    await payFirst(w);
    await approveReports(w, [400_000, 300_000]);
    const last = w.tranches[1]!;
    const settled = await approveTranche(as(w.finance.actor), { trancheId: last.id, version: last.version });
    // Nothing left to pay: recorded as paid at once, with no ledger entry; the whole rest goes back to the call.
    expect(settled).toMatchObject({ releasedMinor: NOK(200_000), refundOwedMinor: NOK(100_000), tranche: { status: 'paid', amountMinor: 0, ledgerEntryId: null } });
    const seen = await getStagePayments(as(w.coordinator.actor), { partnershipId: w.stage.partnershipId, stageId: w.stage.id });
    expect(seen.refundOwedMinor).toBe(NOK(100_000));
    await expect(recordTrancheRefund(as(w.finance.actor), { trancheId: last.id, amountMinor: NOK(100_001), receivedOn: today(), bankReference: 'DNB 2027-01-05 / 1' })).rejects.toMatchObject({ code: 'refundAboveOwed', params: { owed: 100_000, currency: 'NOK' } });
    const callBefore = await accountBalance(w.db, ledgerAccount.call(w.call.id));
    const { refund, release, owedMinor } = await recordTrancheRefund(as(w.finance.actor), { trancheId: last.id, amountMinor: NOK(60_000), receivedOn: today(), bankReference: 'DNB 2027-01-05 / 1' });
    expect(refund).toMatchObject({ kind: 'refund', fromAccount: ledgerAccount.partner(w.norway.id, w.stage.id), toAccount: ledgerAccount.stage(w.stage.id), amountMinor: NOK(60_000) });
    expect(release).toMatchObject({ kind: 'release', fromAccount: ledgerAccount.stage(w.stage.id), toAccount: ledgerAccount.call(w.call.id) });
    expect(owedMinor).toBe(NOK(40_000));
    expect(await accountBalance(w.db, ledgerAccount.call(w.call.id))).toBe(callBefore + NOK(60_000));
    expect((await getTranche(as(w.finance.actor), { trancheId: last.id })).settlement.refundOwedMinor).toBe(NOK(40_000));
  });
});

describe('the tranche list', () => {
  it('filters by status and budget year and pages through every tranche once, in order, under each combination', async () => {
    const first = await grantedStage();
    const second = await grantedStage();
    // The second stage's call opens a year earlier: its money is another budget year's.
    const [call] = await first.db.select({ opensOn: calls.opensOn }).from(calls).where(eq(calls.id, second.call.id));
    const earlier = `${Number(call!.opensOn.slice(0, 4)) - 1}${call!.opensOn.slice(4)}`;
    await first.db.update(calls).set({ opensOn: earlier }).where(eq(calls.id, second.call.id));
    // 60 more tranches on each stage, approved and planned in turn: more than a page under every filter.
    for (const w of [first, second]) {
      await w.db.insert(stageTranches).values(
        Array.from({ length: 60 }, (_, i) => ({ stageId: w.stage.id, number: i + 3, shareBasisPoints: 0, amountMinor: 0, currency: 'NOK', condition: w.tranches[0]!.condition, status: i % 2 ? ('approved' as const) : ('planned' as const) })),
      );
    }
    const all = await first.db
      .select({ id: stageTranches.id, status: stageTranches.status, number: stageTranches.number, startsOn: partnershipStages.startsOn, stageId: stageTranches.stageId })
      .from(stageTranches)
      .innerJoin(partnershipStages, eq(partnershipStages.id, stageTranches.stageId));
    const rank = { planned: 0, approved: 1, paid: 2 } as const;
    const years = { [first.stage.id]: Number((await first.db.select({ opensOn: calls.opensOn }).from(calls).where(eq(calls.id, first.call.id)))[0]!.opensOn.slice(0, 4)), [second.stage.id]: Number(earlier.slice(0, 4)) };
    for (const status of [undefined, 'approved' as const]) {
      for (const year of [undefined, years[second.stage.id]!]) {
        const expected = all
          .filter((t) => (!status || t.status === status) && (!year || years[t.stageId] === year))
          .sort((a, b) => rank[a.status] - rank[b.status] || a.startsOn.localeCompare(b.startsOn) || a.number - b.number || a.id.localeCompare(b.id));
        const seen: string[] = [];
        let after: string | undefined;
        do {
          const page = await listTranches(as(first.finance.actor), { status, year, after });
          expect(page.total).toBe(expected.length);
          expect(page.tranches.length).toBeLessThanOrEqual(50);
          seen.push(...page.tranches.map((t) => t.id));
          after = page.next ?? undefined;
        } while (after);
        expect(seen).toEqual(expected.map((t) => t.id));
        // A cursor at the last tranche: no rows, the total still counted.
        const last = expected.at(-1)!;
        const past = await listTranches(as(first.finance.actor), { status, year, after: encodeCursor(`${rank[last.status]}|${last.startsOn}|${last.number}`, last.id) });
        expect(past).toEqual({ tranches: [], total: expected.length, next: null });
      }
    }
  });
});

describe('onward payments', () => {
  it('shows the coordinating partner what it owes each partner by the budget’s shares, and never passes on more than it holds', async () => {
    const w = await grantedStage();
    const [flow] = await w.db.select({ startMonth: planFlows.startMonth }).from(planFlows).where(eq(planFlows.applicationId, w.application.id));
    await createUnitCostTable(w.db, { programmeId: w.programme.id, year: Number(flow!.startMonth.slice(0, 4)) });
    await payFirst(w);
    const ids = { partnershipId: w.stage.partnershipId, stageId: w.stage.id };
    const before = await getStagePayments(as(w.coordinator.actor), ids);
    expect(before).toMatchObject({ receivedMinor: NOK(800_000), holdsMinor: NOK(800_000), sharesKnown: true, canRecordOnward: true });
    const nepal = before.partners.find((p) => p.organisationId === w.nepal.id)!;
    const norway = before.partners.find((p) => p.organisationId === w.norway.id)!;
    expect(nepal.shareBasisPoints! + norway.shareBasisPoints!).toBeGreaterThanOrEqual(9_999);
    expect(nepal.owedOnwardMinor).toBe(nepal.dueMinor);
    expect(nepal.dueMinor).toBeGreaterThan(0);

    await recordOnwardPayment(as(w.coordinator.actor), { ...ids, organisationId: w.nepal.id, amountMinor: NOK(300_000), paidOn: today(), reference: 'DNB 2025-05-02 / 1234' });
    const after = await getStagePayments(as(w.coordinator.actor), ids);
    expect(after.holdsMinor).toBe(NOK(500_000));
    expect(after.partners.find((p) => p.organisationId === w.nepal.id)).toMatchObject({ passedOnMinor: NOK(300_000), owedOnwardMinor: Math.max(0, nepal.dueMinor! - NOK(300_000)) });
    expect(after.payments).toMatchObject([{ organisationId: w.nepal.id, amountMinor: NOK(300_000), paidOn: today(), reference: 'DNB 2025-05-02 / 1234' }]);
    const [entry] = await w.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.documentType, 'onward'), eq(ledgerEntries.stageId, w.stage.id)));
    expect(entry).toMatchObject({ kind: 'disbursement', fromAccount: ledgerAccount.partner(w.norway.id, w.stage.id), toAccount: ledgerAccount.partner(w.nepal.id, w.stage.id) });

    // More than the account holds, to itself, or nothing sensible: refused.
    const short = await recordOnwardPayment(as(w.coordinator.actor), { ...ids, organisationId: w.nepal.id, amountMinor: NOK(500_001), paidOn: today(), reference: 'R' }).catch((e: unknown) => e);
    expect(short).toBeInstanceOf(FundsShortError);
    expect(short).toMatchObject({ field: 'amountMinor', leftMinor: NOK(500_000) });
    await expect(recordOnwardPayment(as(w.coordinator.actor), { ...ids, organisationId: w.norway.id, amountMinor: 1, paidOn: today(), reference: 'R' })).rejects.toMatchObject({ code: 'notOnwardPartner', field: 'organisationId' });
    const all = (await recordOnwardPayment(as(w.coordinator.actor), { ...ids, organisationId: 'nobody', amountMinor: -5, paidOn: '', reference: '' }).catch((e: unknown) => e)) as FieldProblemsError;
    expect(all.problems.map((p) => p.field)).toEqual(['organisationId', 'amountMinor', 'paidOn', 'reference']);

    // The other partner sees what it received, and only its own line.
    const theirs = await getStagePayments(as(w.partner.actor), ids);
    expect(theirs).toMatchObject({ receivedMinor: null, canRecordOnward: false });
    expect(theirs.partners).toMatchObject([{ organisationId: w.nepal.id, receivedMinor: NOK(300_000) }]);
    await expect(recordOnwardPayment(as(w.partner.actor), { ...ids, organisationId: w.nepal.id, amountMinor: 1, paidOn: today(), reference: 'R' })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('is not found for another organisation’s staff, a participant, or a stage of another partnership', async () => {
    const w = await grantedStage();
    const ids = { partnershipId: w.stage.partnershipId, stageId: w.stage.id };
    await expect(getStagePayments(as(w.stranger.actor), ids)).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordOnwardPayment(as(w.stranger.actor), { ...ids, organisationId: w.nepal.id, amountMinor: 1, paidOn: today(), reference: 'R' })).rejects.toBeInstanceOf(NotFoundError);
    const participant = await createUser(w.db, { participantIds: [] });
    await expect(getStagePayments(as(participant.actor), ids)).rejects.toBeInstanceOf(NotFoundError);
    const other = await grantedStage();
    await expect(getStagePayments(as(w.finance.actor), { partnershipId: other.stage.partnershipId, stageId: w.stage.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getStagePayments(as(w.finance.actor), { partnershipId: 'x', stageId: w.stage.id })).rejects.toBeInstanceOf(NotFoundError);
    // The agency's finance readers see it all.
    expect((await getStagePayments(as(w.adviser.actor), ids)).partners).toHaveLength(2);
    await expect(getTranche(as(w.coordinator.actor), { trancheId: w.tranches[0]!.id })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
