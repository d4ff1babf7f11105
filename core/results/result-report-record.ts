import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { applicationGoals, goalIndicators } from '../../db/schema/applications.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { partnershipPartners, partnerships } from '../../db/schema/partnerships.ts';
import { resultReports, type ResultReportStatus } from '../../db/schema/result-reports.ts';
import type { CoreContext } from '../context.ts';
import { DomainError, NotFoundError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { organisationScope, requirePermission } from '../identity/permissions.ts';
import { isRecordId } from '../records/record-id.ts';

/** A report the partner may still change. */
export const EDITABLE_RESULT_STATUSES: readonly ResultReportStatus[] = ['draft', 'returned'];

/**
 * The results reports an actor may read, as a where-clause on `result_reports` joined to its stage: the
 * agency every one, partner staff every report on the partnerships their organisations are partners of
 * (their own and their co-partners'). Null when the actor reads none.
 */
export function resultReportScope(actor: Actor): SQL | undefined | null {
  if (actor.kind === 'system') return undefined;
  if (actor.kind !== 'user') return null;
  const organisations = organisationScope(actor, 'result-report:read');
  if (organisations === null) return undefined;
  if (organisations.length === 0) return null;
  return sql`${partnershipStages.partnershipId} in (select ${partnershipPartners.partnershipId} from ${partnershipPartners} where ${inArray(partnershipPartners.organisationId, organisations)})`;
}

/**
 * One report the actor may read, with its round and partnership, or NotFound (a guessed id, or one of a
 * partnership the actor's organisations are not in, looks absent). `lock` locks the row for a change.
 */
export async function findResultReport(ctx: CoreContext, db: Database, reportId: string, { lock = false } = {}) {
  if (ctx.actor.kind === 'visitor') requirePermission(ctx.actor, 'result-report:read');
  const scope = resultReportScope(ctx.actor);
  if (scope === null || !isRecordId(reportId)) throw new NotFoundError('result_report');
  const query = db
    .select({ report: resultReports, stage: partnershipStages, partnershipTitle: partnerships.title, programmeId: partnerships.programmeId })
    .from(resultReports)
    .innerJoin(partnershipStages, eq(partnershipStages.id, resultReports.stageId))
    .innerJoin(partnerships, eq(partnerships.id, partnershipStages.partnershipId))
    .where(and(eq(resultReports.id, reportId), scope));
  const [row] = lock ? await query.for('update', { of: resultReports }) : await query;
  if (!row) throw new NotFoundError('result_report');
  return row;
}

/** How an indicator's actual is given: by gender for one that counts people, a number for a numeric one, words otherwise. */
export type IndicatorKind = 'people' | 'number' | 'text';
export const indicatorKind = (i: { countsPeople: boolean; baselineValue: number | null; targetValue: number | null }): IndicatorKind =>
  i.countsPeople ? 'people' : i.baselineValue !== null && i.targetValue !== null ? 'number' : 'text';

/**
 * The indicators a partner reports on in a round: those of the round's application that are the partner's
 * own goals' or the shared goals', shared first, in their order.
 */
export async function reportIndicators(db: Database, applicationId: string, organisationId: string) {
  const rows = await db
    .select({ indicator: goalIndicators, goalId: applicationGoals.id, goalDescription: applicationGoals.description, goalOrganisationId: applicationGoals.organisationId, goalPosition: applicationGoals.position })
    .from(goalIndicators)
    .innerJoin(applicationGoals, eq(applicationGoals.id, goalIndicators.goalId))
    .where(and(eq(applicationGoals.applicationId, applicationId), or(isNull(applicationGoals.organisationId), eq(applicationGoals.organisationId, organisationId))))
    .orderBy(sql`${applicationGoals.organisationId} is not null`, asc(applicationGoals.position), asc(goalIndicators.position));
  return rows.map((r) => ({ ...r.indicator, kind: indicatorKind(r.indicator), goal: { id: r.goalId, description: r.goalDescription, shared: r.goalOrganisationId === null } }));
}
export type ReportIndicator = Awaited<ReturnType<typeof reportIndicators>>[number];

/** The partner's right to change its report (its coordinators), and that it is still open for changes. */
export function requireEditable(ctx: CoreContext, report: typeof resultReports.$inferSelect) {
  requirePermission(ctx.actor, 'result-report:write', { organisationId: report.organisationId });
  if (!EDITABLE_RESULT_STATUSES.includes(report.status)) throw new DomainError('resultReportLocked', { status: 409 });
}

/** The version the editor loaded is still the report's, else `staleEdit` (409) and nothing changes. */
export function requireVersion(report: typeof resultReports.$inferSelect, version: number) {
  if (report.version !== version) throw new DomainError('staleEdit', { field: 'version', status: 409 });
}

export { RESULT_REPORT_STATUSES, type ResultReportStatus } from '../../db/schema/result-reports.ts';
