import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { rawRows } from '../../db/raw-rows.ts';
import { calls } from '../../db/schema/calls.ts';
import { programmes } from '../../db/schema/programmes.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import { callBudgetYear } from './call-budget-year.ts';
import { ledgerAccount } from './ledger-accounts.ts';
import { netInflowSql } from './ledger-sums.ts';
import { amountMinorInput, budgetYearInput, documentRefInput, postingReasonInput } from './money-input.ts';
import { moveMoney } from './move-money.ts';

export const allocationInput = z.discriminatedUnion(
  'to',
  [
    z.object({ to: z.literal('programme'), programmeId: z.uuid('chooseProgramme'), year: budgetYearInput, amountMinor: amountMinorInput, reason: postingReasonInput, documentRef: documentRefInput }),
    z.object({ to: z.literal('call'), callId: z.uuid('chooseCall'), amountMinor: amountMinorInput, reason: postingReasonInput, documentRef: documentRefInput }),
  ],
  { message: 'chooseAllocationTarget' },
);
export type AllocationInput = z.infer<typeof allocationInput>;

/**
 * Allocates money one level down: from the year's appropriation to a programme for that year, or from
 * a programme's money for the call's year to the call. Never more than the parent has left (refused
 * with the figures, under the parent's lock), and a call never gets more than its announced ceiling.
 */
export async function allocateFunds(ctx: CoreContext, input: AllocationInput) {
  requirePermission(ctx.actor, 'finance:manage');
  const v = allocationInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const tctx = { ...ctx, db: tx };
    let posting;
    if (v.to === 'programme') {
      const [programme] = await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, v.programmeId));
      if (!programme) throw new NotFoundError('programme');
      posting = { kind: 'allocation' as const, year: v.year, programmeId: v.programmeId, fromAccount: ledgerAccount.year(v.year), toAccount: ledgerAccount.programme(v.programmeId, v.year) };
    } else {
      const [call] = await tx.select({ id: calls.id, programmeId: calls.programmeId, opensOn: calls.opensOn, ceiling: calls.budgetCeilingMinor }).from(calls).where(eq(calls.id, v.callId)).for('no key update');
      if (!call) throw new NotFoundError('call');
      const year = callBudgetYear(call);
      const allocated = await accountInflow(tx, ledgerAccount.call(call.id));
      if (allocated + v.amountMinor > call.ceiling) {
        throw new DomainError('allocationAboveCeiling', { status: 409, field: 'amount', params: { ceiling: call.ceiling / 100, allocated: allocated / 100, currency: 'NOK' } });
      }
      posting = { kind: 'allocation' as const, year, programmeId: call.programmeId, callId: call.id, fromAccount: ledgerAccount.programme(call.programmeId, year), toAccount: ledgerAccount.call(call.id) };
    }
    const entry = await moveMoney(tx, tctx, { ...posting, amountMinor: v.amountMinor, reason: v.reason, documentType: v.documentRef ? 'allocation-letter' : null, documentRef: v.documentRef || null });
    await recordAudit(tx, tctx, { action: 'ledger.allocated', recordType: 'ledger_entry', recordId: entry.id, after: { from: entry.fromAccount, to: entry.toAccount, amountMinor: entry.amountMinor, reason: entry.reason } });
    return entry;
  });
}

/** What has come into an account net of what went back to where it came from: a call's allocations less their corrections. */
async function accountInflow(tx: CoreContext['db'], account: string): Promise<number> {
  const [row] = await rawRows<{ n: string | number }>(tx, sql`select ${netInflowSql(account, 'programme:')} as n`);
  return Number(row?.n ?? 0);
}
