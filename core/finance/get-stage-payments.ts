import { and, asc, eq, like } from 'drizzle-orm';
import { ledgerEntries } from '../../db/schema/ledger.ts';
import type { CoreContext } from '../context.ts';
import { getApplicationBudget } from '../unit-costs/get-application-budget.ts';
import { accountBalance } from './account-balance.ts';
import { ledgerAccount } from './ledger-accounts.ts';
import { shareOf, sumMinor, WHOLE_BASIS_POINTS } from './money.ts';
import { stagePaymentsAccess } from './stage-payments-access.ts';
import { movedBetween, stageSettlement, stageTrancheRows } from './tranche-record.ts';

/**
 * Each partner's share of the stage's budget in basis points: its total over the round's total, for the
 * round whose number is the stage's (the only round, or the whole plan, when the plan numbers rounds
 * otherwise). Null when there is no budget to share by (no published unit-cost table for the round's year).
 */
async function partnerShares(ctx: CoreContext, applicationId: string, roundNumber: number | null): Promise<Map<string, number> | null> {
  const budget = await getApplicationBudget(ctx, { applicationId }).catch(() => null);
  const rounds = (budget?.rounds ?? []).filter((r) => r.budget);
  const chosen = rounds.find((r) => r.round === roundNumber) ? [rounds.find((r) => r.round === roundNumber)!] : rounds;
  const totals = new Map<string, number>();
  for (const r of chosen) for (const p of r.budget!.partners) totals.set(p.organisationId, (totals.get(p.organisationId) ?? 0) + p.totalMinor);
  const whole = sumMinor(totals.values());
  if (whole <= 0) return null;
  return new Map([...totals].map(([id, total]) => [id, Number((BigInt(total) * BigInt(WHOLE_BASIS_POINTS) * 2n + BigInt(whole)) / (BigInt(whole) * 2n))]));
}

/**
 * A granted stage's payments as its partners and the agency see them: the tranches (status, amount, when
 * paid), what the coordinating partner received and holds, and for each other partner its share of the
 * round's budget applied to what the coordinator received, what was passed on and what is still owed
 * onward. A partner that does not coordinate sees only its own line and what it received.
 */
export async function getStagePayments(ctx: CoreContext, ids: { partnershipId: string; stageId: string }) {
  const { facts, partners, agency, mine, isCoordinatorStaff } = await stagePaymentsAccess(ctx, ids);
  const stageId = facts.stage.id;
  const coordinatorAccount = ledgerAccount.partner(facts.coordinator.id, stageId);
  const seesAll = agency || mine.includes(facts.coordinator.id);
  const [tranches, receivedMinor, holdsMinor, shares, onward] = await Promise.all([
    stageTrancheRows(ctx.db, stageId),
    movedBetween(ctx.db, ledgerAccount.stage(stageId), coordinatorAccount, 'disbursement'),
    accountBalance(ctx.db, coordinatorAccount),
    partnerShares(ctx, facts.stage.applicationId, facts.stage.roundNumber),
    ctx.db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.fromAccount, coordinatorAccount), like(ledgerEntries.toAccount, 'partner:%'), eq(ledgerEntries.kind, 'disbursement')))
      .orderBy(asc(ledgerEntries.seq)),
  ]);
  const settlement = await stageSettlement(ctx.db, facts, tranches);
  const toOf = (account: string) => account.split(':')[1]!;
  const lines = partners.map((p) => {
    const shareBasisPoints = shares?.get(p.id) ?? (shares ? 0 : null);
    const passedOnMinor = p.isCoordinator ? sumMinor(onward.map((e) => e.amountMinor)) : sumMinor(onward.filter((e) => toOf(e.toAccount) === p.id).map((e) => e.amountMinor));
    const dueMinor = shareBasisPoints === null ? null : shareOf(receivedMinor, shareBasisPoints);
    return {
      organisationId: p.id,
      name: p.name,
      isCoordinator: p.isCoordinator,
      shareBasisPoints,
      /** For the coordinator, what it received from the agency; for another partner, what the coordinator passed on to it. */
      receivedMinor: p.isCoordinator ? receivedMinor : passedOnMinor,
      /** Its share of what the coordinator received. */
      dueMinor,
      passedOnMinor,
      owedOnwardMinor: p.isCoordinator || dueMinor === null ? null : Math.max(0, dueMinor - passedOnMinor),
    };
  });
  const names = new Map(partners.map((p) => [p.id, p.name]));
  const payments = onward
    .filter((e) => seesAll || mine.includes(toOf(e.toAccount)))
    .map((e) => ({ id: e.id, organisationId: toOf(e.toAccount), name: names.get(toOf(e.toAccount)) ?? '', amountMinor: e.amountMinor, paidOn: e.reason, reference: e.documentRef ?? '', postedAt: e.postedAt }));
  return {
    partnership: facts.partnership,
    stage: { id: stageId, kind: facts.stage.kind, roundNumber: facts.stage.roundNumber, startsOn: facts.stage.startsOn, endsOn: facts.stage.endsOn, amountCeilingMinor: facts.stage.amountCeilingMinor, currency: facts.stage.currency },
    coordinator: facts.coordinator,
    tranches: tranches.map((t) => ({ id: t.id, number: t.number, condition: t.condition, status: t.status, amountMinor: t.amountMinor, currency: t.currency, paidOn: t.paidOn, bankReference: seesAll ? t.bankReference : null, ledgerEntryId: agency ? t.ledgerEntryId : null })),
    receivedMinor: seesAll ? receivedMinor : null,
    holdsMinor: seesAll ? holdsMinor : null,
    sharesKnown: shares !== null,
    partners: seesAll ? lines : lines.filter((l) => mine.includes(l.organisationId)),
    payments,
    refundOwedMinor: settlement.refundOwedMinor,
    settled: settlement.settled,
    agency,
    canRecordOnward: isCoordinatorStaff,
  };
}
