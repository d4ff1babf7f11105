import { boolean, index, integer, numeric, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { goalIndicators } from './applications.ts';
import { organisations } from './organisations.ts';
import { partnershipStages } from './partnership-stages.ts';

/** draft (the partner writes) → submitted → accepted, or returned (with a remark) → submitted again. */
export const RESULT_REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type ResultReportStatus = (typeof RESULT_REPORT_STATUSES)[number];

/**
 * A partner's results report on one granted round (issue 12, point 1): a narrative, the actual value of each
 * of its indicators (its own goals' and the shared goals') for the round's period, and lessons learned, which
 * the partner may opt to publish. The programme adviser accepts it or returns it with a remark.
 */
export const resultReports = pgTable(
  'result_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stageId: uuid('stage_id')
      .notNull()
      .references(() => partnershipStages.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    status: text('status', { enum: RESULT_REPORT_STATUSES }).notNull().default('draft'),
    narrative: text('narrative').notNull().default(''),
    lessons: text('lessons').notNull().default(''),
    /** The partner agrees that its lessons learned may be published. */
    publishLessons: boolean('publish_lessons').notNull().default(false),
    /** The adviser's remark when returning it. */
    remark: text('remark').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: text('submitted_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: text('decided_by'),
    decidedByLabel: text('decided_by_label'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('result_reports_stage_organisation').on(t.stageId, t.organisationId), index('result_reports_status_idx').on(t.status)],
);

/**
 * The actual value of one indicator in one report: a number (`value`) for a numeric indicator, the people
 * reached by gender for one that counts people (`value` is then their sum), or words (`valueText`) for a
 * qualitative one.
 */
export const resultReportValues = pgTable(
  'result_report_values',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => resultReports.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => goalIndicators.id, { onDelete: 'cascade' }),
    value: numeric('value', { precision: 18, scale: 2, mode: 'number' }),
    women: integer('women'),
    men: integer('men'),
    other: integer('other'),
    valueText: text('value_text').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.indicatorId] }), index('result_report_values_indicator_idx').on(t.indicatorId)],
);
