import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { applications } from './applications.ts';
import { user } from './auth.ts';
import { organisations } from './organisations.ts';
import { unitCostTables } from './unit-costs.ts';

/** Why a round's budget was recorded again (docs/decisions/016-stored-budgets-and-exchange-rates.md). */
export const BUDGET_CAUSES = ['created', 'planChanged', 'otherLineChanged', 'unitCostsPublished'] as const;
export type BudgetCause = (typeof BUDGET_CAUSES)[number];

/**
 * One recorded version of a round's budget (issue 11, point 6): what core/budgets/compute-application-budget.ts
 * computed for the round, with the unit-cost table version it used, recorded in the transaction of the
 * change that caused it, only when the result differs from the round's previous version. Versions count
 * 1, 2, … per application and round and are never changed. `content` is the round as computed (its lines,
 * flows and totals; null `budget` when no table was published for its year); a round the plan no longer
 * has is recorded once with no flows. `totalMinor` repeats the round's total for the history list.
 */
export const roundBudgetVersions = pgTable(
  'round_budget_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    number: integer('number').notNull(),
    cause: text('cause', { enum: BUDGET_CAUSES }).notNull(),
    year: integer('year'),
    unitCostTableId: uuid('unit_cost_table_id').references(() => unitCostTables.id),
    currency: text('currency').notNull().default('NOK'),
    totalMinor: bigint('total_minor', { mode: 'number' }),
    content: jsonb('content').$type<unknown>().notNull(),
    computedBy: text('computed_by').references(() => user.id, { onDelete: 'set null' }),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('round_budget_versions_number_idx').on(t.applicationId, t.round, t.number), check('round_budget_versions_number_check', sql`${t.number} >= 1`)],
);

/**
 * A partner's other line on one round of an application (issue 11, point 6): a cost outside the unit
 * costs, with its justification, in whole NOK (stored in øre). Edited while the application is editable,
 * against `updatedAt` (its version).
 */
export const budgetOtherLines = pgTable(
  'budget_other_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    label: text('label').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull().default('NOK'),
    justification: text('justification').notNull(),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('budget_other_lines_application_idx').on(t.applicationId, t.round), check('budget_other_lines_amount_check', sql`${t.amountMinor} > 0`)],
);

/**
 * An exchange rate: how many NOK one unit of `currency` (ISO 4217) cost on `date`, as an exact decimal
 * (never a float; converted with BigInt, core/exchange-rates/convert.ts), where it came from and who
 * entered it. One rate per currency and date.
 */
export const exchangeRates = pgTable(
  'exchange_rates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    currency: text('currency').notNull(),
    date: date('date').notNull(),
    nokPerUnit: numeric('nok_per_unit', { precision: 20, scale: 10 }).notNull(),
    source: text('source').notNull(),
    enteredBy: text('entered_by').references(() => user.id, { onDelete: 'set null' }),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('exchange_rates_currency_date_idx').on(t.currency, t.date), check('exchange_rates_positive_check', sql`${t.nokPerUnit} > 0`)],
);
