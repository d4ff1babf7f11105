import { eq } from 'drizzle-orm';
import { stageTranches } from '../../db/schema/disbursements.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import { isRecordId } from '../records/record-id.ts';
import { ledgerAccount } from './ledger-accounts.ts';
import { lockLedgerAccount } from './lock-ledger-account.ts';
import { moveMoney } from './move-money.ts';
import { osloDay, trancheRefundInput } from './tranche-input.ts';
import { parseOrRefuse } from '../input/parse-or-refuse.ts';
import { loadStageFacts, stageSettlement, stageTrancheRows } from './tranche-record.ts';

/**
 * Records a refund the coordinating partner sent back after the stage was settled (it had been paid
 * more than its partners reported spending): at most what it still owes; a `refund` from its account to
 * the stage, then a `release` of the same amount from the stage back to the call, in one transaction.
 * The bank's reference is the entries' document, the day it arrived their reason.
 */
export async function recordTrancheRefund(ctx: CoreContext, { trancheId, ...given }: { trancheId: string; amountMinor: unknown; receivedOn: unknown; bankReference: unknown }) {
  requirePermission(ctx.actor, 'finance:manage');
  const input = parseOrRefuse(trancheRefundInput, given, osloDay(ctx.now()), ['receivedOn']);
  if (!isRecordId(trancheId)) throw new NotFoundError('stage_tranche');
  return ctx.db.transaction(async (tx) => {
    const tctx = { ...ctx, db: tx };
    const [row] = await tx.select().from(stageTranches).where(eq(stageTranches.id, trancheId));
    if (!row) throw new NotFoundError('stage_tranche');
    await lockLedgerAccount(tx, ledgerAccount.stage(row.stageId));
    const facts = await loadStageFacts(tx, row.stageId);
    const settlement = await stageSettlement(tx, facts, await stageTrancheRows(tx, row.stageId));
    if (input.amountMinor > settlement.refundOwedMinor)
      throw new DomainError('refundAboveOwed', { status: 409, field: 'amountMinor', params: { owed: settlement.refundOwedMinor / 100, currency: row.currency } });
    const common = { year: facts.year, amountMinor: input.amountMinor, programmeId: facts.call.programmeId, callId: facts.call.id, stageId: row.stageId, reason: input.receivedOn, documentType: 'refund', documentRef: input.bankReference };
    const refund = await moveMoney(tx, tctx, { ...common, kind: 'refund', fromAccount: ledgerAccount.partner(facts.coordinator.id, row.stageId), toAccount: ledgerAccount.stage(row.stageId) }, 'amountMinor');
    const release = await moveMoney(tx, tctx, { ...common, kind: 'release', fromAccount: ledgerAccount.stage(row.stageId), toAccount: ledgerAccount.call(facts.call.id) }, 'amountMinor');
    await recordAudit(tx, tctx, {
      action: 'tranche.refund-received',
      recordType: 'stage_tranche',
      recordId: row.id,
      after: { amountMinor: input.amountMinor, receivedOn: input.receivedOn, bankReference: input.bankReference, refundEntryId: refund.id, releaseEntryId: release.id },
    });
    return { refund, release, owedMinor: settlement.refundOwedMinor - input.amountMinor };
  });
}
