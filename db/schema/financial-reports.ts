import { bigint, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.ts';
import { partnershipStages } from './partnership-stages.ts';

/** draft (the partner writes) → submitted → approved, or returned (with a remark) → submitted again. */
export const FINANCIAL_REPORT_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type FinancialReportStatus = (typeof FINANCIAL_REPORT_STATUSES)[number];

/**
 * A partner's financial report on one granted round (issue 11, point 8): what it spent per budget line,
 * with receipts, and an explanation wherever the actual differs from the budget by more than the
 * programme's threshold. A finance officer approves or returns it; the round's last tranche waits until
 * every partner's report is approved.
 */
export const financialReports = pgTable(
  'financial_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stageId: uuid('stage_id')
      .notNull()
      .references(() => partnershipStages.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    status: text('status', { enum: FINANCIAL_REPORT_STATUSES }).notNull().default('draft'),
    currency: text('currency').notNull(),
    /** The finance officer's remark when returning it. */
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
  (t) => [unique('financial_reports_stage_organisation').on(t.stageId, t.organisationId), index('financial_reports_status_idx').on(t.status)],
);

/**
 * One line of a financial report: a line of the partner's budget (kind and flow, as budgeted when the
 * report was started) or another cost the partner adds (`kind` 'other'), with what was actually spent.
 */
export const financialReportLines = pgTable(
  'financial_report_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => financialReports.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /** A budget line kind (core/unit-costs/compute-round-budget.ts) or 'other'. */
    kind: text('kind').notNull(),
    flowId: uuid('flow_id'),
    /** What the line is, as the partner names it for 'other' lines; empty for budget lines (pages name them). */
    label: text('label').notNull().default(''),
    budgetMinor: bigint('budget_minor', { mode: 'number' }).notNull(),
    actualMinor: bigint('actual_minor', { mode: 'number' }),
    explanation: text('explanation').notNull().default(''),
  },
  (t) => [index('financial_report_lines_report_idx').on(t.reportId, t.position)],
);

/** A receipt attached to a financial report; the bytes are in the file store under `fileKey`. */
export const financialReportReceipts = pgTable(
  'financial_report_receipts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => financialReports.id, { onDelete: 'cascade' }),
    fileKey: text('file_key').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    uploadedBy: text('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('financial_report_receipts_report_idx').on(t.reportId)],
);
