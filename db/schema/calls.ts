import { bigint, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { date } from 'drizzle-orm/pg-core';
import { programmes } from './programmes.ts';

export const CALL_STAGES = ['feasibility', 'agreement', 'round'] as const;
export type CallStage = (typeof CALL_STAGES)[number];

/**
 * A programme's call for applications. `deadline` is a calendar date in Europe/Oslo: applications are
 * accepted until the end of that day in Førde (core/partnerships/check-deadline.ts).
 * Money is in integer minor units (øre for NOK) with its currency (docs/architecture.md#money).
 */
export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    title: text('title').notNull(),
    opensOn: date('opens_on').notNull(),
    deadline: date('deadline').notNull(),
    budgetCeilingMinor: bigint('budget_ceiling_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull().default('NOK'),
    /** The themes the call favours (e.g. climate, food security), one per line. */
    priorities: text('priorities').array().notNull().default([]),
    stage: text('stage', { enum: CALL_STAGES }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('calls_programme_idx').on(t.programmeId), index('calls_deadline_idx').on(t.deadline)],
);

/** What reviewers score an application on, with its weight; the weighted mean is the application's score. */
export const callCriteria = pgTable(
  'call_criteria',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    weight: integer('weight').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [index('call_criteria_call_idx').on(t.callId)],
);
