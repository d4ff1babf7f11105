import type { FieldProblem } from '../errors.ts';
import { osloDate } from '../partnerships/check-deadline.ts';

/** The exchange programme began in 2001: no call opens, and no stage or stay starts, before then. */
export const PROGRAMME_START_YEAR = 2001;

/** Calls are planned at most this many calendar years ahead of the current one (in Oslo); error.callDateOutOfRange says "five". */
export const CALL_YEARS_AHEAD = 5;

/** True for a real calendar date written YYYY-MM-DD (not 2026-02-30). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCFullYear() === Number(match[1]) && date.toISOString().slice(0, 10) === value;
}

/** The years a call's dates may fall in at this instant: from the programme's start to five years ahead. */
export function callYears(now: Date): { first: number; last: number } {
  return { first: PROGRAMME_START_YEAR, last: Number(osloDate(now).slice(0, 4)) + CALL_YEARS_AHEAD };
}

/**
 * Every problem with a call's two dates at once: each must fall in `callYears(now)` ("between 2001 and
 * 2031"), and the deadline may not come before the opening (the same day is a one-day call). Values
 * that are not dates yet are left to the format check; the order is only compared between two dates
 * that are each plausible, so a wrong opening date does not also blame the deadline.
 */
export function callDateProblems(dates: { opensOn?: unknown; deadline?: unknown }, now: Date): FieldProblem[] {
  const { first, last } = callYears(now);
  const problems: FieldProblem[] = [];
  const plausible: Partial<Record<'opensOn' | 'deadline', string>> = {};
  for (const field of ['opensOn', 'deadline'] as const) {
    const value = dates[field];
    if (!isIsoDate(value)) continue;
    const year = Number(value.slice(0, 4));
    if (year < first || year > last) problems.push({ field, code: 'callDateOutOfRange', params: { first: String(first), last: String(last) } });
    else plausible[field] = value;
  }
  if (plausible.opensOn && plausible.deadline && plausible.deadline < plausible.opensOn) problems.push({ field: 'deadline', code: 'deadlineBeforeOpening' });
  return problems;
}
