import type { FieldProblem } from '../errors.ts';
import { WHOLE_BASIS_POINTS } from './money.ts';

/** The kind of a line the partner adds itself, beside the lines of its budget. */
export const OTHER_LINE_KIND = 'other';
/** A line the partner budgeted outside the unit costs (a budget's `other` line), reported on like any budget line. */
export const BUDGETED_OTHER_LINE_KIND = 'budgeted_other';

/** One line of a financial report as the rules need it. */
export interface ReportLineFigures {
  id: string;
  position: number;
  kind: string;
  budgetMinor: number;
  actualMinor: number | null;
  explanation: string;
}

/** Actual minus budget, in minor units; null while no actual is entered. */
export function varianceMinor(budgetMinor: number, actualMinor: number | null): number | null {
  return actualMinor === null ? null : actualMinor - budgetMinor;
}

/** The variance as a share of the budget in basis points (1,250 = 12.5 %), rounded toward zero; null without an actual or with a 0 budget. */
export function varianceBasisPoints(budgetMinor: number, actualMinor: number | null): number | null {
  if (actualMinor === null || budgetMinor === 0) return null;
  return Number(((BigInt(actualMinor) - BigInt(budgetMinor)) * BigInt(WHOLE_BASIS_POINTS)) / BigInt(budgetMinor));
}

/**
 * The variance rule, written once: a line needs an explanation when what was spent differs from the
 * budget by more than the programme's threshold, |actual − budget| > budget × threshold / 10,000. A line
 * budgeted at 0 on which anything was spent always needs one. Exact integer arithmetic (BigInt), no float.
 */
export function needsExplanation(budgetMinor: number, actualMinor: number | null, thresholdBasisPoints: number): boolean {
  if (actualMinor === null) return false;
  const difference = BigInt(actualMinor) - BigInt(budgetMinor);
  const absolute = difference < 0n ? -difference : difference;
  return absolute * BigInt(WHOLE_BASIS_POINTS) > BigInt(budgetMinor) * BigInt(thresholdBasisPoints);
}

/** Whether this line must be explained before the report is submitted: a line the partner added always (its justification), a budget line by the variance rule. */
export function explanationRequired(line: Pick<ReportLineFigures, 'kind' | 'budgetMinor' | 'actualMinor'>, thresholdBasisPoints: number): boolean {
  return line.kind === OTHER_LINE_KIND || needsExplanation(line.budgetMinor, line.actualMinor, thresholdBasisPoints);
}

/** The form field a line's value is typed in (pages) and the core's problems name: `line.<id>.actual`, `.explanation`, `.label`. */
export const lineField = (lineId: string, what: 'actual' | 'explanation' | 'label') => `line.${lineId}.${what}`;

/**
 * Everything that keeps a report from being submitted, every problem at once: each line needs an actual
 * amount, and an explanation where `explanationRequired` says so. Each problem names its line's field
 * and its number on the page.
 */
export function submissionProblems(lines: readonly ReportLineFigures[], thresholdBasisPoints: number): FieldProblem[] {
  if (lines.length === 0) return [{ field: 'form', code: 'financialReportEmpty' }];
  const problems: FieldProblem[] = [];
  for (const line of [...lines].sort((a, b) => a.position - b.position)) {
    const params = { line: line.position, threshold: thresholdBasisPoints / 100 };
    if (line.actualMinor === null) problems.push({ field: lineField(line.id, 'actual'), code: 'financialReportActualMissing', params });
    if (explanationRequired(line, thresholdBasisPoints) && line.explanation.trim() === '') {
      problems.push({ field: lineField(line.id, 'explanation'), code: line.kind === OTHER_LINE_KIND ? 'financialReportOtherLineUnexplained' : 'financialReportExplanationMissing', params });
    }
  }
  return problems;
}
