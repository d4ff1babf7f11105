import { and, asc, eq, sql } from 'drizzle-orm';
import { coreContext } from '../../core/context.ts';
import { accountBalance } from '../../core/finance/account-balance.ts';
import { callBudgetYear } from '../../core/finance/call-budget-year.ts';
import { commitStageBudget } from '../../core/finance/commit-stage-budget.ts';
import { ledgerAccount } from '../../core/finance/ledger-accounts.ts';
import { shareOf, splitByWeights } from '../../core/finance/money.ts';
import { approveTranche } from '../../core/finance/approve-tranche.ts';
import { payTranche } from '../../core/finance/pay-tranche.ts';
import { planStageTranches } from '../../core/finance/plan-stage-tranches.ts';
import { recordOnwardPayment } from '../../core/finance/record-onward-payment.ts';
import { postLedgerEntry } from '../../core/finance/post-ledger-entry.ts';
import { system } from '../../core/identity/actor.ts';
import type { Database } from '../database.ts';
import { applicationPartners, applications } from '../schema/applications.ts';
import { stageTranches } from '../schema/disbursements.ts';
import { calls } from '../schema/calls.ts';
import { partnershipStages } from '../schema/partnership-stages.ts';
import { programmes } from '../schema/programmes.ts';

/** Roughly what Parliament has given the agency (NOK), growing a little each year. */
const appropriationFor = (year: number) => (170_000_000 + (year - 2020) * 3_500_000) * 100;

/** Shares of the year's appropriation per programme, in basis points; a tenth stays unallocated for the finance officer to place. */
const programmeShares: Record<string, number> = {
  professional: 4_500,
  'volunteer-youth': 2_500,
  health: 2_000,
};

/**
 * The demo's money, posted as the finance officer would have: each year with a call appropriated
 * ("Prop. 1 S"), allocated to the programmes by share, then to each call up to its ceiling as far as its
 * programme's money goes; then every granted stage committed from its call, the oldest first. One
 * call, the newest upcoming one, is left without money, so a refused approval can be shown.
 */
export async function seedDemoFinance(tx: Database, { unfunded: alsoUnfunded = [] }: { unfunded?: string[] } = {}) {
  const ctx = coreContext({ db: tx, actor: system('demo') });
  const programmeRows = await tx.select({ id: programmes.id, code: programmes.code, name: programmes.name }).from(programmes).orderBy(asc(programmes.code));
  const callRows = await tx.select().from(calls).orderBy(asc(calls.opensOn), asc(calls.title));
  const unfunded = callRows.at(-1)?.id;
  const years = [...new Set(callRows.map(callBudgetYear))].sort();
  for (const year of years) {
    const amountMinor = appropriationFor(year);
    await postLedgerEntry(tx, ctx, {
      kind: 'appropriation',
      year,
      amountMinor,
      fromAccount: ledgerAccount.parliament,
      toAccount: ledgerAccount.year(year),
      reason: `Statsbudsjettet ${year}, kap. 160 post 70`,
      documentType: 'appropriation-letter',
      documentRef: `Prop. 1 S (${year - 1}–${year})`,
    });
    const shares = splitByWeights(amountMinor, [...programmeRows.map((p) => programmeShares[p.code] ?? 1_000), 1_000]);
    for (const [i, p] of programmeRows.entries()) {
      await postLedgerEntry(tx, ctx, {
        kind: 'allocation',
        year,
        amountMinor: shares[i]!,
        fromAccount: ledgerAccount.year(year),
        toAccount: ledgerAccount.programme(p.id, year),
        programmeId: p.id,
        reason: `${p.name} ${year}`,
        documentType: 'allocation-letter',
        documentRef: `Tildelingsbrev ${year}`,
      });
    }
  }
  for (const call of callRows) {
    if (call.id === unfunded || alsoUnfunded.includes(call.id)) continue;
    const year = callBudgetYear(call);
    const left = await accountBalance(tx, ledgerAccount.programme(call.programmeId, year));
    const amountMinor = Math.min(call.budgetCeilingMinor, left);
    if (amountMinor <= 0) continue;
    await postLedgerEntry(tx, ctx, {
      kind: 'allocation',
      year,
      amountMinor,
      fromAccount: ledgerAccount.programme(call.programmeId, year),
      toAccount: ledgerAccount.call(call.id),
      programmeId: call.programmeId,
      callId: call.id,
      reason: call.title,
    });
  }
  const stages = await tx
    .select({ stage: partnershipStages, callId: applications.callId })
    .from(partnershipStages)
    .innerJoin(applications, eq(applications.id, partnershipStages.applicationId))
    .where(sql`not exists (select 1 from ledger_entries e where e.stage_id = ${partnershipStages.id} and e.kind = 'commitment')`)
    .orderBy(asc(partnershipStages.startsOn));
  const byId = new Map(callRows.map((c) => [c.id, c]));
  for (const { stage, callId } of stages) {
    const call = byId.get(callId)!;
    // A demo round bigger than what its call was given: its programme tops the call up first, as a finance officer would.
    const short = stage.amountCeilingMinor - (await accountBalance(tx, ledgerAccount.call(call.id)));
    if (short > 0) {
      const year = callBudgetYear(call);
      await postLedgerEntry(tx, ctx, {
        kind: 'allocation',
        year,
        amountMinor: short,
        fromAccount: ledgerAccount.programme(call.programmeId, year),
        toAccount: ledgerAccount.call(call.id),
        programmeId: call.programmeId,
        callId: call.id,
        reason: `${call.title} (top-up)`,
      });
    }
    await commitStageBudget(ctx, stage, call);
    await planStageTranches(tx, stage, call.programmeId);
  }
  await seedDemoTranchePayments(tx, ctx);
}

/**
 * The demo's payments, as a finance officer and the coordinating partners would have recorded them: the
 * first tranche of every stage that has started is approved and paid on the day before it started, with
 * a bank reference; every other of those coordinating partners has passed 30 % of it on to each other
 * partner two weeks later. Deterministic: the stages in the order they start.
 */
async function seedDemoTranchePayments(tx: Database, ctx: ReturnType<typeof coreContext>) {
  const today = ctx.now().toLocaleDateString('en-CA', { timeZone: 'Europe/Oslo' });
  const started = await tx
    .select({ tranche: stageTranches, stage: partnershipStages })
    .from(stageTranches)
    .innerJoin(partnershipStages, eq(partnershipStages.id, stageTranches.stageId))
    .where(and(eq(stageTranches.number, 1), eq(stageTranches.status, 'planned')))
    .orderBy(asc(partnershipStages.startsOn), asc(partnershipStages.id));
  const day = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  for (const [i, { tranche, stage }] of started.filter((s) => s.stage.startsOn <= today).entries()) {
    const paidOn = day(stage.startsOn, -1);
    const approved = await approveTranche(ctx, { trancheId: tranche.id, version: tranche.version });
    await payTranche(ctx, { trancheId: tranche.id, paidOn, bankReference: `DNB ${paidOn} / 7781.05.${String(12_345 + i * 1_111).padStart(5, '0')}`, version: approved.tranche.version });
    if (i % 2 === 1) continue;
    const partners = await tx
      .select({ organisationId: applicationPartners.organisationId })
      .from(applicationPartners)
      .where(and(eq(applicationPartners.applicationId, stage.applicationId), eq(applicationPartners.isCoordinator, false)))
      .orderBy(asc(applicationPartners.position));
    const onwardOn = day(stage.startsOn, 13) <= today ? day(stage.startsOn, 13) : today;
    for (const [j, p] of partners.slice(0, 3).entries()) {
      await recordOnwardPayment(ctx, {
        partnershipId: stage.partnershipId,
        stageId: stage.id,
        organisationId: p.organisationId,
        amountMinor: shareOf(tranche.amountMinor, 3_000),
        paidOn: onwardOn,
        reference: `SWIFT ${onwardOn} / ${String(40_100 + i * 10 + j)}`,
      });
    }
  }
}
