import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { applicationGoals, applications, goalIndicators } from '../../db/schema/applications.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { partnershipStages } from '../../db/schema/partnership-stages.ts';
import { partnerships } from '../../db/schema/partnerships.ts';
import { programmes } from '../../db/schema/programmes.ts';
import { sharedRead } from '../../db/shared-read-cache.ts';
import { resultReports, resultReportValues } from '../../db/schema/result-reports.ts';
import { MARKERS } from '../applications/markers.ts';
import type { CoreContext } from '../context.ts';
import { requirePermission } from '../identity/permissions.ts';
import { parseOrRefuse } from '../input/parse-or-refuse.ts';
import { isCode } from '../reference/codelists.ts';
import { isRecordId } from '../records/record-id.ts';
import { indicatorKind } from './result-report-record.ts';
import { reachesTarget } from './result-report-rules.ts';

import { NO_GROUP, RESULT_DIMENSIONS, type ResultDimension } from './result-dimensions.ts';

export { NO_GROUP, RESULT_DIMENSIONS, type ResultDimension };

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());
/** The filters, as the page's GET form and the API's query send them; every one optional. */
export const resultsFilterInput = z.object({
  programme: optional(z.string().refine(isRecordId, 'invalid')),
  year: optional(z.coerce.number({ message: 'invalid' }).int('invalid').min(2000, 'invalid').max(2100, 'invalid')),
  country: optional(z.string().refine((c) => isCode('Country', c), 'invalid')),
  sdg: optional(z.string().refine((c) => isCode('UNSDG-Goals', c), 'invalid')),
  theme: optional(z.enum(MARKERS.map((m) => m.code) as [string, ...string[]], { message: 'invalid' })),
});
export type ResultsFilter = z.infer<typeof resultsFilterInput>;

/** The figures of one group. */
export interface ResultFigures {
  /** Accepted reports with at least one actual in the group. */
  reports: number;
  partnerships: number;
  /** Indicator actuals counted. */
  indicators: number;
  /** Numeric actuals that reach their target, of those that have one (`measured`). */
  onTarget: number;
  measured: number;
  /** People reached, from the indicators that count people. */
  women: number;
  men: number;
  other: number;
  people: number;
}

interface Row {
  reportId: string;
  partnershipId: string;
  programmeId: string;
  programmeName: string;
  year: number;
  countryCode: string;
  sdgs: string[];
  themes: string[];
  countsPeople: boolean;
  onTarget: boolean | null;
  women: number;
  men: number;
  other: number;
}

function figures(rows: Row[]): ResultFigures {
  const women = rows.reduce((n, r) => n + r.women, 0);
  const men = rows.reduce((n, r) => n + r.men, 0);
  const other = rows.reduce((n, r) => n + r.other, 0);
  return {
    reports: new Set(rows.map((r) => r.reportId)).size,
    partnerships: new Set(rows.map((r) => r.partnershipId)).size,
    indicators: rows.length,
    onTarget: rows.filter((r) => r.onTarget === true).length,
    measured: rows.filter((r) => r.onTarget !== null).length,
    women,
    men,
    other,
    people: women + men + other,
  };
}

/** The keys a row counts under in a dimension: one for programme, country and year; any number for SDGs and themes (then groups overlap). */
const keysOf = (row: Row, dimension: ResultDimension): string[] => {
  switch (dimension) {
    case 'programme':
      return [row.programmeId];
    case 'country':
      return [row.countryCode];
    case 'year':
      return [String(row.year)];
    case 'sdg':
      return row.sdgs.length ? row.sdgs : [NO_GROUP];
    case 'theme':
      return row.themes.length ? row.themes : [NO_GROUP];
  }
};

/**
 * The results dashboards (issue 12, point 2): accepted actuals summed by programme, SDG, cross-cutting theme,
 * country (the reporting partner's) and year (the round's start), under the filters given. Each group has the
 * accepted reports and partnerships it covers, the indicator actuals, how many numeric ones reach their
 * target, and the people reached by gender (indicators that count people). An actual counts under every SDG
 * its indicator names (else the application's SDGs) and every theme its application marks as significant or
 * principal, so those groups may overlap; `total` counts each once. Only accepted reports count
 * (core/results/accepted-actuals.ts is the same rule for other readers). Agency staff only.
 */
export async function getResultsDashboard(ctx: CoreContext, filter: ResultsFilter = {}) {
  requirePermission(ctx.actor, 'results:read');
  const f = parseOrRefuse(resultsFilterInput, filter);
  // The same for every member of staff under the same filters, and read from every accepted report: kept
  // between writes (db/shared-read-cache.ts), made again after any change on this server and at least every minute.
  return sharedRead(ctx.db, `results-dashboard ${JSON.stringify(f)}`, () => readDashboard(ctx, f));
}
export type ResultsDashboard = Awaited<ReturnType<typeof getResultsDashboard>>;

async function readDashboard(ctx: CoreContext, f: z.infer<typeof resultsFilterInput>) {
  const year = sql<number>`extract(year from ${partnershipStages.startsOn})::int`;
  const where: (SQL | undefined)[] = [
    eq(resultReports.status, 'accepted'),
    f.programme ? eq(partnerships.programmeId, f.programme) : undefined,
    f.year ? sql`${year} = ${f.year}` : undefined,
    f.country ? eq(organisations.countryCode, f.country) : undefined,
  ];
  const raw = await ctx.db
    .select({
      reportId: resultReports.id,
      partnershipId: partnerships.id,
      programmeId: programmes.id,
      programmeName: programmes.name,
      year,
      countryCode: organisations.countryCode,
      indicatorSdgTargets: goalIndicators.sdgTargets,
      applicationSdgGoals: applications.sdgGoals,
      markers: applications.markers,
      countsPeople: goalIndicators.countsPeople,
      baselineValue: goalIndicators.baselineValue,
      targetValue: goalIndicators.targetValue,
      value: resultReportValues.value,
      women: resultReportValues.women,
      men: resultReportValues.men,
      other: resultReportValues.other,
    })
    .from(resultReportValues)
    .innerJoin(resultReports, eq(resultReports.id, resultReportValues.reportId))
    .innerJoin(partnershipStages, eq(partnershipStages.id, resultReports.stageId))
    .innerJoin(applications, eq(applications.id, partnershipStages.applicationId))
    .innerJoin(partnerships, eq(partnerships.id, partnershipStages.partnershipId))
    .innerJoin(programmes, eq(programmes.id, partnerships.programmeId))
    .innerJoin(organisations, eq(organisations.id, resultReports.organisationId))
    .innerJoin(goalIndicators, eq(goalIndicators.id, resultReportValues.indicatorId))
    .innerJoin(applicationGoals, eq(applicationGoals.id, goalIndicators.goalId))
    .where(and(...where))
    .orderBy(asc(resultReports.id));
  const rows: Row[] = raw
    .map((r) => {
      const fromTargets = [...new Set(r.indicatorSdgTargets.map((code) => code.split('.')[0]!))];
      const kind = indicatorKind({ countsPeople: r.countsPeople, baselineValue: r.baselineValue, targetValue: r.targetValue });
      return {
        reportId: r.reportId,
        partnershipId: r.partnershipId,
        programmeId: r.programmeId,
        programmeName: r.programmeName,
        year: r.year,
        countryCode: r.countryCode,
        sdgs: (fromTargets.length ? fromTargets : r.applicationSdgGoals).sort((a, b) => Number(a) - Number(b)),
        themes: MARKERS.map((m): string => m.code).filter((code) => ((r.markers as Record<string, number>)[code] ?? 0) >= 1),
        countsPeople: r.countsPeople,
        onTarget: kind === 'text' ? null : reachesTarget(r.baselineValue, r.targetValue, r.value),
        women: r.countsPeople ? (r.women ?? 0) : 0,
        men: r.countsPeople ? (r.men ?? 0) : 0,
        other: r.countsPeople ? (r.other ?? 0) : 0,
      };
    })
    .filter((r) => (!f.sdg || r.sdgs.includes(f.sdg)) && (!f.theme || r.themes.includes(f.theme)));
  const programmeNames = new Map(rows.map((r) => [r.programmeId, r.programmeName]));
  const by = (dimension: ResultDimension) => {
    const groups = new Map<string, Row[]>();
    for (const row of rows) for (const key of keysOf(row, dimension)) groups.set(key, [...(groups.get(key) ?? []), row]);
    const order = (a: string, b: string) => {
      if (a === NO_GROUP) return 1;
      if (b === NO_GROUP) return -1;
      if (dimension === 'year' || dimension === 'sdg') return Number(a) - Number(b);
      if (dimension === 'programme') return (programmeNames.get(a) ?? a).localeCompare(programmeNames.get(b) ?? b);
      return a.localeCompare(b);
    };
    return [...groups.keys()].sort(order).map((key) => ({ key, label: dimension === 'programme' ? (programmeNames.get(key) ?? key) : key, ...figures(groups.get(key)!) }));
  };
  return {
    filter: f,
    total: figures(rows),
    groups: Object.fromEntries(RESULT_DIMENSIONS.map((d) => [d, by(d)])) as Record<ResultDimension, ({ key: string; label: string } & ResultFigures)[]>,
    /** The choices for the filter form: programmes and years that have accepted results. */
    options: await dashboardOptions(ctx),
  };
}

async function dashboardOptions(ctx: CoreContext) {
  const [programmeRows, yearRows, countryRows] = await Promise.all([
    ctx.db.select({ id: programmes.id, name: programmes.name }).from(programmes).orderBy(asc(programmes.name)),
    ctx.db
      .selectDistinct({ year: sql<number>`extract(year from ${partnershipStages.startsOn})::int` })
      .from(resultReports)
      .innerJoin(partnershipStages, eq(partnershipStages.id, resultReports.stageId))
      .where(eq(resultReports.status, 'accepted')),
    ctx.db
      .selectDistinct({ code: organisations.countryCode })
      .from(resultReports)
      .innerJoin(organisations, eq(organisations.id, resultReports.organisationId))
      .where(eq(resultReports.status, 'accepted')),
  ]);
  return { programmes: programmeRows, years: yearRows.map((y) => y.year).sort((a, b) => a - b), countries: countryRows.map((c) => c.code).sort() };
}
