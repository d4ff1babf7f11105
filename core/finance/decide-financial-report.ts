import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { financialReports } from '../../db/schema/financial-reports.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { emailCoordinators } from '../applications/notify-partners.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { requirePermission } from '../identity/permissions.ts';
import { text } from '../input/text.ts';
import { actorRef, findFinancialReport } from './financial-report-record.ts';

export const returnRemarkInput = text().trim().min(1, 'financialReportRemarkRequired').max(4000, 'tooLong');
export const decisionInput = z.object({ version: z.number().int() });
export const returnInput = decisionInput.extend({ remark: returnRemarkInput });

/**
 * A finance officer (or administrator) approves a submitted report: its round's settlement counts it
 * (core/finance/stage-report-settlement.ts). Audited; the partner's coordinators are emailed, each in their language.
 */
export async function approveFinancialReport(ctx: CoreContext, { reportId, version }: { reportId: string; version: number }) {
  return decide(ctx, { reportId, version, status: 'approved', remark: '' });
}

/**
 * A finance officer (or administrator) returns a submitted report to the partner with a remark saying what
 * to change (`financialReportRemarkRequired` without one); the partner changes it and submits it again.
 */
export async function returnFinancialReport(ctx: CoreContext, { reportId, version, remark }: { reportId: string; version: number; remark: string }) {
  const checked = returnRemarkInput.safeParse(remark);
  if (!checked.success) throw new DomainError(checked.error.issues[0]!.message as 'financialReportRemarkRequired', { field: 'remark', params: { max: 4000 } });
  return decide(ctx, { reportId, version, status: 'returned', remark: checked.data });
}

async function decide(ctx: CoreContext, { reportId, version, status, remark }: { reportId: string; version: number; status: 'approved' | 'returned'; remark: string }): Promise<{ version: number }> {
  requirePermission(ctx.actor, 'finance:manage');
  return ctx.db.transaction(async (tx) => {
    const tctx = { ...ctx, db: tx };
    const { report, stage, partnershipTitle } = await findFinancialReport(tctx, tx, reportId, { lock: true });
    if (report.status !== 'submitted') throw new DomainError('financialReportNotSubmitted', { status: 409 });
    if (report.version !== version) throw new DomainError('staleEdit', { field: 'version', status: 409 });
    const who = actorRef(ctx);
    const [saved] = await tx
      .update(financialReports)
      .set({ status, remark, decidedAt: ctx.now(), decidedBy: who.id, decidedByLabel: who.label, version: report.version + 1, updatedAt: ctx.now() })
      .where(eq(financialReports.id, report.id))
      .returning({ version: financialReports.version });
    await recordAudit(tx, tctx, {
      action: status === 'approved' ? 'financial-report.approved' : 'financial-report.returned',
      recordType: 'financial_report',
      recordId: report.id,
      before: { status: report.status, remark: report.remark },
      after: { status, remark },
    });
    const [organisation] = await tx.select({ name: organisations.legalName }).from(organisations).where(eq(organisations.id, report.organisationId));
    await emailCoordinators(tx, [report.organisationId], status === 'approved' ? 'financialReportApproved' : 'financialReportReturned', (locale) => ({
      partnership: partnershipTitle,
      round: stage.roundNumber ?? 1,
      organisation: organisation?.name ?? '',
      remark,
      url: `${ctx.publicUrl ?? ''}/${locale}/financial-reports/${report.id}`,
    }));
    return { version: saved!.version };
  });
}
