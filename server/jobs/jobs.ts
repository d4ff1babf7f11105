import { sql } from 'drizzle-orm';
import { coreContext } from '../../core/context.ts';
import { system } from '../../core/identity/actor.ts';
import { sendReportReminders } from '../../core/participants/send-report-reminders.ts';
import type { Database } from '../../db/database.ts';

export interface JobOptions {
  db: Database;
  publicUrl: string;
  /** The clock the job reads (ctx.now()); tests move it. */
  now?: () => Date;
}

/** What a job did, for the log and for `npm run jobs`: a one-line summary and the details. */
export interface JobResult {
  summary: string;
  details: Record<string, unknown>;
}

/**
 * The scheduled jobs by name. Each is safe to run at any moment, as often as anyone likes, by several
 * processes at once: what it does is decided by what the database says has been done (reminders: the
 * unique key of `report_reminders`), never by remembering in memory, so restarts lose and repeat nothing.
 */
export const jobs = {
  reminders: async ({ db, publicUrl, now }: JobOptions): Promise<JobResult> => {
    const { sent, alreadySent } = await sendReportReminders(coreContext({ db, actor: system('job:reminders'), publicUrl, now }));
    const emails = sent.reduce((n, s) => n + s.recipients, 0);
    return { summary: `reminders: ${sent.length} sent (${emails} emails queued), ${alreadySent} already sent before`, details: { sent, alreadySent } };
  },
  /**
   * The planner's statistics brought up to date. The embedded database runs no autovacuum: analysed only at
   * start, a table that grew since kept the plans of its old size (a look-up planned while a table was
   * small scans it whole once it is large: decision 018, fourth addendum). On PostgreSQL autovacuum does
   * this too; ANALYZE reads a sample of each table, so an hourly run costs a few seconds at a million rows.
   */
  analyse: async ({ db }: JobOptions): Promise<JobResult> => {
    const started = performance.now();
    await db.execute(sql`analyze`);
    const ms = Math.round(performance.now() - started);
    return { summary: `analyse: the planner's statistics brought up to date in ${ms} ms`, details: { ms } };
  },
} satisfies Record<string, (options: JobOptions) => Promise<JobResult>>;

export type JobName = keyof typeof jobs;

export const isJobName = (name: string): name is JobName => Object.hasOwn(jobs, name);
