import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { requirePermission } from '../identity/permissions.ts';
import { sendReportReminders } from './send-report-reminders.ts';

/**
 * An administrator runs the `reminders` job now, from the admin page, instead of waiting for the hourly
 * run (server/jobs/jobs-runner.ts): the same sendReportReminders, so what was already sent is not sent
 * again. The run itself is written to the audit trail, beside the reminders it sent.
 */
export async function runReportRemindersNow(ctx: CoreContext): Promise<{ sent: number; emails: number; alreadySent: number }> {
  requirePermission(ctx.actor, 'admin:access');
  const { sent, alreadySent } = await sendReportReminders(ctx);
  const result = { sent: sent.length, emails: sent.reduce((n, s) => n + s.recipients, 0), alreadySent };
  await recordAudit(ctx.db, ctx, { action: 'job.reminders.run', recordType: 'job', recordId: 'reminders', after: result });
  return result;
}
