import { asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { applicationGoals, goalIndicators } from '../../db/schema/applications.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import type { CoreContext } from '../context.ts';
import { isRecordId } from '../records/record-id.ts';
import { acceptedActuals } from './accepted-actuals.ts';
import { indicatorKind } from './result-report-record.ts';
import { reachesTarget } from './result-report-rules.ts';

/**
 * A partnership's results framework as it stands: the goals and indicators of its latest granted stage's
 * application (the goals set when applying carry into the partnership; a continuation's copies keep each
 * indicator's series), each with its baseline and target and the accepted actuals over time, one point per
 * round: the sum over the partners that reported it (people by gender too), and each partner's value.
 * Only accepted reports count. Public, like the partnership page: figures only, no narratives.
 */
export async function getPartnershipResults(ctx: CoreContext, { partnershipId }: { partnershipId: string }) {
  if (!isRecordId(partnershipId)) return { goals: [] };
  // The latest stage's application, read inside both queries rather than by a query of its own.
  const latest = ctx.db
    .select({ applicationId: partnershipStages.applicationId })
    .from(partnershipStages)
    .where(eq(partnershipStages.partnershipId, partnershipId))
    .orderBy(desc(partnershipStages.startsOn), desc(partnershipStages.createdAt))
    .limit(1);
  const [goals, indicators] = await Promise.all([
    ctx.db
      .select({ id: applicationGoals.id, description: applicationGoals.description, organisationId: applicationGoals.organisationId, organisationName: organisations.legalName })
      .from(applicationGoals)
      .leftJoin(organisations, eq(organisations.id, applicationGoals.organisationId))
      .where(eq(applicationGoals.applicationId, latest))
      .orderBy(sql`${applicationGoals.organisationId} is not null`, asc(applicationGoals.position)),
    ctx.db
      .select(getTableColumns(goalIndicators))
      .from(goalIndicators)
      .innerJoin(applicationGoals, eq(applicationGoals.id, goalIndicators.goalId))
      .where(eq(applicationGoals.applicationId, latest))
      .orderBy(asc(goalIndicators.position)),
  ]);
  if (goals.length === 0) return { goals: [] };
  const actuals = await acceptedActuals(ctx.db, { partnershipIds: [partnershipId], seriesIds: indicators.map((i) => i.seriesId) });
  const reporters = actuals.length ? await ctx.db.select({ id: organisations.id, name: organisations.legalName }).from(organisations).where(inArray(organisations.id, [...new Set(actuals.map((a) => a.organisationId))])) : [];
  const names = new Map(reporters.map((r) => [r.id, r.name]));
  return {
    goals: goals.map((g) => ({
      id: g.id,
      description: g.description,
      organisationId: g.organisationId,
      organisationName: g.organisationName,
      indicators: indicators
        .filter((i) => i.goalId === g.id)
        .map((i) => {
          const kind = indicatorKind(i);
          const mine = actuals.filter((a) => a.seriesId === i.seriesId);
          const stages = [...new Map(mine.map((a) => [a.stageId, a])).values()];
          const points = stages.map((s) => {
            const rows = mine.filter((a) => a.stageId === s.stageId);
            const sum = (pick: (a: (typeof rows)[number]) => number | null) => (rows.some((a) => pick(a) !== null) ? rows.reduce((n, a) => n + (pick(a) ?? 0), 0) : null);
            const value = kind === 'text' ? null : sum((a) => a.value);
            return {
              stageId: s.stageId,
              roundNumber: s.roundNumber,
              periodStart: s.periodStart,
              periodEnd: s.periodEnd,
              value,
              women: kind === 'people' ? sum((a) => a.women) : null,
              men: kind === 'people' ? sum((a) => a.men) : null,
              other: kind === 'people' ? sum((a) => a.other) : null,
              reachesTarget: reachesTarget(i.baselineValue, i.targetValue, value),
              partners: rows.map((a) => ({ organisationId: a.organisationId, name: names.get(a.organisationId) ?? '', value: a.value, women: a.women, men: a.men, other: a.other, valueText: a.valueText })),
            };
          });
          return { id: i.id, description: i.description, level: i.level, kind, baseline: i.baseline, target: i.target, baselineValue: i.baselineValue, targetValue: i.targetValue, sdgTargets: i.sdgTargets, points };
        }),
    })),
  };
}
export type PartnershipResults = Awaited<ReturnType<typeof getPartnershipResults>>;

