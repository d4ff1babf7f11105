import type { Database } from '../../db/database.ts';
import { ledgerEntries, type LedgerKind } from '../../db/schema/ledger.ts';
import { actorIdentity } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { BASE_CURRENCY, isMinorAmount } from './money.ts';

export interface LedgerPosting {
  kind: LedgerKind;
  year: number;
  amountMinor: number;
  fromAccount: string;
  toAccount: string;
  reason: string;
  programmeId?: string | null;
  callId?: string | null;
  stageId?: string | null;
  documentType?: string | null;
  documentRef?: string | null;
  correctsEntryId?: string | null;
}

/**
 * Appends one movement of money to the ledger inside the caller's transaction, in the base currency,
 * posted by the acting person. The caller has checked (under a lock) that the source account has the
 * money; this only refuses amounts that are not whole, positive minor units.
 */
export async function postLedgerEntry(tx: Database, ctx: CoreContext, posting: LedgerPosting) {
  if (!isMinorAmount(posting.amountMinor) || posting.amountMinor <= 0) throw new RangeError(`A ledger amount must be a positive whole number of minor units, not ${posting.amountMinor}`);
  const { actorId, actorLabel } = actorIdentity(ctx.actor);
  const [row] = await tx
    .insert(ledgerEntries)
    .values({ ...posting, currency: BASE_CURRENCY, postedBy: actorId, postedByLabel: actorLabel, postedAt: ctx.now(), requestId: ctx.requestId ?? null })
    .returning();
  return row!;
}
