import { eq } from 'drizzle-orm';
import { financialReports } from '../../db/schema/financial-reports.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { refuseProblems } from '../errors.ts';
import { actorRef, findFinancialReport, reportLines, requireEditable, requireVersion } from './financial-report-record.ts';
import { submissionProblems } from './financial-report-rules.ts';
import { sumMinor } from './money.ts';

/**
 * The partner submits its draft (or returned) report for the agency to decide on. Refused, naming every
 * problem at once on its line's field, while a line has no actual amount or lacks an explanation the
 * variance rule (or, for a line the partner added, its justification) requires. Against its version.
 */
export async function submitFinancialReport(ctx: CoreContext, { reportId, version }: { reportId: string; version: number }): Promise<{ version: number }> {
  return ctx.db.transaction(async (tx) => {
    const tctx = { ...ctx, db: tx };
    const { report, thresholdBasisPoints } = await findFinancialReport(tctx, tx, reportId, { lock: true });
    requireEditable(ctx, report);
    requireVersion(report, version);
    const lines = await reportLines(tx, report.id);
    refuseProblems(submissionProblems(lines, thresholdBasisPoints));
    const who = actorRef(ctx);
    const [saved] = await tx
      .update(financialReports)
      .set({ status: 'submitted', submittedAt: ctx.now(), submittedBy: who.id, version: report.version + 1, updatedAt: ctx.now() })
      .where(eq(financialReports.id, report.id))
      .returning({ version: financialReports.version });
    await recordAudit(tx, tctx, {
      action: 'financial-report.submitted',
      recordType: 'financial_report',
      recordId: report.id,
      before: { status: report.status },
      after: { status: 'submitted', budgetMinor: sumMinor(lines.map((l) => l.budgetMinor)), actualMinor: sumMinor(lines.map((l) => l.actualMinor ?? 0)) },
    });
    return { version: saved!.version };
  });
}
