import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { LEDGER_KINDS, ledgerEntries } from '../../db/schema/ledger.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import { decodeCursor, encodeCursor } from '../pagination/keyset-cursor.ts';
import { describeLedgerAccounts, type LedgerAccountDescription } from './describe-ledger-accounts.ts';
import { parseLedgerAccount } from './ledger-accounts.ts';
import { accountBalance } from './account-balance.ts';

export const ledgerQueryInput = z.object({
  account: z.string().max(200, 'tooLong').refine((a) => parseLedgerAccount(a) !== null, 'invalidAccount').optional(),
  year: z.coerce.number({ message: 'chooseYear' }).int('chooseYear').min(2001, 'chooseYear').max(2100, 'chooseYear').optional(),
  kind: z.enum(LEDGER_KINDS, { message: 'invalid' }).optional(),
  after: z.string().max(2000, 'invalidCursor').optional(),
});
export type LedgerQuery = z.infer<typeof ledgerQueryInput>;

export const LEDGER_PAGE_SIZE = 50;

export interface LedgerLine {
  id: string;
  seq: number;
  kind: (typeof LEDGER_KINDS)[number];
  year: number;
  amountMinor: number;
  /** Seen from the account asked about: + came in, − went out; the amount when no account was asked about. */
  signedMinor: number;
  currency: string;
  from: LedgerAccountDescription;
  to: LedgerAccountDescription;
  reason: string;
  documentType: string | null;
  documentRef: string | null;
  correctsEntryId: string | null;
  correctedBy: string | null;
  postedBy: string;
  postedAt: Date;
}

/**
 * The entries behind a balance, newest first, 50 a page: those in and out of one account (with its
 * balance, which is their sum), or a year's, or one kind's. Agency staff who read finance only.
 */
export async function listLedgerEntries(ctx: CoreContext, query: LedgerQuery) {
  requirePermission(ctx.actor, 'finance:read');
  const cursor = decodeCursor(query.after);
  if (cursor && !/^\d{1,15}$/.test(cursor[0])) throw new DomainError('invalidCursor', { field: 'after' });
  const where: SQL[] = [];
  if (query.account) where.push(or(eq(ledgerEntries.fromAccount, query.account), eq(ledgerEntries.toAccount, query.account))!);
  if (query.year) where.push(eq(ledgerEntries.year, query.year));
  if (query.kind) where.push(eq(ledgerEntries.kind, query.kind));
  if (cursor) where.push(lt(ledgerEntries.seq, Number(cursor[0])));
  const rows = await ctx.db
    .select()
    .from(ledgerEntries)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(ledgerEntries.seq))
    .limit(LEDGER_PAGE_SIZE + 1);
  const page = rows.slice(0, LEDGER_PAGE_SIZE);
  const ids = page.map((r) => r.id);
  const [names, reversals, balance] = await Promise.all([
    describeLedgerAccounts(ctx, page.flatMap((r) => [r.fromAccount, r.toAccount])),
    ids.length ? ctx.db.select({ id: ledgerEntries.id, corrects: ledgerEntries.correctsEntryId }).from(ledgerEntries).where(or(...ids.map((id) => eq(ledgerEntries.correctsEntryId, id)))) : [],
    query.account ? accountBalance(ctx.db, query.account) : Promise.resolve(null),
  ]);
  const correctedBy = new Map(reversals.map((r) => [r.corrects!, r.id]));
  const lines: LedgerLine[] = page.map((r) => ({
    id: r.id,
    seq: r.seq,
    kind: r.kind,
    year: r.year,
    amountMinor: r.amountMinor,
    signedMinor: query.account && r.fromAccount === query.account ? -r.amountMinor : r.amountMinor,
    currency: r.currency,
    from: names.get(r.fromAccount)!,
    to: names.get(r.toAccount)!,
    reason: r.reason,
    documentType: r.documentType,
    documentRef: r.documentRef,
    correctsEntryId: r.correctsEntryId,
    correctedBy: correctedBy.get(r.id) ?? null,
    postedBy: r.postedByLabel,
    postedAt: r.postedAt,
  }));
  const last = page.at(-1);
  return {
    entries: lines,
    account: query.account ? ((await describeLedgerAccounts(ctx, [query.account])).get(query.account) ?? null) : null,
    balanceMinor: balance,
    next: rows.length > LEDGER_PAGE_SIZE && last ? encodeCursor(String(last.seq), last.id) : null,
  };
}
