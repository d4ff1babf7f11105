import { sql } from 'drizzle-orm';
import { coreContext } from '../../core/context.ts';
import { system } from '../../core/identity/actor.ts';
import { makeIatiCheck } from '../../core/open-data/iati/make-iati-check.ts';
import { DEFAULT_IATI_ORGANISATION_IDENTIFIER } from '../../core/open-data/iati/stream-iati-activities.ts';
import { sendReportReminders } from '../../core/participants/send-report-reminders.ts';
import type { Database } from '../../db/database.ts';

export interface JobOptions {
  db: Database;
  publicUrl: string;
  /** The agency's IATI organisation identifier (IATI_ORGANISATION_IDENTIFIER). */
  iatiOrganisationIdentifier?: string;
  /** The clock the job reads (ctx.now()); tests move it. */
  now?: () => Date;
}

/** What a job did, for the log and for `npm run jobs`: a one-line summary and the details. */
export interface JobResult {
  summary: string;
  details: Record<string, unknown>;
  /** Nothing was there to do: logged only when debugging (a job run every few seconds would fill the log). */
  idle?: boolean;
}

export interface Job {
  run: (options: JobOptions) => Promise<JobResult>;
  /** How often the server runs it, and how long after start the first time. */
  everyMs: number;
  firstAfterMs: number;
  /**
   * After a run that took t, the next waits at least `restFactor × t`: a job whose work grows with the data
   * takes at most 1 / (1 + restFactor) of the time, however often there is something to do.
   */
  restFactor?: number;
}

/**
 * The scheduled jobs by name. Each is safe to run at any moment, as often as anyone likes, by several
 * processes at once: what it does is decided by what the database says has been done (reminders: the
 * unique key of `report_reminders`; the IATI check: the audit entry it last saw), never by remembering in
 * memory, so restarts lose and repeat nothing.
 */
export const jobs = {
  reminders: {
    everyMs: 60 * 60_000,
    firstAfterMs: 30_000,
    run: async ({ db, publicUrl, now }) => {
      const { sent, alreadySent } = await sendReportReminders(coreContext({ db, actor: system('job:reminders'), publicUrl, now }));
      const emails = sent.reduce((n, s) => n + s.recipients, 0);
      return { summary: `reminders: ${sent.length} sent (${emails} emails queued), ${alreadySent} already sent before`, details: { sent, alreadySent } };
    },
  },
  /**
   * The planner's statistics brought up to date. The embedded database runs no autovacuum: analysed only at
   * start, a table that grew since kept the plans of its old size (a look-up planned while a table was
   * small scans it whole once it is large: decision 018, fourth addendum). On PostgreSQL autovacuum does
   * this too; ANALYZE reads a sample of each table, so an hourly run costs a few seconds at a million rows.
   */
  analyse: {
    everyMs: 60 * 60_000,
    firstAfterMs: 30_000,
    run: async ({ db }) => {
      const started = performance.now();
      await db.execute(sql`analyze`);
      const ms = Math.round(performance.now() - started);
      return { summary: `analyse: the planner's statistics brought up to date in ${ms} ms`, details: { ms } };
    },
  },
  /**
   * The IATI publisher's preview, checked again when anything changed (decision 024): looked at every ten
   * seconds (two reads by index when nothing changed), right after start, and resting four times as long
   * as the last check took, so at 100,000 partnerships a busy day of changes costs at most a fifth of the time.
   */
  iatiCheck: {
    everyMs: 10_000,
    firstAfterMs: 0,
    restFactor: 4,
    run: async ({ db, publicUrl, now, iatiOrganisationIdentifier = DEFAULT_IATI_ORGANISATION_IDENTIFIER }) => {
      const made = await makeIatiCheck(coreContext({ db, actor: system('job:iati-check'), publicUrl, now }), { organisationIdentifier: iatiOrganisationIdentifier });
      if (!made.made) return { summary: 'iati check: nothing changed since the last check', details: { ...made }, idle: true };
      return { summary: `iati check: ${made.activities} activities read, ${made.problems} problems stored in ${made.ms} ms`, details: { ...made } };
    },
  },
} satisfies Record<string, Job>;

export type JobName = keyof typeof jobs;

export const isJobName = (name: string): name is JobName => Object.hasOwn(jobs, name);
