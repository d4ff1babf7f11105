import { eq } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { resultReportValues } from '../../db/schema/result-reports.ts';
import type { CoreContext } from '../context.ts';
import { can } from '../identity/permissions.ts';
import { EDITABLE_RESULT_STATUSES, findResultReport, reportIndicators } from './result-report-record.ts';
import { EMPTY_ACTUAL, peopleTotal, reachesTarget, type ActualFigures } from './result-report-rules.ts';

/** The actuals stored for a report, by indicator. */
export async function reportActuals(db: Database, reportId: string, indicatorIds: string[]) {
  if (indicatorIds.length === 0) return new Map<string, ActualFigures>();
  const rows = await db.select().from(resultReportValues).where(eq(resultReportValues.reportId, reportId));
  const wanted = new Set(indicatorIds);
  return new Map(rows.filter((r) => wanted.has(r.indicatorId)).map((r) => [r.indicatorId, { value: r.value, women: r.women, men: r.men, other: r.other, valueText: r.valueText }]));
}

/**
 * One results report as its page and the API show it: the round, the partnership and the reporting partner,
 * the narrative and lessons learned (with the opt-in to publish them), each indicator the partner reports on
 * (its goal, level, baseline and target, how its actual is given) with the actual entered, and what the
 * reader may do with it now.
 */
export async function getResultReport(ctx: CoreContext, { reportId }: { reportId: string }) {
  const { report, stage, partnershipTitle } = await findResultReport(ctx, ctx.db, reportId);
  const [indicators, [organisation]] = await Promise.all([
    reportIndicators(ctx.db, stage.applicationId, report.organisationId),
    ctx.db.select({ name: organisations.legalName }).from(organisations).where(eq(organisations.id, report.organisationId)),
  ]);
  const actuals = await reportActuals(ctx.db, report.id, indicators.map((i) => i.id));
  return {
    id: report.id,
    status: report.status,
    version: report.version,
    narrative: report.narrative,
    lessons: report.lessons,
    publishLessons: report.publishLessons,
    remark: report.remark,
    submittedAt: report.submittedAt,
    decidedAt: report.decidedAt,
    decidedByLabel: report.decidedByLabel,
    createdAt: report.createdAt,
    updatedAt: report.updatedAt,
    stage: { id: stage.id, roundNumber: stage.roundNumber ?? 1, startsOn: stage.startsOn, endsOn: stage.endsOn, partnershipId: stage.partnershipId },
    partnershipTitle,
    organisation: { id: report.organisationId, name: organisation?.name ?? '' },
    indicators: indicators.map((i) => {
      const actual = actuals.get(i.id) ?? EMPTY_ACTUAL;
      const number = i.kind === 'people' ? peopleTotal(actual) : actual.value;
      return {
        id: i.id,
        goal: i.goal,
        description: i.description,
        level: i.level,
        kind: i.kind,
        baseline: i.baseline,
        target: i.target,
        baselineValue: i.baselineValue,
        targetValue: i.targetValue,
        sdgTargets: i.sdgTargets,
        actual: { ...actual, total: number },
        reachesTarget: reachesTarget(i.baselineValue, i.targetValue, number),
      };
    }),
    canEdit: EDITABLE_RESULT_STATUSES.includes(report.status) && can(ctx.actor, 'result-report:write', { organisationId: report.organisationId }),
    canDecide: report.status === 'submitted' && can(ctx.actor, 'result-report:decide'),
  };
}
export type ResultReportDetail = Awaited<ReturnType<typeof getResultReport>>;

