import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every kind of movement of money (docs/architecture.md#money). */
export const LEDGER_KINDS = ['appropriation', 'allocation', 'reservation', 'commitment', 'release', 'disbursement', 'refund', 'correction'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/**
 * A budget year the agency has money for. It holds no amounts (those are sums over the ledger): it is
 * the row an allocation out of the year's appropriation locks, so two allocations at once cannot both
 * spend what is left.
 */
export const budgetYears = pgTable('budget_years', {
  year: integer('year').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The ledger: one row per movement of money from one account to another, append-only (a trigger refuses
 * UPDATE, DELETE and TRUNCATE; a mistake is corrected by a new entry that reverses it). An account's
 * balance is what came in minus what went out; nothing keeps a running total. Accounts are named
 * (core/finance/ledger-accounts.ts): `parliament`, `year:2026`, `programme:<id>:2026`, `call:<id>`,
 * `stage:<id>`, `partner:<organisation id>:stage:<id>`. `programme_id`, `call_id` and `stage_id` say
 * what the movement concerns, so the year view sums by them.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The order entries were posted in (for a stable list and "since"). */
    seq: bigserial('seq', { mode: 'number' }).notNull().unique(),
    kind: text('kind', { enum: LEDGER_KINDS }).notNull(),
    year: integer('year').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    fromAccount: text('from_account').notNull(),
    toAccount: text('to_account').notNull(),
    programmeId: uuid('programme_id'),
    callId: uuid('call_id'),
    stageId: uuid('stage_id'),
    /** Why, in the words of the person who posted it; empty when the document says it (a commitment on approval). */
    reason: text('reason').notNull(),
    /** The document it stems from: a letter's reference ("Prop. 1 S (2025–2026)"), or the record type and id that caused it. */
    documentType: text('document_type'),
    documentRef: text('document_ref'),
    /** For a correction: the entry it reverses. */
    correctsEntryId: uuid('corrects_entry_id'),
    postedBy: text('posted_by'),
    postedByLabel: text('posted_by_label').notNull(),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull().defaultNow(),
    requestId: text('request_id'),
  },
  (t) => [
    check('ledger_entries_amount_positive', sql`${t.amountMinor} > 0`),
    check('ledger_entries_two_accounts', sql`${t.fromAccount} <> ${t.toAccount}`),
    index('ledger_entries_to_idx').on(t.toAccount, t.seq),
    index('ledger_entries_from_idx').on(t.fromAccount, t.seq),
    index('ledger_entries_year_idx').on(t.year, t.kind),
    index('ledger_entries_call_idx').on(t.callId),
    index('ledger_entries_corrects_idx').on(t.correctsEntryId),
  ],
);
