import { eq } from 'drizzle-orm';
import { ledgerEntries } from '../../db/schema/ledger.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import { isRecordId } from '../records/record-id.ts';
import { describeLedgerAccounts } from './describe-ledger-accounts.ts';
import type { LedgerLine } from './list-ledger-entries.ts';

/** One entry as the ledger lists it, with its accounts' names, and the entry that corrected it. Finance readers only. */
export async function getLedgerEntry(ctx: CoreContext, entryId: string): Promise<LedgerLine & { fromAccount: string; toAccount: string }> {
  requirePermission(ctx.actor, 'finance:read');
  if (!isRecordId(entryId)) throw new NotFoundError('ledger_entry');
  const [entry] = await ctx.db.select().from(ledgerEntries).where(eq(ledgerEntries.id, entryId));
  if (!entry) throw new NotFoundError('ledger_entry');
  const [[reversal], names] = await Promise.all([
    ctx.db.select({ id: ledgerEntries.id }).from(ledgerEntries).where(eq(ledgerEntries.correctsEntryId, entry.id)).limit(1),
    describeLedgerAccounts(ctx, [entry.fromAccount, entry.toAccount]),
  ]);
  return {
    id: entry.id,
    seq: entry.seq,
    kind: entry.kind,
    year: entry.year,
    amountMinor: entry.amountMinor,
    signedMinor: entry.amountMinor,
    currency: entry.currency,
    fromAccount: entry.fromAccount,
    toAccount: entry.toAccount,
    from: names.get(entry.fromAccount)!,
    to: names.get(entry.toAccount)!,
    reason: entry.reason,
    documentType: entry.documentType,
    documentRef: entry.documentRef,
    correctsEntryId: entry.correctsEntryId,
    correctedBy: reversal?.id ?? null,
    postedBy: entry.postedByLabel,
    postedAt: entry.postedAt,
  };
}
