import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth.ts';
import { callCriteria, calls } from './calls.ts';
import { organisations } from './organisations.ts';
import { partnerships } from './partnerships.ts';

/** Significance 0/1/2 per cross-cutting marker (core/applications/markers.ts names the markers). */
export type MarkerValues = Record<string, 0 | 1 | 2>;

/**
 * An application to a call, from the coordinating partner. It applies for one stage of a partnership's
 * agreement chain: the first application creates the partnership when approved, later ones
 * (`partnershipId` set) extend it with an agreement or a yearly round.
 */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    partnershipId: uuid('partnership_id').references(() => partnerships.id),
    coordinatorOrganisationId: uuid('coordinator_organisation_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    status: text('status').notNull().default('draft'),
    /** Derived from the partners' countries whenever partners change; null with fewer than two partners. */
    shape: text('shape', { enum: ['north_south', 'south_south', 'triangular'] }),
    sectorCode: text('sector_code'),
    sdgGoals: text('sdg_goals').array().notNull().default([]),
    sdgTargets: text('sdg_targets').array().notNull().default([]),
    markers: jsonb('markers').$type<MarkerValues>().notNull().default({}),
    emergencyPlan: text('emergency_plan').notNull().default(''),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    approvedStartsOn: date('approved_starts_on'),
    approvedEndsOn: date('approved_ends_on'),
    /** The amount ceiling granted, in minor units of the call's currency. */
    approvedAmountMinor: bigint('approved_amount_minor', { mode: 'number' }),
    approvedCurrency: text('approved_currency'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('applications_call_status_idx').on(t.callId, t.status),
    index('applications_status_idx').on(t.status),
    index('applications_coordinator_idx').on(t.coordinatorOrganisationId),
    index('applications_partnership_idx').on(t.partnershipId),
    index('applications_sector_idx').on(t.sectorCode),
    index('applications_shape_idx').on(t.shape),
    index('applications_sdg_goals_idx').using('gin', t.sdgGoals),
    index('applications_title_id_idx').on(t.title, t.id),
    index('applications_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
  ],
);

/** The partners named in an application; each confirms through a coordinator of its own. */
export const applicationPartners = pgTable(
  'application_partners',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    isCoordinator: boolean('is_coordinator').notNull().default(false),
    position: integer('position').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: text('confirmed_by').references(() => user.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.organisationId] }), index('application_partners_organisation_idx').on(t.organisationId)],
);

/** A goal of one partner (organisationId) or shared by all (organisationId null). */
export const applicationGoals = pgTable(
  'application_goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    description: text('description').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [index('application_goals_application_idx').on(t.applicationId)],
);

/** Where an indicator's change is sought: in the people exchanged, in the partner organisations, or in society around them. */
export const INDICATOR_LEVELS = ['individual', 'organisational', 'societal'] as const;
export type IndicatorLevel = (typeof INDICATOR_LEVELS)[number];

export const goalIndicators = pgTable(
  'goal_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => applicationGoals.id, { onDelete: 'cascade' }),
    description: text('description').notNull(),
    /** The baseline and target as typed; for a numeric indicator also as numbers (`baselineValue`, `targetValue`). */
    baseline: text('baseline').notNull(),
    target: text('target').notNull(),
    position: integer('position').notNull(),
    /** Where the change is sought (INDICATOR_LEVELS above); null on indicators written before levels existed. */
    level: text('level', { enum: INDICATOR_LEVELS }),
    /** The indicator counts people: its baseline and target are whole numbers and its actuals are given by gender. */
    countsPeople: boolean('counts_people').notNull().default(false),
    /** The baseline and target as numbers when both were typed as numbers (null for a qualitative indicator). */
    baselineValue: numeric('baseline_value', { precision: 18, scale: 2, mode: 'number' }),
    targetValue: numeric('target_value', { precision: 18, scale: 2, mode: 'number' }),
    /** UN SDG target codes (reference/iati/UNSDG-Targets.xml) the indicator measures progress towards. */
    sdgTargets: text('sdg_targets').array().notNull().default([]),
    /**
     * The same indicator across a partnership's applications: a continuation copies its indicators with new
     * ids and the same series, so actuals reported on different rounds line up (core/results/).
     */
    seriesId: uuid('series_id').notNull().defaultRandom(),
  },
  (t) => [index('goal_indicators_goal_idx').on(t.goalId), index('goal_indicators_series_idx').on(t.seriesId)],
);

/** One line of the exchange plan: `participants` people from the sending to the host organisation. */
export const planFlows = pgTable(
  'plan_flows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    sendingOrganisationId: uuid('sending_organisation_id')
      .notNull()
      .references(() => organisations.id),
    hostOrganisationId: uuid('host_organisation_id')
      .notNull()
      .references(() => organisations.id),
    participants: integer('participants').notNull(),
    months: integer('months').notNull(),
    /** YYYY-MM */
    startMonth: text('start_month').notNull(),
    competence: text('competence').notNull(),
    purpose: text('purpose').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_flows_application_idx').on(t.applicationId)],
);

/**
 * A PDF attached to an application. Its bytes are in the file store (core/files/file-store.ts: the
 * `stored_files` table by default, or an S3 bucket) under `fileKey`.
 */
export const applicationAttachments = pgTable(
  'application_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    fileKey: text('file_key').notNull(),
    uploadedBy: text('uploaded_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('application_attachments_application_idx').on(t.applicationId)],
);

/** An adviser's remark on one section when returning an application; cleared (resolvedAt) on resubmission. */
export const applicationRemarks = pgTable(
  'application_remarks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    section: text('section').notNull(),
    remark: text('remark').notNull(),
    authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [index('application_remarks_application_idx').on(t.applicationId)],
);

/** Agency-internal notes on an application: never shown to partners, nor sent through the API to them. */
export const applicationComments = pgTable(
  'application_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('application_comments_application_idx').on(t.applicationId)],
);

/** One adviser's score (0–5) on one criterion of the call. */
export const applicationScores = pgTable(
  'application_scores',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    criterionId: uuid('criterion_id')
      .notNull()
      .references(() => callCriteria.id, { onDelete: 'cascade' }),
    adviserId: text('adviser_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    score: integer('score').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.criterionId, t.adviserId] })],
);
