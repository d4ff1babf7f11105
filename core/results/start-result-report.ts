import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { applicationPartners } from '../../db/schema/applications.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { resultReports } from '../../db/schema/result-reports.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import { can, requirePermission } from '../identity/permissions.ts';
import { parseOrRefuse } from '../input/parse-or-refuse.ts';
import { isRecordId } from '../records/record-id.ts';
import { isUniqueViolation } from '../records/unique-violation.ts';

export const startResultReportInput = z.object({
  stageId: z.string(),
  /** The partner organisation reporting; may be left out when the caller reports for one partner of the round only. */
  organisationId: z.string().optional(),
});

/**
 * A partner starts its results report on a granted round: an empty draft, audited. One report per round and
 * partner (`resultReportExists`, 409, with the existing report's id). Only the partner's coordinators start
 * it; a round the caller's organisation is not a partner of, like a guessed id, is not found.
 */
export async function startResultReport(ctx: CoreContext, input: { stageId: string; organisationId?: string }): Promise<{ id: string; version: number }> {
  requirePermission(ctx.actor, 'result-report:write');
  const { stageId, organisationId: asked } = parseOrRefuse(startResultReportInput, input);
  if (!isRecordId(stageId) || (asked !== undefined && !isRecordId(asked))) throw new NotFoundError('stage');
  try {
    return await ctx.db.transaction(async (tx) => {
      const tctx = { ...ctx, db: tx };
      const [stage] = await tx.select().from(partnershipStages).where(and(eq(partnershipStages.id, stageId), eq(partnershipStages.kind, 'round')));
      if (!stage) throw new NotFoundError('stage');
      const partners = await tx.select({ organisationId: applicationPartners.organisationId }).from(applicationPartners).where(eq(applicationPartners.applicationId, stage.applicationId));
      const mine = partners.map((p) => p.organisationId).filter((id) => (asked === undefined || id === asked) && can(ctx.actor, 'result-report:write', { organisationId: id }));
      if (mine.length === 0) throw new NotFoundError('stage');
      if (mine.length > 1) throw new DomainError('resultReportChooseOrganisation', { field: 'organisationId' });
      const organisationId = mine[0]!;
      const [existing] = await tx.select({ id: resultReports.id }).from(resultReports).where(and(eq(resultReports.stageId, stageId), eq(resultReports.organisationId, organisationId)));
      if (existing) throw new DomainError('resultReportExists', { status: 409, params: { id: existing.id } });
      const [report] = await tx.insert(resultReports).values({ stageId, organisationId, createdAt: ctx.now(), updatedAt: ctx.now() }).returning();
      await recordAudit(tx, tctx, { action: 'result-report.started', recordType: 'result_report', recordId: report!.id, after: { stageId, organisationId, status: 'draft' } });
      return { id: report!.id, version: report!.version };
    });
  } catch (error) {
    // Two starts at once: the unique key lets one through; the other is told the report exists.
    if (isUniqueViolation(error)) throw new DomainError('resultReportExists', { status: 409 });
    throw error;
  }
}
