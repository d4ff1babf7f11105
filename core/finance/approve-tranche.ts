import { and, eq } from 'drizzle-orm';
import { lockTranche } from './lock-tranche.ts';
import { stageTranches } from '../../db/schema/disbursements.ts';
import { actorIdentity, recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import { isRecordId } from '../records/record-id.ts';
import { accountBalance } from './account-balance.ts';
import { ledgerAccount } from './ledger-accounts.ts';
import { sumMinor } from './money.ts';
import { moveMoney } from './move-money.ts';
import { stageReportSettlement } from './stage-report-settlement.ts';
import { osloDay, trancheApprovalInput } from './tranche-input.ts';
import { parseOrRefuse } from '../input/parse-or-refuse.ts';
import { loadStageFacts, stageTrancheRows } from './tranche-record.ts';

/**
 * A finance officer approves a planned tranche for payment (planned → approved, versioned). A tranche
 * that waits for the final report is approved only once every partner's financial report is approved.
 *
 * Approving the last tranche after the final report settles the stage, in the same transaction: with A
 * the reported actual and P what was paid before, the tranche becomes max(0, min(planned, A − P)); what
 * the stage holds beyond it is released back to the call (`release`, stage → call); when A < P the
 * coordinating partner owes P − A back (core/finance/tranche-record.ts `stageSettlement`). A tranche left
 * with nothing to pay is recorded as paid at once, with no ledger entry.
 */
export async function approveTranche(ctx: CoreContext, { trancheId, version }: { trancheId: string; version: unknown }) {
  requirePermission(ctx.actor, 'finance:manage');
  const input = parseOrRefuse(trancheApprovalInput, { version });
  if (!isRecordId(trancheId)) throw new NotFoundError('stage_tranche');
  return ctx.db.transaction(async (tx) => {
    const tctx = { ...ctx, db: tx };
    const row = await lockTranche(tx, trancheId, input.version, 'planned', 'trancheNotPlanned');
    const facts = await loadStageFacts(tx, row.stageId);
    const tranches = await stageTrancheRows(tx, row.stageId);
    let amountMinor = row.amountMinor;
    let releasedMinor = 0;
    let refundOwedMinor = 0;
    if (row.condition === 'afterFinalReport') {
      const reports = await stageReportSettlement(tx, row.stageId);
      if (!reports.allApproved) throw new DomainError('finalReportsNotApproved', { status: 409, params: { approved: reports.approved, partners: reports.partners } });
      if (tranches.at(-1)?.id === row.id) {
        if (tranches.some((t) => t.id !== row.id && t.status !== 'paid')) throw new DomainError('earlierTranchesUnpaid', { status: 409 });
        const paid = sumMinor(tranches.filter((t) => t.status === 'paid').map((t) => t.amountMinor));
        amountMinor = Math.max(0, Math.min(row.amountMinor, reports.actualMinor - paid));
        refundOwedMinor = Math.max(0, paid - reports.actualMinor);
        const left = await accountBalance(tx, ledgerAccount.stage(row.stageId));
        releasedMinor = Math.max(0, left - amountMinor);
        if (releasedMinor > 0) {
          await moveMoney(tx, tctx, {
            kind: 'release',
            year: facts.year,
            amountMinor: releasedMinor,
            fromAccount: ledgerAccount.stage(row.stageId),
            toAccount: ledgerAccount.call(facts.call.id),
            programmeId: facts.call.programmeId,
            callId: facts.call.id,
            stageId: row.stageId,
            reason: '',
            documentType: 'tranche',
            documentRef: row.id,
          });
        }
      }
    }
    const now = ctx.now();
    const { actorId, actorLabel } = actorIdentity(ctx.actor);
    const nothingToPay = amountMinor === 0;
    const [updated] = await tx
      .update(stageTranches)
      .set({
        status: nothingToPay ? 'paid' : 'approved',
        amountMinor,
        approvedBy: actorId,
        approvedByLabel: actorLabel,
        approvedAt: now,
        ...(nothingToPay ? { paidOn: osloDay(now), paidBy: actorId, paidByLabel: actorLabel, paidAt: now } : {}),
        version: row.version + 1,
      })
      .where(and(eq(stageTranches.id, row.id), eq(stageTranches.version, row.version)))
      .returning();
    if (!updated) throw new DomainError('staleEdit', { status: 409 });
    await recordAudit(tx, tctx, {
      action: 'tranche.approved',
      recordType: 'stage_tranche',
      recordId: row.id,
      before: { status: row.status, amountMinor: row.amountMinor },
      after: { status: updated.status, amountMinor, releasedMinor, refundOwedMinor },
    });
    return { tranche: updated, releasedMinor, refundOwedMinor };
  });
}
