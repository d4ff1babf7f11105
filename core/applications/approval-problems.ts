import { asc, eq } from 'drizzle-orm';
import { applicationScores } from '../../db/schema/applications.ts';
import { callCriteria, calls } from '../../db/schema/calls.ts';
import type { CoreContext } from '../context.ts';
import type { FieldProblem } from '../errors.ts';
import { LATEST_START_AFTER_DEADLINE_MONTHS, periodStartWindow, stagePeriodProblem } from './stage-period.ts';
import type { ApprovalInput } from './approval-input.ts';

/**
 * Every reason not to approve with these values, each with its field, for whichever values are given:
 * each of the call's criteria scored (by any adviser: scores are saved for all criteria at once, and
 * the one who decides need not be the one who scored; `scores`), a period that starts within
 * `periodStartWindow` (`startsOn`) and lasts as the stage allows (`endsOn`), an amount within the
 * call's ceiling (`amount`).
 */
export async function approvalProblems(ctx: CoreContext, applicationId: string, call: typeof calls.$inferSelect, input: Partial<ApprovalInput>): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const criteria = await ctx.db.select({ id: callCriteria.id, name: callCriteria.name }).from(callCriteria).where(eq(callCriteria.callId, call.id)).orderBy(asc(callCriteria.position));
  const scored = new Set((await ctx.db.selectDistinct({ id: applicationScores.criterionId }).from(applicationScores).where(eq(applicationScores.applicationId, applicationId))).map((s) => s.id));
  const unscored = criteria.filter((c) => !scored.has(c.id));
  if (unscored.length > 0) problems.push({ field: 'scores', code: 'scoresMissing', params: { criteria: unscored.map((c) => c.name).join(', '), count: unscored.length } });

  const { startsOn, endsOn, amount } = input;
  if (startsOn !== undefined) {
    const { first, last } = periodStartWindow(call);
    if (startsOn < first || startsOn > last) problems.push({ field: 'startsOn', code: 'periodStartOutsideCall', params: { first, last, years: LATEST_START_AFTER_DEADLINE_MONTHS / 12 } });
  }
  if (startsOn !== undefined && endsOn !== undefined) {
    const lasts = endsOn > startsOn ? stagePeriodProblem(call.stage, startsOn, endsOn) : { code: 'endBeforeStart' as const, params: {} };
    if (lasts) problems.push({ field: 'endsOn', ...lasts });
  }
  if (amount !== undefined && amount * 100 > call.budgetCeilingMinor) {
    problems.push({ field: 'amount', code: 'amountAboveCeiling', params: { ceiling: call.budgetCeilingMinor / 100, currency: call.currency } });
  }
  return problems;
}
