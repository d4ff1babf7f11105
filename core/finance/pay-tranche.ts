import { and, eq } from 'drizzle-orm';
import { lockTranche } from './lock-tranche.ts';
import { stageTranches } from '../../db/schema/disbursements.ts';
import { actorIdentity, recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import { isRecordId } from '../records/record-id.ts';
import { ledgerAccount } from './ledger-accounts.ts';
import { moveMoney } from './move-money.ts';
import { osloDay, tranchePaymentInput } from './tranche-input.ts';
import { parseOrRefuse } from '../input/parse-or-refuse.ts';
import { loadStageFacts } from './tranche-record.ts';

/**
 * Records that an approved tranche was paid (approved → paid): the payment date (not after today) and
 * the bank's reference, and a `disbursement` from the stage to the coordinating partner's account
 * (documentType 'tranche', documentRef the tranche's id), whose id the tranche keeps. Versioned, audited.
 */
export async function payTranche(ctx: CoreContext, { trancheId, ...given }: { trancheId: string; paidOn: unknown; bankReference: unknown; version: unknown }) {
  requirePermission(ctx.actor, 'finance:manage');
  const input = parseOrRefuse(tranchePaymentInput, given, osloDay(ctx.now()), ['paidOn']);
  if (!isRecordId(trancheId)) throw new NotFoundError('stage_tranche');
  return ctx.db.transaction(async (tx) => {
    const tctx = { ...ctx, db: tx };
    const row = await lockTranche(tx, trancheId, input.version, 'approved', 'trancheNotApproved');
    const facts = await loadStageFacts(tx, row.stageId);
    const entry = await moveMoney(tx, tctx, {
      kind: 'disbursement',
      year: facts.year,
      amountMinor: row.amountMinor,
      fromAccount: ledgerAccount.stage(row.stageId),
      toAccount: ledgerAccount.partner(facts.coordinator.id, row.stageId),
      programmeId: facts.call.programmeId,
      callId: facts.call.id,
      stageId: row.stageId,
      reason: '',
      documentType: 'tranche',
      documentRef: row.id,
    });
    const { actorId, actorLabel } = actorIdentity(ctx.actor);
    const [updated] = await tx
      .update(stageTranches)
      .set({ status: 'paid', paidOn: input.paidOn, bankReference: input.bankReference, paidBy: actorId, paidByLabel: actorLabel, paidAt: ctx.now(), ledgerEntryId: entry.id, version: row.version + 1 })
      .where(and(eq(stageTranches.id, row.id), eq(stageTranches.version, row.version)))
      .returning();
    if (!updated) throw new DomainError('staleEdit', { status: 409 });
    await recordAudit(tx, tctx, {
      action: 'tranche.paid',
      recordType: 'stage_tranche',
      recordId: row.id,
      before: { status: row.status },
      after: { status: 'paid', amountMinor: row.amountMinor, paidOn: input.paidOn, bankReference: input.bankReference, ledgerEntryId: entry.id },
    });
    return updated;
  });
}
