import type { calls } from '../../db/schema/calls.ts';
import type { partnershipStages } from '../../db/schema/partnership-stages.ts';
import type { CoreContext } from '../context.ts';
import { callBudgetYear } from './call-budget-year.ts';
import { ledgerAccount } from './ledger-accounts.ts';
import { moveMoney } from './move-money.ts';

/**
 * On approval, inside its transaction: the granted stage's amount is committed from the call's
 * allocation. The call's row is locked first, so approvals against one call run one after the other and
 * none reads a balance another is about to spend; an amount beyond what the call has left refuses the
 * whole approval with the figures and the commitments that used the call's money.
 */
export async function commitStageBudget(ctx: CoreContext, stage: typeof partnershipStages.$inferSelect, call: typeof calls.$inferSelect) {
  return moveMoney(ctx.db, ctx, {
    kind: 'commitment',
    year: callBudgetYear(call),
    amountMinor: stage.amountCeilingMinor,
    fromAccount: ledgerAccount.call(call.id),
    toAccount: ledgerAccount.stage(stage.id),
    programmeId: call.programmeId,
    callId: call.id,
    stageId: stage.id,
    // Said by the document: the approval of this application (pages name it in the reader's language).
    reason: '',
    documentType: 'application',
    documentRef: stage.applicationId,
  });
}
