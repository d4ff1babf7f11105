import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A funding line with its own eligibility rules (docs/architecture.md#programme). */
export const programmes = pgTable('programmes', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  minAge: integer('min_age').notNull(),
  maxAge: integer('max_age').notNull(),
  stayMonths: integer('stay_months').array().notNull(),
  allowedShapes: text('allowed_shapes').array().notNull(),
  /** The documents each participant must have before departure (the programme's checklist), one per line. */
  documents: text('documents').array().notNull().default([]),
  /** How a granted stage is paid: one share per tranche in basis points, adding up to 10,000; all but the last before departure, the last after the final financial report. */
  trancheSharesBasisPoints: integer('tranche_shares_basis_points').array().notNull().default([8000, 2000]),
  /** A financial report line whose actual differs from its budget by more than this share (basis points) needs an explanation. */
  varianceThresholdBasisPoints: integer('variance_threshold_basis_points').notNull().default(1000),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
