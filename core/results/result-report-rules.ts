import type { FieldProblem } from '../errors.ts';
import type { IndicatorKind } from './result-report-record.ts';

/** The longest narrative and lessons learned a report keeps. */
export const MAX_REPORT_TEXT = 20_000;
/** The most people one gender count may hold on one indicator. */
export const MAX_PEOPLE = 100_000_000;

/** The form field of an indicator's actual (pages) that the core's problems name: `indicator.<id>.value|women|men|other|text`. */
export type ActualPart = 'value' | 'women' | 'men' | 'other' | 'text';
export const actualField = (indicatorId: string, part: ActualPart) => `indicator.${indicatorId}.${part}`;

/** One indicator's actual as stored (null or '' while not given). */
export interface ActualFigures {
  value: number | null;
  women: number | null;
  men: number | null;
  other: number | null;
  valueText: string;
}

export const EMPTY_ACTUAL: ActualFigures = { value: null, women: null, men: null, other: null, valueText: '' };

/**
 * Everything that keeps a report from being submitted, every problem at once: a narrative and lessons
 * learned, and an actual for every indicator: women, men and other (0 where none) for one that counts
 * people, a number for a numeric one, words for a qualitative one. Each problem names its field and the
 * indicator's number on the page.
 */
export function resultSubmissionProblems(report: { narrative: string; lessons: string }, indicators: readonly { id: string; kind: IndicatorKind; actual: ActualFigures }[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (report.narrative.trim() === '') problems.push({ field: 'narrative', code: 'resultReportNarrativeMissing' });
  indicators.forEach((indicator, n) => {
    const params = { indicator: n + 1 };
    const a = indicator.actual;
    if (indicator.kind === 'people') {
      for (const part of ['women', 'men', 'other'] as const) if (a[part] === null) problems.push({ field: actualField(indicator.id, part), code: 'resultReportPeopleMissing', params });
    } else if (indicator.kind === 'number') {
      if (a.value === null) problems.push({ field: actualField(indicator.id, 'value'), code: 'resultReportValueMissing', params });
    } else if (a.valueText.trim() === '') problems.push({ field: actualField(indicator.id, 'text'), code: 'resultReportTextMissing', params });
  });
  if (report.lessons.trim() === '') problems.push({ field: 'lessons', code: 'resultReportLessonsMissing' });
  return problems;
}

/** The people an actual counts: women + men + other, or null while any is missing. */
export function peopleTotal(a: Pick<ActualFigures, 'women' | 'men' | 'other'>): number | null {
  return a.women === null || a.men === null || a.other === null ? null : a.women + a.men + a.other;
}

/**
 * Whether an actual reaches the target, going the way the target lies from the baseline (a target below
 * the baseline is reached at or under it). Null for a qualitative indicator or a missing value.
 */
export function reachesTarget(baseline: number | null, target: number | null, actual: number | null): boolean | null {
  if (baseline === null || target === null || actual === null) return null;
  return target >= baseline ? actual >= target : actual <= target;
}
