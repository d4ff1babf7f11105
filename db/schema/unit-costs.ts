import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { user } from './auth.ts';
import { programmes } from './programmes.ts';

/**
 * The distance bands travel is paid by, in whole kilometres between the sending and the host
 * organisation's places: the one list, which core/geography/distance-band.ts reads its ranges from.
 */
export const DISTANCE_BAND_CODES = ['0-99', '100-499', '500-1999', '2000-2999', '3000-3999', '4000-7999', '8000+'] as const;
export type DistanceBand = (typeof DISTANCE_BAND_CODES)[number];

/** The host-country cost groups a monthly allowance is paid by: A the most expensive countries, D the least. */
export const COST_GROUP_CODES = ['A', 'B', 'C', 'D'] as const;
export type CostGroup = (typeof COST_GROUP_CODES)[number];

export const UNIT_COST_TABLE_STATUSES = ['draft', 'published'] as const;
export type UnitCostTableStatus = (typeof UNIT_COST_TABLE_STATUSES)[number];

/**
 * One version of a programme's unit-cost table for a year (docs/architecture.md#unit-cost-tables).
 * Versions count 1, 2, … per programme and year; at most one is a draft at a time (a partial unique
 * index), and a published version never changes again (core/unit-costs, and the triggers of migration
 * 0015 refuse any change to it or its rates). A draft may leave rates unset (null); a published version
 * has every rate (the check constraint). Amounts are integer minor units of `currency` (øre for NOK).
 * `updatedAt` is a draft's version for concurrent edits (docs/architecture.md#optimistic-locking).
 */
export const unitCostTables = pgTable(
  'unit_cost_tables',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    status: text('status', { enum: UNIT_COST_TABLE_STATUSES }).notNull().default('draft'),
    currency: text('currency').notNull().default('NOK'),
    /** Insurance per participant and month. */
    insurancePerMonthMinor: bigint('insurance_per_month_minor', { mode: 'number' }),
    /** The preparatory course, per participant. */
    preparatoryCourseMinor: bigint('preparatory_course_minor', { mode: 'number' }),
    /** Visa and permits, a lump sum per participant. */
    visaMinor: bigint('visa_minor', { mode: 'number' }),
    /** Vaccinations and the health check, a lump sum per participant. */
    healthMinor: bigint('health_minor', { mode: 'number' }),
    /** The coordinating partner's administration share, in basis points (700 = 7 %). */
    adminShareBasisPoints: integer('admin_share_basis_points'),
    /** The version this one was started from (a copy of its rates and groups), if any. */
    basedOnId: uuid('based_on_id').references((): AnyPgColumn => unitCostTables.id),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: text('published_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('unit_cost_tables_version_idx').on(t.programmeId, t.year, t.version),
    uniqueIndex('unit_cost_tables_one_draft_idx').on(t.programmeId, t.year).where(sql`${t.status} = 'draft'`),
    check('unit_cost_tables_year_check', sql`${t.year} between 2000 and 2100`),
    check('unit_cost_tables_version_check', sql`${t.version} >= 1`),
    check(
      'unit_cost_tables_amounts_check',
      sql`coalesce(${t.insurancePerMonthMinor}, 0) >= 0 and coalesce(${t.preparatoryCourseMinor}, 0) >= 0 and coalesce(${t.visaMinor}, 0) >= 0 and coalesce(${t.healthMinor}, 0) >= 0 and coalesce(${t.adminShareBasisPoints}, 0) between 0 and 10000`,
    ),
    check(
      'unit_cost_tables_published_complete_check',
      sql`${t.status} = 'draft' or (${t.publishedAt} is not null and ${t.insurancePerMonthMinor} is not null and ${t.preparatoryCourseMinor} is not null and ${t.visaMinor} is not null and ${t.healthMinor} is not null and ${t.adminShareBasisPoints} is not null)`,
    ),
  ],
);

/** The monthly allowance of a cost group in one version; a group without a row has no rate yet (drafts only). */
export const unitCostAllowances = pgTable(
  'unit_cost_allowances',
  {
    tableId: uuid('table_id')
      .notNull()
      .references(() => unitCostTables.id, { onDelete: 'cascade' }),
    groupCode: text('group_code', { enum: COST_GROUP_CODES }).notNull(),
    monthlyMinor: bigint('monthly_minor', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tableId, t.groupCode] }), check('unit_cost_allowances_amount_check', sql`${t.monthlyMinor} >= 0`)],
);

/** Which cost group a host country is in, in one version: each country at most once (the primary key). */
export const unitCostCountries = pgTable(
  'unit_cost_countries',
  {
    tableId: uuid('table_id')
      .notNull()
      .references(() => unitCostTables.id, { onDelete: 'cascade' }),
    /** ISO 3166-1 alpha-2. */
    countryCode: text('country_code').notNull(),
    groupCode: text('group_code', { enum: COST_GROUP_CODES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tableId, t.countryCode] }), index('unit_cost_countries_group_idx').on(t.tableId, t.groupCode)],
);

/** Travel (a return journey) per participant by distance band, in one version. */
export const unitCostTravel = pgTable(
  'unit_cost_travel',
  {
    tableId: uuid('table_id')
      .notNull()
      .references(() => unitCostTables.id, { onDelete: 'cascade' }),
    band: text('band', { enum: DISTANCE_BAND_CODES }).notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tableId, t.band] }), check('unit_cost_travel_amount_check', sql`${t.amountMinor} >= 0`)],
);
