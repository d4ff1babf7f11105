import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { refuseProblems } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import { ledgerAccount } from './ledger-accounts.ts';
import { moveMoney } from './move-money.ts';
import { stagePaymentsAccess } from './stage-payments-access.ts';
import { onwardPaymentInput, osloDay } from './tranche-input.ts';
import { parseOrRefuse } from '../input/parse-or-refuse.ts';

/**
 * The coordinating partner records what it passed on to another partner of the stage: a `disbursement`
 * from its account for the stage to that partner's (documentType 'onward', the bank's reference as the
 * document, the day as the reason), never more than its account holds (FundsShortError). Its
 * partner_coordinator and partner_finance staff only; audited.
 */
export async function recordOnwardPayment(
  ctx: CoreContext,
  { partnershipId, stageId, ...given }: { partnershipId: string; stageId: string; organisationId: unknown; amountMinor: unknown; paidOn: unknown; reference: unknown },
) {
  const { facts, partners } = await stagePaymentsAccess(ctx, { partnershipId, stageId });
  requirePermission(ctx.actor, 'stage-payments:onward', { organisationId: facts.coordinator.id });
  const input = parseOrRefuse(onwardPaymentInput, given, osloDay(ctx.now()), ['paidOn']);
  if (!partners.some((p) => p.id === input.organisationId && p.id !== facts.coordinator.id)) refuseProblems([{ field: 'organisationId', code: 'notOnwardPartner' }]);
  return ctx.db.transaction(async (tx) => {
    const tctx = { ...ctx, db: tx };
    const entry = await moveMoney(
      tx,
      tctx,
      {
        kind: 'disbursement',
        year: facts.year,
        amountMinor: input.amountMinor,
        fromAccount: ledgerAccount.partner(facts.coordinator.id, facts.stage.id),
        toAccount: ledgerAccount.partner(input.organisationId, facts.stage.id),
        programmeId: facts.call.programmeId,
        callId: facts.call.id,
        stageId: facts.stage.id,
        reason: input.paidOn,
        documentType: 'onward',
        documentRef: input.reference,
      },
      'amountMinor',
    );
    await recordAudit(tx, tctx, {
      action: 'stage.onward-payment',
      recordType: 'partnership_stage',
      recordId: facts.stage.id,
      after: { to: input.organisationId, amountMinor: input.amountMinor, paidOn: input.paidOn, reference: input.reference, ledgerEntryId: entry.id },
    });
    return entry;
  });
}
