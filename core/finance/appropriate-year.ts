import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { requirePermission } from '../identity/permissions.ts';
import { ledgerAccount } from './ledger-accounts.ts';
import { amountMinorInput, budgetYearInput, documentRefInput, postingReasonInput } from './money-input.ts';
import { postLedgerEntry } from './post-ledger-entry.ts';

export const appropriationInput = z.object({ year: budgetYearInput, amountMinor: amountMinorInput, reason: postingReasonInput, documentRef: documentRefInput });
export type AppropriationInput = z.infer<typeof appropriationInput>;

/**
 * Records money Parliament appropriated for a year (the budget proposition, a revised budget): it
 * enters the year's account from `parliament`. A reduction is a correction of an entry.
 */
export async function appropriateYear(ctx: CoreContext, input: AppropriationInput) {
  requirePermission(ctx.actor, 'finance:manage');
  const { year, amountMinor, reason, documentRef } = appropriationInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const entry = await postLedgerEntry(tx, ctx, {
      kind: 'appropriation',
      year,
      amountMinor,
      fromAccount: ledgerAccount.parliament,
      toAccount: ledgerAccount.year(year),
      reason,
      documentType: documentRef ? 'appropriation-letter' : null,
      documentRef: documentRef || null,
    });
    await recordAudit(tx, { ...ctx, db: tx }, { action: 'ledger.appropriated', recordType: 'ledger_entry', recordId: entry.id, after: { year, amountMinor, reason, documentRef: documentRef ?? null } });
    return entry;
  });
}
