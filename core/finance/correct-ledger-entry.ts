import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { ledgerEntries } from '../../db/schema/ledger.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import { isRecordId } from '../records/record-id.ts';
import { postingReasonInput } from './money-input.ts';
import { moveMoney } from './move-money.ts';

export const correctionInput = z.object({ reason: postingReasonInput });

/**
 * Reverses a ledger entry with a new one (the ledger is never changed): the same amount moves back from
 * where it went to where it came from, under that account's lock and only if the money is still there
 * (an allocation already committed onwards cannot be taken back). An entry is reversed at most once.
 */
export async function correctLedgerEntry(ctx: CoreContext, { entryId, reason }: { entryId: string; reason: string }) {
  requirePermission(ctx.actor, 'finance:manage');
  const { reason: why } = correctionInput.parse({ reason });
  if (!isRecordId(entryId)) throw new NotFoundError('ledger_entry');
  return ctx.db.transaction(async (tx) => {
    const tctx = { ...ctx, db: tx };
    // Locked (a row lock changes nothing, so the append-only trigger allows it): two corrections of one entry at once cannot both pass.
    const [original] = await tx.select().from(ledgerEntries).where(eq(ledgerEntries.id, entryId)).for('update');
    if (!original) throw new NotFoundError('ledger_entry');
    const [reversed] = await tx.select({ id: ledgerEntries.id }).from(ledgerEntries).where(eq(ledgerEntries.correctsEntryId, original.id)).limit(1);
    if (reversed) throw new DomainError('alreadyCorrected', { status: 409 });
    const entry = await moveMoney(
      tx,
      tctx,
      {
        kind: 'correction',
        year: original.year,
        amountMinor: original.amountMinor,
        fromAccount: original.toAccount,
        toAccount: original.fromAccount,
        programmeId: original.programmeId,
        callId: original.callId,
        stageId: original.stageId,
        reason: why,
        documentType: 'ledger-entry',
        documentRef: original.id,
        correctsEntryId: original.id,
      },
      'reason',
    );
    await recordAudit(tx, tctx, {
      action: 'ledger.corrected',
      recordType: 'ledger_entry',
      recordId: entry.id,
      after: {
        corrects: original.id,
        amountMinor: entry.amountMinor,
        reason: why,
      },
    });
    return entry;
  });
}
