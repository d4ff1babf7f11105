import { alias } from 'drizzle-orm/pg-core';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { planFlows } from '../../db/schema/applications.ts';
import { financialReportReceipts } from '../../db/schema/financial-reports.ts';
import { organisations } from '../../db/schema/organisations.ts';
import type { CoreContext } from '../context.ts';
import { can } from '../identity/permissions.ts';
import { EDITABLE_STATUSES, findFinancialReport, reportLines } from './financial-report-record.ts';
import { explanationRequired, needsExplanation, varianceBasisPoints, varianceMinor } from './financial-report-rules.ts';
import { sumMinor } from './money.ts';

/** Who sends to whom on each flow, for naming budget lines. */
export async function flowNames(db: Database, flowIds: string[]) {
  if (flowIds.length === 0) return new Map<string, { from: string; to: string }>();
  const sending = alias(organisations, 'sending');
  const host = alias(organisations, 'host');
  const rows = await db
    .select({ id: planFlows.id, from: sending.legalName, to: host.legalName })
    .from(planFlows)
    .innerJoin(sending, eq(sending.id, planFlows.sendingOrganisationId))
    .innerJoin(host, eq(host.id, planFlows.hostOrganisationId))
    .where(inArray(planFlows.id, flowIds));
  return new Map(rows.map((r) => [r.id, { from: r.from, to: r.to }]));
}

/**
 * One financial report as its page and the API show it: the round and partner, the programme's variance
 * threshold, each line with its budget, actual, variance (amount and share) and whether it must be
 * explained, the totals, the receipts, and what the reader may do with it now.
 */
export async function getFinancialReport(ctx: CoreContext, { reportId }: { reportId: string }) {
  const { report, stage, partnershipTitle, thresholdBasisPoints } = await findFinancialReport(ctx, ctx.db, reportId);
  const [lines, receipts, [organisation]] = await Promise.all([
    reportLines(ctx.db, report.id),
    ctx.db
      .select({ id: financialReportReceipts.id, fileName: financialReportReceipts.fileName, contentType: financialReportReceipts.contentType, sizeBytes: financialReportReceipts.sizeBytes, uploadedAt: financialReportReceipts.uploadedAt })
      .from(financialReportReceipts)
      .where(eq(financialReportReceipts.reportId, report.id))
      .orderBy(asc(financialReportReceipts.uploadedAt)),
    ctx.db.select({ name: organisations.legalName }).from(organisations).where(eq(organisations.id, report.organisationId)),
  ]);
  const flows = await flowNames(ctx.db, lines.flatMap((l) => (l.flowId ? [l.flowId] : [])));
  const budgetMinor = sumMinor(lines.map((l) => l.budgetMinor));
  const actualMinor = sumMinor(lines.map((l) => l.actualMinor ?? 0));
  const canEdit = EDITABLE_STATUSES.includes(report.status) && can(ctx.actor, 'financial-report:write', { organisationId: report.organisationId });
  return {
    id: report.id,
    status: report.status,
    version: report.version,
    currency: report.currency,
    remark: report.remark,
    submittedAt: report.submittedAt,
    decidedAt: report.decidedAt,
    decidedByLabel: report.decidedByLabel,
    createdAt: report.createdAt,
    updatedAt: report.updatedAt,
    stage: { id: stage.id, roundNumber: stage.roundNumber ?? 1, startsOn: stage.startsOn, endsOn: stage.endsOn, partnershipId: stage.partnershipId },
    partnershipTitle,
    organisation: { id: report.organisationId, name: organisation?.name ?? '' },
    thresholdBasisPoints,
    lines: lines.map((l) => ({
      id: l.id,
      position: l.position,
      kind: l.kind,
      flowId: l.flowId,
      flow: l.flowId ? (flows.get(l.flowId) ?? null) : null,
      label: l.label,
      budgetMinor: l.budgetMinor,
      actualMinor: l.actualMinor,
      explanation: l.explanation,
      varianceMinor: varianceMinor(l.budgetMinor, l.actualMinor),
      varianceBasisPoints: varianceBasisPoints(l.budgetMinor, l.actualMinor),
      overThreshold: needsExplanation(l.budgetMinor, l.actualMinor, thresholdBasisPoints),
      explanationRequired: explanationRequired(l, thresholdBasisPoints),
    })),
    totals: { budgetMinor, actualMinor, varianceMinor: actualMinor - budgetMinor, varianceBasisPoints: varianceBasisPoints(budgetMinor, actualMinor) },
    receipts,
    canEdit,
    canDecide: report.status === 'submitted' && can(ctx.actor, 'finance:manage'),
  };
}
export type FinancialReportDetail = Awaited<ReturnType<typeof getFinancialReport>>;
