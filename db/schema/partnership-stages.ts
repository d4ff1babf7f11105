import { bigint, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { applications } from './applications.ts';
import { CALL_STAGES } from './calls.ts';
import { partnerships } from './partnerships.ts';

/**
 * One link of a partnership's agreement chain (docs/architecture.md#agreement-chain): a feasibility study, the collaboration
 * agreement, or a yearly exchange round, each granted by the approval of one application.
 */
export const partnershipStages = pgTable(
  'partnership_stages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .unique()
      .references(() => applications.id),
    kind: text('kind', { enum: CALL_STAGES }).notNull(),
    /** 1, 2, … for rounds; null for the study and the agreement. */
    roundNumber: integer('round_number'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    amountCeilingMinor: bigint('amount_ceiling_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('partnership_stages_partnership_idx').on(t.partnershipId)],
);
