import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { applicationGoals, goalIndicators } from '../../db/schema/applications.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import { resultReports, resultReportValues } from '../../db/schema/result-reports.ts';
import { osloDate } from '../partnerships/check-deadline.ts';
import { PUBLIC_STATUSES } from '../partnerships/list-public-partnerships.ts';
import type { OpenDataRow } from './stream-open-data-rows.ts';

export interface ResultsCursor {
  reportId: string;
  indicatorId: string;
}

/**
 * One keyset page (by report, then indicator) of the results: one row per accepted report's actual, that is
 * per partnership, round, reporting partner and indicator, with the indicator's level, baseline and target
 * and the actual (by gender for an indicator that counts people). **Only reports the adviser accepted**, of
 * public partnerships. The report's lessons learned only when the partner chose to publish them; the
 * narrative never. The same facts as `acceptedActuals` (core/results/accepted-actuals.ts), read a page at a time.
 */
export async function loadOpenDataResults(db: Database, { after, limit }: { after?: ResultsCursor; limit: number }) {
  const rows = await db
    .select({
      reportId: resultReportValues.reportId,
      indicatorId: resultReportValues.indicatorId,
      partnershipId: partnerships.id,
      partnership: partnerships.title,
      roundNumber: partnershipStages.roundNumber,
      periodStart: partnershipStages.startsOn,
      periodEnd: partnershipStages.endsOn,
      organisationId: organisations.id,
      organisation: organisations.legalName,
      goalOrganisationId: applicationGoals.organisationId,
      goal: applicationGoals.description,
      seriesId: goalIndicators.seriesId,
      indicator: goalIndicators.description,
      level: goalIndicators.level,
      countsPeople: goalIndicators.countsPeople,
      sdgTargets: goalIndicators.sdgTargets,
      baseline: goalIndicators.baseline,
      target: goalIndicators.target,
      baselineValue: goalIndicators.baselineValue,
      targetValue: goalIndicators.targetValue,
      value: resultReportValues.value,
      women: resultReportValues.women,
      men: resultReportValues.men,
      other: resultReportValues.other,
      valueText: resultReportValues.valueText,
      decidedAt: resultReports.decidedAt,
      lessons: sql<string | null>`case when ${resultReports.publishLessons} then ${resultReports.lessons} end`,
    })
    .from(resultReportValues)
    .innerJoin(resultReports, eq(resultReports.id, resultReportValues.reportId))
    .innerJoin(partnershipStages, eq(partnershipStages.id, resultReports.stageId))
    .innerJoin(partnerships, eq(partnerships.id, partnershipStages.partnershipId))
    .innerJoin(organisations, eq(organisations.id, resultReports.organisationId))
    .innerJoin(goalIndicators, eq(goalIndicators.id, resultReportValues.indicatorId))
    .innerJoin(applicationGoals, eq(applicationGoals.id, goalIndicators.goalId))
    .where(
      and(
        eq(resultReports.status, 'accepted'),
        sql`${partnerships.status} in (${sql.join(PUBLIC_STATUSES.map((s) => sql`${s}`), sql`, `)})`,
        after ? or(gt(resultReportValues.reportId, after.reportId), and(eq(resultReportValues.reportId, after.reportId), gt(resultReportValues.indicatorId, after.indicatorId))) : undefined,
      ),
    )
    .orderBy(asc(resultReportValues.reportId), asc(resultReportValues.indicatorId))
    .limit(limit);
  const out: OpenDataRow[] = rows.map((r) => {
    const people = r.countsPeople;
    return {
      partnership_id: r.partnershipId,
      partnership: r.partnership,
      round: r.roundNumber ?? 1,
      period_start: r.periodStart,
      period_end: r.periodEnd,
      organisation_id: r.organisationId,
      organisation: r.organisation,
      shared_goal: r.goalOrganisationId === null,
      goal: r.goal,
      indicator_id: r.indicatorId,
      indicator_series_id: r.seriesId,
      indicator: r.indicator,
      level: r.level,
      counts_people: people,
      sdg_targets: r.sdgTargets,
      baseline: r.baseline,
      target: r.target,
      baseline_value: r.baselineValue,
      target_value: r.targetValue,
      actual: r.value,
      actual_women: people ? r.women : null,
      actual_men: people ? r.men : null,
      actual_other: people ? r.other : null,
      actual_text: r.valueText,
      accepted_on: r.decidedAt ? osloDate(r.decidedAt) : null,
      lessons: r.lessons?.trim() ? r.lessons : null,
    };
  });
  const last = rows.at(-1);
  return { rows: out, next: rows.length === limit && last ? { reportId: last.reportId, indicatorId: last.indicatorId } : undefined };
}
