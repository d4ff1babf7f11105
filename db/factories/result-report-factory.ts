import type { Database } from '../database.ts';
import { applicationGoals, goalIndicators, type IndicatorLevel } from '../schema/applications.ts';
import { resultReports, resultReportValues, type ResultReportStatus } from '../schema/result-reports.ts';

export type ResultReportRow = typeof resultReports.$inferSelect;
export type GoalIndicatorRow = typeof goalIndicators.$inferSelect;

export interface IndicatorSpec {
  description: string;
  baseline: string;
  target: string;
  level?: IndicatorLevel | null;
  countsPeople?: boolean;
  sdgTargets?: string[];
  /** The series an earlier application's indicator started (a continuation's copy); a new one by default. */
  seriesId?: string;
}

const asNumber = (typed: string) => (/^-?\d+(\.\d{1,2})?$/.test(typed) ? Number(typed) : null);

/**
 * A goal with its indicators on an application, straight into the database: `organisationId` null is a
 * shared goal. A baseline and target both plain numbers make the indicator numeric, as the goal form does.
 */
export async function createGoalWithIndicators(db: Database, { applicationId, organisationId = null, description = 'Better care for newborns in both hospitals', position = 0, indicators }: { applicationId: string; organisationId?: string | null; description?: string; position?: number; indicators: IndicatorSpec[] }) {
  const [goal] = await db.insert(applicationGoals).values({ applicationId, organisationId, description, position }).returning();
  const rows = await db
    .insert(goalIndicators)
    .values(
      indicators.map((i, n) => {
        const baselineValue = asNumber(i.baseline);
        const targetValue = asNumber(i.target);
        const numeric = baselineValue !== null && targetValue !== null;
        return {
          goalId: goal!.id,
          description: i.description,
          baseline: i.baseline,
          target: i.target,
          position: n,
          level: i.level ?? null,
          countsPeople: i.countsPeople ?? false,
          sdgTargets: i.sdgTargets ?? [],
          baselineValue: numeric ? baselineValue : null,
          targetValue: numeric ? targetValue : null,
          ...(i.seriesId ? { seriesId: i.seriesId } : {}),
        };
      }),
    )
    .returning();
  return { goal: goal!, indicators: rows };
}

export interface ResultValueSpec {
  indicatorId: string;
  value?: number | null;
  women?: number | null;
  men?: number | null;
  other?: number | null;
  valueText?: string;
}

/**
 * A partner's results report on a round, straight into the database (no rules applied): status, texts and
 * actuals as given (a people actual's `value` is the sum of its genders unless given). Submitted and decided
 * reports get plausible dates unless given.
 */
export async function createResultReport(
  db: Database,
  { stageId, organisationId, status = 'draft', narrative = '', lessons = '', publishLessons = false, remark = '', values = [], submittedAt, decidedAt, decidedByLabel }: { stageId: string; organisationId: string; status?: ResultReportStatus; narrative?: string; lessons?: string; publishLessons?: boolean; remark?: string; values?: ResultValueSpec[]; submittedAt?: Date | null; decidedAt?: Date | null; decidedByLabel?: string | null },
): Promise<ResultReportRow> {
  const submitted = status === 'draft' ? null : (submittedAt ?? new Date('2026-02-10T10:00:00Z'));
  const decided = status === 'accepted' || status === 'returned' ? (decidedAt ?? new Date('2026-02-20T10:00:00Z')) : null;
  const [report] = await db
    .insert(resultReports)
    .values({ stageId, organisationId, status, narrative, lessons, publishLessons, remark, submittedAt: submitted, decidedAt: decided, decidedByLabel: decided ? (decidedByLabel ?? 'adviser@demo.example') : null, createdAt: submitted ?? undefined, updatedAt: decided ?? submitted ?? undefined })
    .returning();
  if (!report) throw new Error('result report insert returned nothing');
  if (values.length > 0) {
    await db.insert(resultReportValues).values(
      values.map((v) => {
        const people = v.women !== undefined || v.men !== undefined || v.other !== undefined;
        const sum = people && v.women != null && v.men != null && v.other != null ? v.women + v.men + v.other : null;
        return { reportId: report.id, indicatorId: v.indicatorId, value: v.value ?? sum, women: v.women ?? null, men: v.men ?? null, other: v.other ?? null, valueText: v.valueText ?? '' };
      }),
    );
  }
  return report;
}
