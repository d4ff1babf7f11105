import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { financialReportLines, financialReports, type FinancialReportStatus } from '../../db/schema/financial-reports.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import { programmes } from '../../db/schema/programmes.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { organisationScope, requirePermission } from '../identity/permissions.ts';
import { isRecordId } from '../records/record-id.ts';

/** The file store's folder for receipts. */
export const RECEIPT_FOLDER = 'financial-report-receipts';
/** At most this many receipts on one report. */
export const MAX_RECEIPTS = 40;
/** A report the partner may still change. */
export const EDITABLE_STATUSES: readonly FinancialReportStatus[] = ['draft', 'returned'];

/**
 * The financial reports an actor may read, as a where-clause: the agency's finance readers every one,
 * partner staff their own organisations'. Null when the actor reads none.
 */
export function financialReportScope(actor: Actor): SQL | undefined | null {
  if (actor.kind === 'system') return undefined;
  if (actor.kind !== 'user') return null;
  const organisations = organisationScope(actor, 'financial-report:read');
  if (organisations === null) return undefined;
  if (organisations.length === 0) return null;
  return inArray(financialReports.organisationId, organisations);
}

/**
 * One report the actor may read, with its round's threshold, or NotFound (a guessed id, or one of another
 * organisation, looks absent). `lock` locks the row for a change in the caller's transaction.
 */
export async function findFinancialReport(ctx: CoreContext, db: Database, reportId: string, { lock = false } = {}) {
  if (ctx.actor.kind === 'visitor') requirePermission(ctx.actor, 'financial-report:read');
  const scope = financialReportScope(ctx.actor);
  if (scope === null || !isRecordId(reportId)) throw new NotFoundError('financial_report');
  const query = db
    .select({ report: financialReports, stage: partnershipStages, partnershipTitle: partnerships.title, programmeId: programmes.id, thresholdBasisPoints: programmes.varianceThresholdBasisPoints })
    .from(financialReports)
    .innerJoin(partnershipStages, eq(partnershipStages.id, financialReports.stageId))
    .innerJoin(partnerships, eq(partnerships.id, partnershipStages.partnershipId))
    .innerJoin(programmes, eq(programmes.id, partnerships.programmeId))
    .where(and(eq(financialReports.id, reportId), scope));
  const [row] = lock ? await query.for('update', { of: financialReports }) : await query;
  if (!row) throw new NotFoundError('financial_report');
  return row;
}

/** The report's lines in their order. */
export function reportLines(db: Database, reportId: string) {
  return db.select().from(financialReportLines).where(eq(financialReportLines.reportId, reportId)).orderBy(asc(financialReportLines.position));
}

/** The partner's right to change its report (its coordinators and finance staff), and that it is still open for changes. */
export function requireEditable(ctx: CoreContext, report: typeof financialReports.$inferSelect) {
  requirePermission(ctx.actor, 'financial-report:write', { organisationId: report.organisationId });
  if (!EDITABLE_STATUSES.includes(report.status)) throw new DomainError('financialReportLocked', { status: 409 });
}

/** The version the editor loaded is still the report's, else `staleEdit` (409) and nothing changes. */
export function requireVersion(report: typeof financialReports.$inferSelect, version: number) {
  if (report.version !== version) throw new DomainError('staleEdit', { field: 'version', status: 409 });
}

/** Who acts, for the report's columns (shared with results reports). */
export { actorRef } from '../records/actor-ref.ts';

export { FINANCIAL_REPORT_STATUSES, type FinancialReportStatus } from '../../db/schema/financial-reports.ts';
