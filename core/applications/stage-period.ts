import type { CallStage } from '../../db/schema/calls.ts';
import type { ErrorCode } from '../errors.ts';

/** The ISO date `months` months after `date` (UTC calendar arithmetic; 31 Jan + 1 month rolls into March). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The longest a stage may last (docs/architecture.md#agreement-chain): a feasibility study and a round a year, an agreement five. */
export const STAGE_MAX_MONTHS: Record<CallStage, number> = { feasibility: 12, round: 12, agreement: 60 };

/** An approved period starts at most this long after the call's deadline (the decision and contract take time, not years). */
export const LATEST_START_AFTER_DEADLINE_MONTHS = 24;

/**
 * The length a stage may have (docs/architecture.md#agreement-chain): a feasibility study and a round last at most a year;
 * a collaboration agreement two to five years. Returns the problem, or null when the period fits.
 */
export function stagePeriodProblem(stage: CallStage, startsOn: string, endsOn: string): { code: ErrorCode; params: Record<string, number> } | null {
  // Periods run to the end of their last day: 2027-01-01 to 2028-12-31 is exactly two years.
  const end = addDays(endsOn, 1);
  if (stage === 'agreement' && (end < addMonths(startsOn, 24) || end > addMonths(startsOn, STAGE_MAX_MONTHS.agreement))) return { code: 'agreementPeriod', params: { min: 2, max: 5 } };
  if (stage !== 'agreement' && end > addMonths(startsOn, STAGE_MAX_MONTHS[stage])) return { code: 'stagePeriodTooLong', params: { max: 12 } };
  return null;
}

/**
 * The days an approved period may start on for a call: from 1 January of the year the call opens
 * (periods are planned by the year; a call opening in the autumn may fund a period from that January)
 * to two years after its deadline. A 2027 call's agreement cannot start in 1990 or in 2099.
 */
export function periodStartWindow(call: { opensOn: string; deadline: string }): { first: string; last: string } {
  return { first: `${call.opensOn.slice(0, 4)}-01-01`, last: addMonths(call.deadline, LATEST_START_AFTER_DEADLINE_MONTHS) };
}

/**
 * The months a planned stay may start in (YYYY-MM). An application has no period of its own until it
 * is approved, so its plan is held to every period the call could approve: from the first month
 * `periodStartWindow` allows to the last month of the longest stage that starts as late as it allows
 * (docs/decisions/006, addendum).
 */
export function flowStartWindow(call: { opensOn: string; deadline: string; stage: CallStage }): { first: string; last: string } {
  const { first, last } = periodStartWindow(call);
  const latestEnd = addDays(addMonths(last, STAGE_MAX_MONTHS[call.stage]), -1);
  return { first: first.slice(0, 7), last: latestEnd.slice(0, 7) };
}
