import { isBeforeDeadline, osloDate } from '../partnerships/check-deadline.ts';

export type CallPhase = 'upcoming' | 'open' | 'closed';

/**
 * Where a call stands at this instant, by calendar dates in Europe/Oslo: open from the first minute
 * of `opensOn` to the last minute of `deadline`, both in Førde's time.
 */
export function callPhase(call: { opensOn: string; deadline: string }, now: Date): CallPhase {
  if (osloDate(now) < call.opensOn) return 'upcoming';
  return isBeforeDeadline(call.deadline, now) ? 'open' : 'closed';
}
