import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { ledgerEntries } from '../../db/schema/ledger.ts';
import type { CoreContext } from '../context.ts';
import { accountBalance } from './account-balance.ts';
import { FundsShortError } from './funds-short-error.ts';
import { describeLedgerAccounts } from './describe-ledger-accounts.ts';
import { lockLedgerAccount } from './lock-ledger-account.ts';
import { BASE_CURRENCY } from './money.ts';
import { postLedgerEntry, type LedgerPosting } from './post-ledger-entry.ts';

/**
 * Moves money out of an account that must hold it: locks the account's guarding row, reads its balance
 * after the lock, refuses with the figures and the account's largest uses when it is short, and posts
 * the movement — all in the caller's transaction. Money from `parliament` needs no cover.
 */
export async function moveMoney(tx: Database, ctx: CoreContext, posting: LedgerPosting, field = 'amount') {
  if (posting.fromAccount !== 'parliament') {
    await lockLedgerAccount(tx, posting.fromAccount);
    const left = await accountBalance(tx, posting.fromAccount);
    if (posting.amountMinor > left) throw new FundsShortError(posting.amountMinor, Math.max(left, 0), BASE_CURRENCY, await usesOf(tx, ctx, posting.fromAccount), field);
  }
  return postLedgerEntry(tx, ctx, posting);
}

/** The ten largest movements out of an account, each named by where it went. */
async function usesOf(tx: Database, ctx: CoreContext, account: string) {
  const rows = await tx
    .select({ id: ledgerEntries.id, to: ledgerEntries.toAccount, amountMinor: ledgerEntries.amountMinor, postedAt: ledgerEntries.postedAt, postedBy: ledgerEntries.postedByLabel })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.fromAccount, account))
    .orderBy(desc(ledgerEntries.amountMinor), desc(ledgerEntries.seq))
    .limit(10);
  const names = await describeLedgerAccounts({ ...ctx, db: tx }, rows.map((r) => r.to));
  return rows.map((r) => ({ entryId: r.id, label: names.get(r.to)?.label ?? r.to, amountMinor: r.amountMinor, postedAt: r.postedAt, postedBy: r.postedBy }));
}
