import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { ledgerEntries } from './ledger.ts';
import { partnershipStages } from './partnership-stages.ts';

/** When a tranche may be paid: before the participants leave, or once the round's financial reports are approved. */
export const TRANCHE_CONDITIONS = ['beforeDeparture', 'afterFinalReport'] as const;
export type TrancheCondition = (typeof TRANCHE_CONDITIONS)[number];

/** planned → approved (by a finance officer) → paid (date and bank reference; a ledger disbursement). */
export const TRANCHE_STATUSES = ['planned', 'approved', 'paid'] as const;
export type TrancheStatus = (typeof TRANCHE_STATUSES)[number];

/**
 * One payment of a granted stage's committed amount to its coordinating partner (issue 11, point 7). The
 * tranches of a stage are planned on approval from the programme's shares (80 % before departure and 20 %
 * after the final financial report by default); their amounts add up to the commitment. Paying one posts
 * a `disbursement` from `stage:<id>` to the coordinating partner's account; `ledgerEntryId` is that entry.
 * What the coordinating partner passes on to the others is in the ledger only (partner → partner).
 */
export const stageTranches = pgTable(
  'stage_tranches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stageId: uuid('stage_id')
      .notNull()
      .references(() => partnershipStages.id, { onDelete: 'cascade' }),
    /** 1, 2, … in the order they are paid. */
    number: integer('number').notNull(),
    shareBasisPoints: integer('share_basis_points').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    condition: text('condition', { enum: TRANCHE_CONDITIONS }).notNull(),
    status: text('status', { enum: TRANCHE_STATUSES }).notNull().default('planned'),
    approvedBy: text('approved_by'),
    approvedByLabel: text('approved_by_label'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    paidOn: date('paid_on'),
    bankReference: text('bank_reference'),
    paidBy: text('paid_by'),
    paidByLabel: text('paid_by_label'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    ledgerEntryId: uuid('ledger_entry_id').references(() => ledgerEntries.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('stage_tranches_stage_number').on(t.stageId, t.number),
    check('stage_tranches_amount_not_negative', sql`${t.amountMinor} >= 0`),
    index('stage_tranches_status_idx').on(t.status, t.stageId),
  ],
);
