import { eq, sql } from 'drizzle-orm';
import { agency } from '../../db/schema/agency.ts';
import { participants, reportReminders, type ReminderStep, type ReportKind } from '../../db/schema/participants.ts';
import { isLocale } from '../../i18n/locales.ts';
import { createTranslator } from '../../i18n/translator.ts';
import { coordinatorsOf } from '../applications/notify-partners.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { enqueueEmail } from '../email/enqueue-email.ts';
import { osloDate } from '../partnerships/check-deadline.ts';
import { findOverdueReports } from './overdue-report-facts.ts';
import { participantRecipient } from './participant-report-record.ts';
import { addDays, ARRIVAL_DAYS, HOME_ENGAGEMENT_DAYS, reminderSteps } from './report-due-dates.ts';

/**
 * Reports that fell due longer ago than this are listed as overdue but no longer reminded: a first run
 * against years of history (or after a long stop) must not flood old participants with email.
 */
export const REMINDER_WINDOW_DAYS = 60;

export interface SentReminder {
  participantId: string;
  kind: ReportKind;
  dueOn: string;
  step: ReminderStep;
  recipients: number;
}

/**
 * The scheduled job `reminders` (server/jobs/jobs-runner.ts, `npm run jobs -- reminders`): for every
 * overdue report that fell due within REMINDER_WINDOW_DAYS, the latest reminder step it has reached
 * (report-due-dates.ts `reminderSteps`) is sent once: to the participant, and at the second step also to
 * the sending organisation's coordinators, each in their own language.
 *
 * Never twice: each reminder is first inserted into `report_reminders` under its unique key (participant,
 * kind, due date, step) with ON CONFLICT DO NOTHING, and its emails are queued in the same transaction only
 * when that insert took. A second run, a restarted server or a run at the same moment finds the key taken
 * (a concurrent insert waits for the first transaction and then does nothing) and sends nothing.
 */
export async function sendReportReminders(ctx: CoreContext): Promise<{ sent: SentReminder[]; alreadySent: number }> {
  const today = osloDate(ctx.now());
  const since = addDays(today, -REMINDER_WINDOW_DAYS);
  // Only participants who can have a report due within the window are read: every due date is at most 30
  // days after the actual start, on the planned end, or 90 days after the actual end (report-due-dates.ts).
  // Reading everyone who ever went (954,000 of 1,000,000) took the server past its 256 MB heap.
  const recent = sql`(${participants.actualStartsOn} >= ${addDays(since, -ARRIVAL_DAYS)} or ${participants.endsOn} >= ${since} or ${participants.actualEndsOn} >= ${addDays(since, -HOME_ENGAGEMENT_DAYS)})`;
  const overdue = (await findOverdueReports(ctx.db, recent, today)).filter((o) => o.dueOn >= since);
  const sent: SentReminder[] = [];
  let alreadySent = 0;
  for (const report of overdue) {
    const step = reminderSteps(report.dueOn, today).at(-1);
    if (!step) continue;
    const result = await ctx.db.transaction(async (tx) => {
      const [claimed] = await tx
        .insert(reportReminders)
        .values({ participantId: report.participantId, kind: report.kind, dueOn: report.dueOn, step, sentAt: ctx.now() })
        .onConflictDoNothing()
        .returning({ id: reportReminders.id });
      if (!claimed) return null;
      const [participant] = await tx.select().from(participants).where(eq(participants.id, report.participantId));
      const [agencyRow] = await tx.select({ name: agency.name }).from(agency).limit(1);
      const people = [
        await participantRecipient(tx, participant!),
        ...(step === 'second' ? (await coordinatorsOf(tx, [participant!.homeOrganisationId])).map((c) => ({ ...c, coordinator: true })) : []),
      ].filter((p) => p !== null);
      const seen = new Set<string>();
      for (const person of people) {
        if (seen.has(person.email)) continue;
        seen.add(person.email);
        const locale = isLocale(person.locale) ? person.locale : 'en';
        const coordinator = 'coordinator' in person;
        await enqueueEmail(tx, {
          to: person.email,
          name: person.name,
          locale,
          template: 'reportReminder',
          params: {
            participant: report.participantName,
            report: createTranslator(locale).t(`reportKind.${report.kind}`),
            dueOn: createTranslator(locale).date(report.dueOn),
            reader: coordinator ? 'coordinator' : 'participant',
            url: `${ctx.publicUrl ?? ''}/${locale}/${coordinator ? `participants/${report.participantId}/reports/${report.kind}` : `exchange/reports/${report.kind}`}`,
          },
          agencyName: agencyRow?.name ?? '',
        });
      }
      await tx.update(reportReminders).set({ recipients: seen.size }).where(eq(reportReminders.id, claimed.id));
      await recordAudit(tx, { ...ctx, db: tx }, {
        action: 'participantReport.reminded',
        recordType: 'participant',
        recordId: report.participantId,
        after: { kind: report.kind, dueOn: report.dueOn, step, recipients: seen.size },
      });
      return seen.size;
    });
    if (result === null) alreadySent += 1;
    else sent.push({ participantId: report.participantId, kind: report.kind, dueOn: report.dueOn, step, recipients: result });
  }
  return { sent, alreadySent };
}
