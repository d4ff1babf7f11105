import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { organisations } from '../../db/schema/organisations.ts';
import { resultReports } from '../../db/schema/result-reports.ts';
import { emailCoordinators } from '../applications/notify-partners.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import { text } from '../input/text.ts';
import { actorRef } from '../records/actor-ref.ts';
import { findResultReport } from './result-report-record.ts';

export const resultRemarkInput = text().trim().min(1, 'resultReportRemarkRequired').max(4000, 'tooLong');
export const resultDecisionInput = z.object({ version: z.number().int() });
export const resultReturnInput = resultDecisionInput.extend({ remark: resultRemarkInput });

/**
 * The programme adviser (or an administrator) accepts a submitted report: its actuals count from now on, on
 * the partnership page, the results dashboards and the IATI export (core/results/accepted-actuals.ts).
 * Audited; the partner's coordinators are emailed, each in their language.
 */
export async function acceptResultReport(ctx: CoreContext, { reportId, version }: { reportId: string; version: number }) {
  return decide(ctx, { reportId, version, status: 'accepted', remark: '' });
}

/**
 * The adviser returns a submitted report with a remark saying what to change (`resultReportRemarkRequired`
 * without one), emailed to the partner's coordinators in their language; the partner changes it and submits again.
 */
export async function returnResultReport(ctx: CoreContext, { reportId, version, remark }: { reportId: string; version: number; remark: string }) {
  const checked = resultRemarkInput.safeParse(remark);
  if (!checked.success) throw new DomainError(checked.error.issues[0]!.message as 'resultReportRemarkRequired', { field: 'remark', params: { max: 4000 } });
  return decide(ctx, { reportId, version, status: 'returned', remark: checked.data });
}

async function decide(ctx: CoreContext, { reportId, version, status, remark }: { reportId: string; version: number; status: 'accepted' | 'returned'; remark: string }): Promise<{ version: number }> {
  requirePermission(ctx.actor, 'result-report:decide');
  return ctx.db.transaction(async (tx) => {
    const tctx = { ...ctx, db: tx };
    const { report, stage, partnershipTitle } = await findResultReport(tctx, tx, reportId, { lock: true });
    if (report.status !== 'submitted') throw new DomainError('resultReportNotSubmitted', { status: 409 });
    if (report.version !== version) throw new DomainError('staleEdit', { field: 'version', status: 409 });
    const who = actorRef(ctx);
    const [saved] = await tx
      .update(resultReports)
      .set({ status, remark, decidedAt: ctx.now(), decidedBy: who.id, decidedByLabel: who.label, version: report.version + 1, updatedAt: ctx.now() })
      .where(eq(resultReports.id, report.id))
      .returning({ version: resultReports.version });
    await recordAudit(tx, tctx, {
      action: status === 'accepted' ? 'result-report.accepted' : 'result-report.returned',
      recordType: 'result_report',
      recordId: report.id,
      before: { status: report.status, remark: report.remark },
      after: { status, remark },
    });
    const [organisation] = await tx.select({ name: organisations.legalName }).from(organisations).where(eq(organisations.id, report.organisationId));
    await emailCoordinators(tx, [report.organisationId], status === 'accepted' ? 'resultReportAccepted' : 'resultReportReturned', (locale) => ({
      partnership: partnershipTitle,
      round: stage.roundNumber ?? 1,
      organisation: organisation?.name ?? '',
      remark,
      url: `${ctx.publicUrl ?? ''}/${locale}/result-reports/${report.id}`,
    }));
    return { version: saved!.version };
  });
}
