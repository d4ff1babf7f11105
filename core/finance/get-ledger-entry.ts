import { eq } from 'drizzle-orm';
import { ledgerEntries } from '../../db/schema/ledger.ts';
import type { CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import { isRecordId } from '../records/record-id.ts';
import { describeLedgerAccounts } from './describe-ledger-accounts.ts';

/** One entry with its accounts named, the entry it corrects and the one that corrected it. Finance readers only. */
export async function getLedgerEntry(ctx: CoreContext, entryId: string) {
  requirePermission(ctx.actor, 'finance:read');
  if (!isRecordId(entryId)) throw new NotFoundError('ledger_entry');
  const [entry] = await ctx.db.select().from(ledgerEntries).where(eq(ledgerEntries.id, entryId));
  if (!entry) throw new NotFoundError('ledger_entry');
  const [[reversal], names] = await Promise.all([
    ctx.db.select({ id: ledgerEntries.id }).from(ledgerEntries).where(eq(ledgerEntries.correctsEntryId, entry.id)).limit(1),
    describeLedgerAccounts(ctx, [entry.fromAccount, entry.toAccount]),
  ]);
  return {
    ...entry,
    from: names.get(entry.fromAccount)!,
    to: names.get(entry.toAccount)!,
    correctedBy: reversal?.id ?? null,
  };
}
