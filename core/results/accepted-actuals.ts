import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { applicationGoals, goalIndicators } from '../../db/schema/applications.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { resultReports, resultReportValues } from '../../db/schema/result-reports.ts';

/**
 * The accepted actuals, one row per indicator, reporting partner and round: the round's period, the
 * indicator (and its series, the same indicator across a partnership's applications), who reported, and the
 * value (for people: by gender, `value` their sum; for a qualitative indicator `valueText`). Only reports the
 * adviser accepted count. This is the one reader of results for everything that publishes or sums them
 * (the partnership page, the dashboards, the IATI export); it applies no permission: the figures of accepted
 * reports are public, the narratives are not read here.
 */
export async function acceptedActuals(db: Database, filter: { partnershipIds?: string[]; seriesIds?: string[] } = {}) {
  const where: (SQL | undefined)[] = [eq(resultReports.status, 'accepted')];
  if (filter.partnershipIds) where.push(filter.partnershipIds.length ? inArray(partnershipStages.partnershipId, filter.partnershipIds) : inArray(partnershipStages.id, []));
  if (filter.seriesIds) where.push(filter.seriesIds.length ? inArray(goalIndicators.seriesId, filter.seriesIds) : inArray(goalIndicators.id, []));
  return db
    .select({
      partnershipId: partnershipStages.partnershipId,
      stageId: partnershipStages.id,
      roundNumber: partnershipStages.roundNumber,
      periodStart: partnershipStages.startsOn,
      periodEnd: partnershipStages.endsOn,
      reportId: resultReports.id,
      organisationId: resultReports.organisationId,
      indicatorId: goalIndicators.id,
      seriesId: goalIndicators.seriesId,
      sharedGoal: applicationGoals.organisationId,
      value: resultReportValues.value,
      women: resultReportValues.women,
      men: resultReportValues.men,
      other: resultReportValues.other,
      valueText: resultReportValues.valueText,
      acceptedAt: resultReports.decidedAt,
    })
    .from(resultReportValues)
    .innerJoin(resultReports, eq(resultReports.id, resultReportValues.reportId))
    .innerJoin(partnershipStages, eq(partnershipStages.id, resultReports.stageId))
    .innerJoin(goalIndicators, eq(goalIndicators.id, resultReportValues.indicatorId))
    .innerJoin(applicationGoals, eq(applicationGoals.id, goalIndicators.goalId))
    .where(and(...where))
    .orderBy(asc(partnershipStages.startsOn), asc(resultReports.organisationId), sql`${applicationGoals.organisationId} is not null`, asc(applicationGoals.position), asc(goalIndicators.position))
    .then((rows) => rows.map(({ sharedGoal, roundNumber, ...r }) => ({ ...r, roundNumber: roundNumber ?? 1, sharedGoal: sharedGoal === null })));
}
export type AcceptedActual = Awaited<ReturnType<typeof acceptedActuals>>[number];
