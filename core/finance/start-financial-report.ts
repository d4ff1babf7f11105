import { and, eq } from 'drizzle-orm';
import { BUDGETED_OTHER_LINE_KIND } from './financial-report-rules.ts';
import { z } from 'zod';
import { applicationPartners } from '../../db/schema/applications.ts';
import { financialReportLines, financialReports } from '../../db/schema/financial-reports.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { can, requirePermission } from '../identity/permissions.ts';
import { isRecordId } from '../records/record-id.ts';
import type { BudgetLine } from '../unit-costs/compute-round-budget.ts';
import { getApplicationBudget } from '../unit-costs/get-application-budget.ts';
import { sumMinor } from './money.ts';
import { isUniqueViolation } from '../records/unique-violation.ts';

export const startFinancialReportInput = z.object({
  stageId: z.string(),
  /** The partner organisation reporting; may be left out when the caller reports for one partner of the round only. */
  organisationId: z.string().optional(),
});

/** The lines a report starts with: the partner's lines of the round's budget in its order, the administration share its own line (a line whose rate was unknown at 0). */
export function snapshotLines(budgetLines: readonly BudgetLine[], organisationId: string) {
  return budgetLines
    .filter((l) => l.organisationId === organisationId)
    .map((l, i) => ({ position: i + 1, kind: l.kind === 'other' ? BUDGETED_OTHER_LINE_KIND : (l.kind as string), flowId: l.flowId, label: l.other?.label ?? '', budgetMinor: l.amountMinor ?? 0, actualMinor: null, explanation: '' }));
}

/**
 * A partner starts its financial report on a granted round (issue 11, point 8): a draft whose lines are a
 * snapshot of that partner's lines of the round's budget as computed now (kind, flow, amount), in one
 * transaction, audited. A round whose budget cannot be computed (no published unit-cost table) gets a
 * report without budget lines, to which the partner adds its own. One report per round and partner
 * (`financialReportExists`, 409). Only the partner's coordinators and finance staff start it; a round the
 * caller's organisation is not a partner of is not found.
 */
export async function startFinancialReport(ctx: CoreContext, input: { stageId: string; organisationId?: string }): Promise<{ id: string; version: number }> {
  requirePermission(ctx.actor, 'financial-report:write');
  const { stageId, organisationId: asked } = startFinancialReportInput.parse(input);
  if (!isRecordId(stageId) || (asked !== undefined && !isRecordId(asked))) throw new NotFoundError('stage');
  try {
    return await ctx.db.transaction(async (tx) => {
      const tctx = { ...ctx, db: tx };
      const [stage] = await tx.select().from(partnershipStages).where(and(eq(partnershipStages.id, stageId), eq(partnershipStages.kind, 'round')));
      if (!stage) throw new NotFoundError('stage');
      const partners = await tx.select({ organisationId: applicationPartners.organisationId }).from(applicationPartners).where(eq(applicationPartners.applicationId, stage.applicationId));
      const mine = partners.map((p) => p.organisationId).filter((id) => (asked === undefined || id === asked) && can(ctx.actor, 'financial-report:write', { organisationId: id }));
      if (mine.length === 0) throw new NotFoundError('stage');
      if (mine.length > 1) throw new DomainError('financialReportChooseOrganisation', { field: 'organisationId' });
      const organisationId = mine[0]!;
      const [existing] = await tx.select({ id: financialReports.id }).from(financialReports).where(and(eq(financialReports.stageId, stageId), eq(financialReports.organisationId, organisationId)));
      if (existing) throw new DomainError('financialReportExists', { status: 409, params: { id: existing.id } });
      const { rounds } = await getApplicationBudget(tctx, { applicationId: stage.applicationId });
      const round = rounds.find((r) => r.round === stage.roundNumber);
      const lines = round?.budget ? snapshotLines(round.budget.lines, organisationId) : [];
      const [report] = await tx.insert(financialReports).values({ stageId, organisationId, currency: round?.budget?.currency ?? stage.currency, createdAt: ctx.now(), updatedAt: ctx.now() }).returning();
      if (lines.length > 0) await tx.insert(financialReportLines).values(lines.map((l) => ({ ...l, reportId: report!.id })));
      await recordAudit(tx, tctx, {
        action: 'financial-report.started',
        recordType: 'financial_report',
        recordId: report!.id,
        after: { stageId, organisationId, status: 'draft', lines: lines.length, budgetMinor: sumMinor(lines.map((l) => l.budgetMinor)), unitCostTable: round?.table?.id ?? null },
      });
      return { id: report!.id, version: report!.version };
    });
  } catch (error) {
    // Two starts at once: the unique key lets one through; the other is told the report exists.
    if (isUniqueViolation(error)) throw new DomainError('financialReportExists', { status: 409 });
    throw error;
  }
}
