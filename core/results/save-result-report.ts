import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { resultReports, resultReportValues } from '../../db/schema/result-reports.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { CoreContext } from '../context.ts';
import { refuseProblems, type FieldProblem } from '../errors.ts';
import { parseOrRefuse } from '../input/parse-or-refuse.ts';
import { text } from '../input/text.ts';
import { reportActuals } from './get-result-report.ts';
import { MAX_INDICATOR_NUMBER } from './indicator-number.ts';
import { findResultReport, reportIndicators, requireEditable, requireVersion } from './result-report-record.ts';
import { actualField, EMPTY_ACTUAL, MAX_PEOPLE, MAX_REPORT_TEXT, peopleTotal, type ActualFigures } from './result-report-rules.ts';

const count = z.number({ message: 'resultReportPeopleInvalid' }).nullable().optional();
export const resultActualInput = z.object({
  indicatorId: z.string(),
  /** A numeric indicator's actual (at most two decimals); for one that counts people it is their sum and need not be given. */
  value: z.number({ message: 'resultReportValueInvalid' }).nullable().optional(),
  women: count,
  men: count,
  other: count,
  /** A qualitative indicator's actual, in words. */
  valueText: text().trim().max(4000, 'tooLong').optional(),
});
export const saveResultReportInput = z.object({
  version: z.number().int(),
  narrative: text().trim().max(MAX_REPORT_TEXT, 'tooLong').optional(),
  lessons: text().trim().max(MAX_REPORT_TEXT, 'tooLong').optional(),
  publishLessons: z.boolean().optional(),
  actuals: z.array(resultActualInput).max(100, 'tooMany').optional(),
});
export type SaveResultReportInput = z.input<typeof saveResultReportInput>;
export type ResultActualInput = z.input<typeof resultActualInput>;

const isPeople = (n: number | null | undefined) => n === null || n === undefined || (Number.isInteger(n) && n >= 0 && n <= MAX_PEOPLE);
const isValue = (n: number | null | undefined) => n === null || n === undefined || (Number.isFinite(n) && Math.abs(n) <= MAX_INDICATOR_NUMBER && Math.round(n * 100) === n * 100);

/**
 * Saves what the partner typed into its draft (or returned) report, incomplete or not: the narrative, the
 * lessons learned and whether they may be published (each left as it is when not given), and the actuals
 * of the indicators given (the others stay as they are). Against the report's version (`staleEdit`, 409).
 * Every refused value at once, each on its indicator's field.
 */
export async function saveResultReport(ctx: CoreContext, { reportId, ...input }: { reportId: string } & SaveResultReportInput): Promise<{ version: number }> {
  const parsed = parseOrRefuse(saveResultReportInput, input);
  return ctx.db.transaction(async (tx) => {
    const tctx = { ...ctx, db: tx };
    const { report, stage } = await findResultReport(tctx, tx, reportId, { lock: true });
    requireEditable(ctx, report);
    requireVersion(report, parsed.version);
    const indicators = await reportIndicators(tx, stage.applicationId, report.organisationId);
    const byId = new Map(indicators.map((i) => [i.id, i]));
    const before = await reportActuals(tx, report.id, indicators.map((i) => i.id));
    const problems: FieldProblem[] = [];
    const rows: (ActualFigures & { indicatorId: string })[] = [];
    (parsed.actuals ?? []).forEach((a, index) => {
      const indicator = byId.get(a.indicatorId);
      if (!indicator) return problems.push({ field: `actuals.${index}.indicatorId`, code: 'resultReportUnknownIndicator' });
      const n = indicators.indexOf(indicator) + 1;
      if (indicator.kind === 'people') {
        const parts = { women: a.women ?? null, men: a.men ?? null, other: a.other ?? null };
        let valid = true;
        for (const part of ['women', 'men', 'other'] as const) {
          if (!isPeople(parts[part])) {
            valid = false;
            problems.push({ field: actualField(indicator.id, part), code: 'resultReportPeopleInvalid', params: { indicator: n } });
          }
        }
        if (valid) rows.push({ indicatorId: indicator.id, ...parts, value: peopleTotal(parts), valueText: '' });
      } else if (indicator.kind === 'number') {
        if (!isValue(a.value)) problems.push({ field: actualField(indicator.id, 'value'), code: 'resultReportValueInvalid', params: { indicator: n } });
        else rows.push({ indicatorId: indicator.id, ...EMPTY_ACTUAL, value: a.value ?? null });
      } else rows.push({ indicatorId: indicator.id, ...EMPTY_ACTUAL, valueText: a.valueText ?? '' });
    });
    refuseProblems(problems);
    for (const row of rows) {
      const { indicatorId, ...figures } = row;
      await tx
        .insert(resultReportValues)
        .values({ reportId: report.id, indicatorId, ...figures })
        .onConflictDoUpdate({ target: [resultReportValues.reportId, resultReportValues.indicatorId], set: figures });
    }
    const texts = { narrative: parsed.narrative ?? report.narrative, lessons: parsed.lessons ?? report.lessons, publishLessons: parsed.publishLessons ?? report.publishLessons };
    const [saved] = await tx
      .update(resultReports)
      .set({ ...texts, version: report.version + 1, updatedAt: ctx.now() })
      .where(eq(resultReports.id, report.id))
      .returning({ version: resultReports.version });
    const changed = rows.filter((r) => JSON.stringify({ ...EMPTY_ACTUAL, ...before.get(r.indicatorId) }) !== JSON.stringify({ value: r.value, women: r.women, men: r.men, other: r.other, valueText: r.valueText }));
    await recordAudit(tx, tctx, {
      action: 'result-report.saved',
      recordType: 'result_report',
      recordId: report.id,
      before: { version: report.version, narrative: report.narrative, lessons: report.lessons, publishLessons: report.publishLessons, actuals: changed.map((r) => ({ indicatorId: r.indicatorId, ...(before.get(r.indicatorId) ?? EMPTY_ACTUAL) })) },
      after: { version: saved!.version, ...texts, actuals: changed },
    });
    return { version: saved!.version };
  });
}
