import { bigint, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A rule's row in a stored check's summary (core/open-data/iati/make-iati-check.ts writes them). */
export interface StoredIatiRuleSummary {
  rule: string;
  problems: number;
  /** How many activities have at least one problem by this rule. */
  activities: number;
}

/**
 * The IATI publisher's preview as a job last made it (decision 024): every activity of the export read and
 * checked by the standard's rules, stored so that the preview's pages slice a stored answer instead of
 * reading every activity on request. A check is finished when `finished_at` is set; the preview shows the
 * latest finished one, with its time, and says when changes have been made since (`audit_up_to`, `checked_on`).
 */
export const iatiChecks = pgTable(
  'iati_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationIdentifier: text('organisation_identifier').notNull(),
    /** The publisher's date (Europe/Oslo) the rules were applied with ("an actual date in the future"). */
    checkedOn: date('checked_on', { mode: 'string' }).notNull(),
    /** The last audit entry that may change the export (core/open-data/iati/latest-export-change.ts) when the check began: a later one is a change it has not seen. */
    auditUpTo: bigint('audit_up_to', { mode: 'number' }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    activities: integer('activities').notNull().default(0),
    errors: integer('errors').notNull().default(0),
    warnings: integer('warnings').notNull().default(0),
    /** The years some activity is active in: each has its own file. */
    years: jsonb('years').$type<number[]>().notNull().default([]),
    /** Every rule that found a problem, in the summary's order (errors first, then the most problems). */
    rules: jsonb('rules').$type<StoredIatiRuleSummary[]>().notNull().default([]),
  },
  (t) => [index('iati_checks_latest_idx').on(t.organisationIdentifier, t.finishedAt)],
);

/** One problem a stored check found, numbered within its rule in the activities' order (a page is a range of `position`). */
export const iatiCheckProblems = pgTable(
  'iati_check_problems',
  {
    checkId: uuid('check_id')
      .notNull()
      .references(() => iatiChecks.id, { onDelete: 'cascade' }),
    rule: text('rule').notNull(),
    position: integer('position').notNull(),
    partnershipId: uuid('partnership_id').notNull(),
    identifier: text('identifier').notNull(),
    title: text('title').notNull(),
    path: text('path').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull(),
    fix: jsonb('fix').$type<{ record: string; id: string; field?: string }>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.checkId, t.rule, t.position] })],
);
