import { eq } from 'drizzle-orm';
import { resultReports } from '../../db/schema/result-reports.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { refuseProblems } from '../errors.ts';
import { actorRef } from '../records/actor-ref.ts';
import { reportActuals } from './get-result-report.ts';
import { findResultReport, reportIndicators, requireEditable, requireVersion } from './result-report-record.ts';
import { EMPTY_ACTUAL, resultSubmissionProblems } from './result-report-rules.ts';

/**
 * The partner submits its draft (or returned) report for the programme adviser to decide on. Refused, naming
 * every problem at once on its field, while the narrative or lessons learned are empty or an indicator has no
 * actual (`resultSubmissionProblems`). Against its version.
 */
export async function submitResultReport(ctx: CoreContext, { reportId, version }: { reportId: string; version: number }): Promise<{ version: number }> {
  return ctx.db.transaction(async (tx) => {
    const tctx = { ...ctx, db: tx };
    const { report, stage } = await findResultReport(tctx, tx, reportId, { lock: true });
    requireEditable(ctx, report);
    requireVersion(report, version);
    const indicators = await reportIndicators(tx, stage.applicationId, report.organisationId);
    const actuals = await reportActuals(tx, report.id, indicators.map((i) => i.id));
    refuseProblems(resultSubmissionProblems(report, indicators.map((i) => ({ id: i.id, kind: i.kind, actual: actuals.get(i.id) ?? EMPTY_ACTUAL }))));
    const who = actorRef(ctx);
    const [saved] = await tx
      .update(resultReports)
      .set({ status: 'submitted', submittedAt: ctx.now(), submittedBy: who.id, version: report.version + 1, updatedAt: ctx.now() })
      .where(eq(resultReports.id, report.id))
      .returning({ version: resultReports.version });
    await recordAudit(tx, tctx, { action: 'result-report.submitted', recordType: 'result_report', recordId: report.id, before: { status: report.status }, after: { status: 'submitted', indicators: indicators.length } });
    return { version: saved!.version };
  });
}
